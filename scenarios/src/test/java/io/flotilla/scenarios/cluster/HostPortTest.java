package io.flotilla.scenarios.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --cluster} and {@code --join}: {@code HOST:PORT}. */
class HostPortTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("loopback", "127.0.0.1:2552", "127.0.0.1", 2552, true),
                Arguments.of("a name", "build-3.example.org:25520", "build-3.example.org", 25520, false),
                Arguments.of("localhost", "localhost:1", "localhost", 1, true),
                Arguments.of("IPv6 in brackets", "[::1]:2552", "::1", 2552, true),
                Arguments.of("spaces around", " 10.0.0.5:2552 ", "10.0.0.5", 2552, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void reads(String name, String text, String host, int port, boolean loopback) {
        HostPort at = HostPort.parse(text);
        assertEquals(new HostPort(host, port), at);
        assertEquals(loopback, at.loopback());
        assertEquals(text.trim(), at.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String name, String text) {
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no port", "127.0.0.1"),
                Arguments.of("port too large", "127.0.0.1:65536"),
                Arguments.of("port not a number", "host:http"),
                Arguments.of("no host", ":2552"),
                Arguments.of("IPv6 without brackets", "::1:2552"));
    }
}
