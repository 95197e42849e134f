package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The units table: every accepted form and a few refused ones, per kind of quantity. */
class QuantitiesTest {

    private static final long KI = 1024;
    private static final long MI = 1024 * KI;
    private static final long GI = 1024 * MI;

    enum Kind {
        SIZE(Quantities::bytes),
        CPUS(Quantities::nanoCpus),
        BANDWIDTH(Quantities::bytesPerSecond),
        DURATION(Quantities::nanos);

        final Function<String, OptionalLong> parser;

        Kind(Function<String, OptionalLong> parser) {
            this.parser = parser;
        }
    }

    record Case(String name, Kind kind, String text, OptionalLong expected) {
        @Override
        public String toString() {
            return name + " (" + kind + " \"" + text + "\")";
        }
    }

    private static Case ok(String name, Kind kind, String text, long expected) {
        return new Case(name, kind, text, OptionalLong.of(expected));
    }

    private static Case bad(String name, Kind kind, String text) {
        return new Case(name, kind, text, OptionalLong.empty());
    }

    static Stream<Case> cases() {
        return Stream.of(
                ok("plain bytes", Kind.SIZE, "1048576", MI),
                ok("Kubernetes exponent", Kind.SIZE, "1e9", 1_000_000_000L),
                ok("Kubernetes binary Mi", Kind.SIZE, "512Mi", 512 * MI),
                ok("Kubernetes binary Gi", Kind.SIZE, "1Gi", GI),
                ok("Kubernetes Ki", Kind.SIZE, "64Ki", 64 * KI),
                ok("Docker M is binary", Kind.SIZE, "512M", 512 * MI),
                ok("Docker lower-case m is megabytes, not millibytes", Kind.SIZE, "512m", 512 * MI),
                ok("Docker MB is binary too", Kind.SIZE, "512MB", 512 * MI),
                ok("Docker lower-case g", Kind.SIZE, "1g", GI),
                ok("GiB spelled out", Kind.SIZE, "8GiB", 8 * GI),
                ok("k is 1024, as in Docker", Kind.SIZE, "1k", KI),
                ok("a space before the unit (Docker accepts it)", Kind.SIZE, "2 GB", 2 * GI),
                ok("a fraction", Kind.SIZE, "1.5G", 3 * GI / 2),
                ok("bytes with b", Kind.SIZE, "100b", 100),
                ok("terabytes", Kind.SIZE, "1T", 1024 * GI),
                bad("a wrong unit", Kind.SIZE, "12 parsecs"),
                bad("negative", Kind.SIZE, "-1G"),
                bad("unit only", Kind.SIZE, "G"),
                bad("two units", Kind.SIZE, "1GG"),
                bad("exponent and unit together", Kind.SIZE, "1e3k"),
                bad("too large for a long", Kind.SIZE, "9999999E"),
                bad("empty", Kind.SIZE, ""),
                ok("whole cpus", Kind.CPUS, "2", 2_000_000_000L),
                ok("half a cpu", Kind.CPUS, "0.5", 500_000_000L),
                ok("millicores", Kind.CPUS, "500m", 500_000_000L),
                ok("one millicore", Kind.CPUS, "1m", 1_000_000L),
                ok("leading dot", Kind.CPUS, ".25", 250_000_000L),
                ok("zero", Kind.CPUS, "0", 0),
                bad("negative cpus", Kind.CPUS, "-1"),
                bad("cores spelled out", Kind.CPUS, "2 cores"),
                bad("millicores with a fraction and a space", Kind.CPUS, "0.5 m"),
                ok("megabytes per second", Kind.BANDWIDTH, "100MB/s", 100 * MI),
                ok("gibibytes per second", Kind.BANDWIDTH, "1Gi/s", GI),
                ok("plain bytes per second", Kind.BANDWIDTH, "1000", 1000),
                bad("a size without /s", Kind.BANDWIDTH, "100MB"),
                bad("per minute", Kind.BANDWIDTH, "100MB/m"),
                ok("milliseconds", Kind.DURATION, "250ms", 250_000_000L),
                ok("seconds", Kind.DURATION, "30s", 30_000_000_000L),
                ok("hours and minutes", Kind.DURATION, "1h30m", 5_400_000_000_000L),
                ok("zero without a unit", Kind.DURATION, "0", 0),
                bad("seconds without a unit", Kind.DURATION, "5"),
                bad("words", Kind.DURATION, "5 minutes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parses(Case c) {
        assertEquals(c.expected(), c.kind().parser.apply(c.text()));
    }

    /** Well-formed but more than a long holds is told apart from a typo, for the message to say which. */
    @Test
    void tellsTooLargeFromMalformed() {
        assertTrue(Quantities.sizeTooLarge("99999999EiB"));
        assertTrue(Quantities.sizeTooLarge("1e300"));
        assertTrue(Quantities.sizeTooLarge("8Ei"), "one byte more than a long holds");
        assertFalse(Quantities.sizeTooLarge("7Ei"));
        assertFalse(Quantities.sizeTooLarge("12 parsecs"));
        assertTrue(Quantities.cpusTooLarge("99999999999"));
        assertFalse(Quantities.cpusTooLarge("2 cores"));
        assertTrue(Quantities.bandwidthTooLarge("99999999EiB/s"));
        assertFalse(Quantities.bandwidthTooLarge("100MB"));
    }
}
