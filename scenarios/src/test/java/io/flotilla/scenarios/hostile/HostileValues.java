package io.flotilla.scenarios.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values a scenario should never be given, as YAML flow text: the wrong type, the edges of a
 * number's range and past them, absurd quantities, and text meant to break what shows it
 * (quotes, line ends, terminal escapes, {@code <script>}, right-to-left overrides, a lone surrogate).
 */
final class HostileValues {

    /** Any key may be given any of these. */
    static final List<String> ANY = List.of(
            "~", "''", "[]", "{}", "[1, [2, [3, [4]]]]", "{a: {b: {c: d}}}", "true", "yes", "on", "0", "-1", "1",
            "1e9", "1e300", "-1e300", ".nan", ".inf", "-.inf", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "99999999999999999999999999999", "0x7fffffff", "0o777",
            "1_000", "+5", "-0", "1.5", "'1'", "!!int abc", "!!float nope", "!!binary aGk=", "!weird thing",
            "\"<script>alert(1)</script>\"", "\"a\\\"b'c\"", "\"line\\n     10s  web.1  running  forged\"",
            "\"\\e[31mred\\e[0m\"", "\"\\u202Eevil\"", "\"\\uD800\"", "\"\\uDC00x\"", "\"\\0\"", "\"\\x07bell\"",
            "\"😀\"", "\"ß\\u00A0\\u2028\\u2029\"", "'*'", "'%'", "\"\"", "' '", "\"\\t\"", "\"null\"",
            "'" + "a".repeat(5000) + "'", "'" + "a-".repeat(3000) + "!'", "'" + "0".repeat(400) + "'", "[" + "1, ".repeat(300) + "1]");

    static final List<String> DURATIONS = List.of(
            "0", "0s", "-1s", "1ns", "1us", "1µs", "9223372036s", "9223372037s", "2562047h47m16.854775807s",
            "2562047h47m16.854775808s", "2562048h", "1e9h", "99999999999999999999h", "1h-5m", "5", "5x", ".5s",
            "1.s", "ms", "P1D", "１s", "٣s", "1h1h", "0.0000000001s", "1e-9s", "100000000h", "8d", "1w");

    static final List<String> SIZES = List.of(
            "0", "1", "-1", "1e18", "1e19", "8E", "7E", "16Ei", "1e999", "1.5.5G", "9223372036854775807",
            "9223372036854775808", ".5k", "1 G", "1GB/s", "1e", "e9", "4MiB", "4194303", "0.0001");

    static final List<String> CPUS = List.of(
            "0", "0.0001", "0.001", "1e9", "9223372036", "9223372037", "-1", "500m", "0m", "1m", ".5", "1e-3",
            "'0.5'", "99999999999999999999");

    static final List<String> BANDWIDTHS = List.of("0/s", "1/s", "1e18/s", "8E/s", "-1/s", "1MB", "/s", "1MB/m");

    static final List<String> RATES = List.of(
            "1e9/s", "100000/s", "100001/s", "0/s", "0.1/s", "1/m", "NaN/s", "Infinity/s", "1e-300/s", "-5/s",
            "1e400/s", "50", "50/h", "99999/m");

    private HostileValues() {}

    static String any(Random random) {
        return ANY.get(random.nextInt(ANY.size()));
    }

    /** A value for a key described by {@code schema} (with {@code ref} the name of its shared definition, if any). */
    static String forSchema(JsonNode schema, String ref, Random random) {
        List<String> typed = new ArrayList<>();
        switch (ref) {
            case "duration" -> typed.addAll(DURATIONS);
            case "size" -> typed.addAll(SIZES);
            case "cpus" -> typed.addAll(CPUS);
            case "bandwidth" -> typed.addAll(BANDWIDTHS);
            default -> { }
        }
        if (schema.has("pattern") && schema.path("pattern").asText().contains("/")) {
            typed.addAll(RATES);
        }
        if (schema.has("enum")) {
            schema.path("enum").forEach(v -> {
                typed.add(v.asText());
                typed.add(v.asText().toUpperCase());
                typed.add(v.asText() + "x");
            });
        }
        for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            if (schema.has(bound)) {
                long b = schema.path(bound).asLong();
                typed.add(Long.toString(b));
                typed.add(Long.toString(b - 1));
                typed.add(Long.toString(b + 1));
            }
        }
        if (!typed.isEmpty() && random.nextInt(3) > 0) {
            return typed.get(random.nextInt(typed.size()));
        }
        return any(random);
    }
}
