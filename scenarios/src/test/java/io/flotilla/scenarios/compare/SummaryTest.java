package io.flotilla.scenarios.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryTest {

    /** {@code null} in {@code values} and the expected parts stands for a run without a value. */
    record Case(String name, List<Double> values, Double median, Double min, Double max) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("one run", List.of(4.0), 4.0, 4.0, 4.0),
                new Case("odd count: the middle value", List.of(9.0, 1.0, 5.0), 5.0, 1.0, 9.0),
                new Case("even count: mean of the two middle values", List.of(4.0, 1.0, 2.0, 10.0), 3.0, 1.0, 10.0),
                new Case("a missing value ranks above every value", Arrays.asList(null, 1.0, 2.0), 2.0, 1.0, null),
                new Case("a missing middle value makes the median missing", Arrays.asList(null, null, 2.0), null, 2.0, null),
                new Case("even count with a missing upper middle", Arrays.asList(null, null, 1.0, 2.0), null, 1.0, null),
                new Case("every value missing", Arrays.asList(null, null), null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void medianAndRange(Case c) {
        Summary s = Summary.of(c.values().stream().map(SummaryTest::optional).toList());
        assertEquals(new Summary(optional(c.median()), optional(c.min()), optional(c.max())), s);
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
