package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The name order of docker service ps and docker node ls, after fvbommel/sortorder's {@code TestNaturalLess} cases. */
class NaturalOrderTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("0", "00", true),
                Arguments.of("00", "0", false),
                Arguments.of("aa", "ab", true),
                Arguments.of("ab", "abc", true),
                Arguments.of("abc", "ad", true),
                Arguments.of("ab1", "ab2", true),
                Arguments.of("ab1c", "ab1c", false),
                Arguments.of("ab12", "abc", true),
                Arguments.of("ab2a", "ab10", true),
                Arguments.of("a0001", "a0000001", true),
                Arguments.of("a10", "abcdefgh2", true),
                Arguments.of("a1b", "a01b", true),
                Arguments.of("a01b", "a1b", false),
                Arguments.of("ab01b", "ab010b", true),
                Arguments.of("ab010b", "ab01b", false),
                Arguments.of("a01b001", "a001b01", true),
                Arguments.of("a001b01", "a01b001", false),
                Arguments.of("a1", "a1x", true),
                Arguments.of("1ax", "1b", true),
                Arguments.of("1b", "1ax", false),
                Arguments.of("web.2", "web.10", true),
                Arguments.of("worker-10", "worker-9", false));
    }

    @ParameterizedTest(name = "{0} < {1}: {2}")
    @MethodSource("cases")
    void less(String a, String b, boolean less) {
        assertEquals(less, NaturalOrder.less(a, b));
    }
}
