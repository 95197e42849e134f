package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FNV-32a against the FNV reference vectors; the hash's decimal digits in the safe alphabet; and
 * upstream {@code pkg/controller/controller_utils_test.go} TestComputeHash (a collision count
 * changes the hash, having none differs from having one).
 */
class PodTemplateHashTest {

    record Vector(String text, int hash) {
        @Override
        public String toString() {
            return "\"" + text + "\"";
        }
    }

    static Stream<Vector> vectors() {
        return Stream.of(new Vector("", 0x811c9dc5), new Vector("a", 0xe40c292c), new Vector("foobar", 0xbf9cf968));
    }

    @ParameterizedTest(name = "fnv32a({0})")
    @MethodSource("vectors")
    void fnv32a(Vector v) {
        assertEquals(v.hash(), PodTemplateHash.fnv32a(v.text()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theHashIsItsDecimalDigitsEncoded(Vector v) {
        assertEquals(SafeAlphanumerics.encode(Integer.toUnsignedString(v.hash())), PodTemplateHash.of(v.text(), OptionalInt.empty()));
    }

    record Collision(String name, OptionalInt collisionCount, OptionalInt otherCollisionCount) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Collision> collisions() {
        return Stream.of(
                new Collision("simple", OptionalInt.of(1), OptionalInt.of(2)),
                new Collision("using math.MaxInt64", OptionalInt.empty(), OptionalInt.of(Integer.MAX_VALUE)),
                new Collision("none and zero differ", OptionalInt.empty(), OptionalInt.of(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collisions")
    void computeHash(Collision c) {
        assertNotEquals(PodTemplateHash.of("", c.collisionCount()), PodTemplateHash.of("", c.otherCollisionCount()));
    }

    record Taken(String name, int takenCounts, OptionalInt expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Taken> taken() {
        return Stream.of(
                new Taken("a free hash keeps no collision count", 0, OptionalInt.empty()),
                new Taken("a taken hash raises the count to 1", 1, OptionalInt.of(1)),
                new Taken("and on while taken", 3, OptionalInt.of(3)));
    }

    /** The first {@code takenCounts} hashes of the sequence none, 1, 2... are another template's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("taken")
    void aCollisionRaisesTheCollisionCount(Taken c) {
        Set<String> others = new HashSet<>();
        for (int i = 0; i < c.takenCounts(); i++) {
            others.add(PodTemplateHash.of("t", i == 0 ? OptionalInt.empty() : OptionalInt.of(i)));
        }
        PodTemplateHash.Unique u = PodTemplateHash.unique("t", OptionalInt.empty(), others::contains);
        assertEquals(c.expected(), u.collisionCount());
        assertEquals(PodTemplateHash.of("t", c.expected()), u.hash());
    }
}
