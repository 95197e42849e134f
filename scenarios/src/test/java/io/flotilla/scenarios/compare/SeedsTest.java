package io.flotilla.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedsTest {

    record Case(String text, List<Long> seeds) {
        @Override
        public String toString() {
            return text;
        }
    }

    static Stream<Case> valid() {
        return Stream.of(
                new Case("1..5", List.of(1L, 2L, 3L, 4L, 5L)),
                new Case("7", List.of(7L)),
                new Case("1,4,9", List.of(1L, 4L, 9L)),
                new Case("9, 4 ,1", List.of(9L, 4L, 1L)),
                new Case("1..3,7", List.of(1L, 2L, 3L, 7L)),
                new Case("3,3,2..3", List.of(3L, 2L)),
                new Case("-2..0", List.of(-2L, -1L, 0L)),
                new Case("5..5", List.of(5L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(Case c) {
        assertEquals(c.seeds(), Seeds.parse(c.text()));
    }

    record Bad(String text, String message) {
        @Override
        public String toString() {
            return "'" + text + "'";
        }
    }

    static Stream<Bad> invalid() {
        return Stream.of(
                new Bad("", "--seeds expects 1..N, a seed, or a comma list of them, got ''"),
                new Bad("1..", "--seeds expects 1..N, a seed, or a comma list of them, got '1..'"),
                new Bad("a", "--seeds expects 1..N, a seed, or a comma list of them, got 'a'"),
                new Bad("1,,2", "--seeds expects 1..N, a seed, or a comma list of them, got '1,,2'"),
                new Bad("5..1", "--seeds: the range 5..1 is empty"),
                new Bad("1..1001", "--seeds: at most 1000 seeds, got more in '1..1001'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(Bad b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seeds.parse(b.text()));
        assertEquals(b.message(), e.getMessage());
    }

    static Stream<Case> described() {
        return Stream.of(
                new Case("1..5", List.of(1L, 2L, 3L, 4L, 5L)),
                new Case("7", List.of(7L)),
                new Case("1,2", List.of(1L, 2L)),
                new Case("1,4..6,9", List.of(1L, 4L, 5L, 6L, 9L)),
                new Case("3,1,2", List.of(3L, 1L, 2L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("described")
    void describesRunsOfConsecutiveSeedsAsRanges(Case c) {
        assertEquals(c.text(), Seeds.describe(c.seeds()));
    }
}
