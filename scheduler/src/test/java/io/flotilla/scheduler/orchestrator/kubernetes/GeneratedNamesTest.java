package io.flotilla.scheduler.orchestrator.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream {@code k8s.io/apiserver/pkg/storage/names/generate_test.go} TestSimpleNameGenerator. */
class GeneratedNamesTest {

    record Case(String name, int baseLength, int expectLength, int expectTrunc) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        int maxPrefix = GeneratedNames.MAX_NAME_LENGTH - GeneratedNames.RANDOM_LENGTH;
        return Stream.of(
                new Case("Normal use", 3, 3 + GeneratedNames.RANDOM_LENGTH, 0),
                new Case("Edge case: long name, just enough for suffix", maxPrefix, GeneratedNames.MAX_NAME_LENGTH, 0),
                new Case("Edge case: long name trucated", maxPrefix + 1, GeneratedNames.MAX_NAME_LENGTH, 1),
                new Case("Edge case: max length name trucated", GeneratedNames.MAX_NAME_LENGTH,
                        GeneratedNames.MAX_NAME_LENGTH, GeneratedNames.RANDOM_LENGTH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void simpleNameGenerator(Case c) {
        SplittableRandom random = new SplittableRandom(7);
        String base = SafeAlphanumerics.randomString(c.baseLength(), random);
        String name = GeneratedNames.generate(base, random);
        assertEquals(c.expectLength(), name.length());
        String prefix = base.substring(0, base.length() - c.expectTrunc());
        assertTrue(name.startsWith(prefix), name + " starts with " + prefix);
    }
}
