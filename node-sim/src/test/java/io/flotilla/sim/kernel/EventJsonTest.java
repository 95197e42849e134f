package io.flotilla.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.time.Durations;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonTest {

    enum Phase { RUNNING, NOT_READY }

    record Resources(long millicores, long memory) {}

    record Sample(String node, String note, int replicas, long bytes, boolean ready, Phase phase,
            Optional<String> reason, Optional<String> missing, List<String> tags, TreeMap<String, String> labels,
            Resources resources, Duration grace, double ratio, String absent) implements Event {
        @Override
        public String type() {
            return "test.sample";
        }
    }

    /** A private record nested in a class, as actors declare their events. */
    private record Hidden(String node) implements Event {
        @Override
        public String type() {
            return "test.hidden";
        }
    }

    record Holder(Object value) implements Event {
        @Override
        public String type() {
            return "test.holder";
        }
    }

    record Clash(String node, String time) implements Event {
        @Override
        public String type() {
            return "test.clash";
        }
    }

    static final class NotARecord implements Event {
        @Override
        public String type() {
            return "test.not-a-record";
        }
    }

    private static String json(Event event) {
        return EventJson.toJson(new LoggedEvent(Durations.SECOND, 0, event));
    }

    private static String value(Object value) {
        String line = json(new Holder(value));
        String prefix = "{\"seq\":0,\"time\":\"1s\",\"type\":\"test.holder\",\"value\":";
        assertTrue(line.startsWith(prefix), line);
        return line.substring(prefix.length(), line.length() - 1);
    }

    @Test
    void rendersASampleRecordExactly() {
        TreeMap<String, String> labels = new TreeMap<>(Map.of("zone", "a", "tier", "web"));
        Sample sample = new Sample("n1", "say \"hi\" c:\\tmp\nline2\ttab\u0001 é 🚀", 3, 10_737_418_240L, true,
                Phase.NOT_READY, Optional.of("image pull"), Optional.empty(), List.of("a", "b"), labels,
                new Resources(2000, 512), Duration.ofSeconds(350), 0.25, null);

        String line = EventJson.toJson(new LoggedEvent(90_500 * Durations.MILLISECOND, 12, sample));

        assertEquals("{\"seq\":12,\"time\":\"1m30.5s\",\"type\":\"test.sample\",\"node\":\"n1\","
                + "\"note\":\"say \\\"hi\\\" c:\\\\tmp\\nline2\\ttab\\u0001 é 🚀\",\"replicas\":3,"
                + "\"bytes\":10737418240,\"ready\":true,\"phase\":\"not_ready\",\"reason\":\"image pull\","
                + "\"missing\":null,\"tags\":[\"a\",\"b\"],\"labels\":{\"tier\":\"web\",\"zone\":\"a\"},"
                + "\"resources\":{\"millicores\":2000,\"memory\":512},\"grace\":\"5m50s\",\"ratio\":0.25,"
                + "\"absent\":null}", line);
    }

    /** One value inside an event and the JSON it must become. */
    record Rendering(String name, Object value, String json) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static LinkedHashMap<String, Integer> insertionOrdered() {
        LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", 2);
        return map;
    }

    static List<Rendering> renderings() {
        return List.of(
                new Rendering("short escapes", "\b\f\r\n\t\"\\", "\"\\b\\f\\r\\n\\t\\\"\\\\\""),
                new Rendering("other control characters", "\u0000\u001f", "\"\\u0000\\u001f\""),
                new Rendering("DEL and slash as they are", "\u007f/", "\"\u007f/\""),
                new Rendering("unpaired surrogates", "\ud800x\udc00", "\"\\ud800x\\udc00\""),
                new Rendering("paired surrogates as they are", "🚀", "\"🚀\""),
                new Rendering("long", Long.MIN_VALUE, "-9223372036854775808"),
                new Rendering("double", 1.5e-3, "0.0015"),
                new Rendering("NaN as a string", Double.NaN, "\"NaN\""),
                new Rendering("infinity as a string", Double.NEGATIVE_INFINITY, "\"-Infinity\""),
                new Rendering("char", 'x', "\"x\""),
                new Rendering("enum", Phase.NOT_READY, "\"not_ready\""),
                new Rendering("null", null, "null"),
                new Rendering("empty optional", Optional.empty(), "null"),
                new Rendering("optional long", OptionalLong.of(5), "5"),
                new Rendering("duration", Duration.ofMillis(90_250), "\"1m30.25s\""),
                new Rendering("int array", new int[] {1, 2}, "[1,2]"),
                new Rendering("empty list", List.of(), "[]"),
                new Rendering("sorted set", new TreeSet<>(Set.of("b", "a")), "[\"a\",\"b\"]"),
                new Rendering("enum map", new EnumMap<>(Map.of(Phase.RUNNING, 1)), "{\"running\":1}"),
                new Rendering("insertion-ordered map", insertionOrdered(), "{\"z\":1,\"a\":2}"),
                new Rendering("sorted map with number keys", new TreeMap<>(Map.of(10, "b", 9, "a")),
                        "{\"9\":\"a\",\"10\":\"b\"}"),
                new Rendering("private nested record", new Hidden("n1"), "{\"node\":\"n1\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void rendersEachValueKind(Rendering rendering) {
        assertEquals(rendering.json(), value(rendering.value()));
    }

    @Test
    void rendersAPrivateEventRecord() {
        assertEquals("{\"seq\":3,\"time\":\"0s\",\"type\":\"test.hidden\",\"node\":\"n2\"}",
                EventJson.toJson(new LoggedEvent(0, 3, new Hidden("n2"))));
    }

    /** A value the renderer must refuse, because its text or its order is not stable. */
    record Refusal(String name, Object value) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refusal> refusals() {
        return List.of(
                new Refusal("HashMap", new HashMap<>(Map.of("a", 1))),
                new Refusal("Map.of", Map.of("a", 1, "b", 2)),
                new Refusal("HashSet", new HashSet<>(Set.of(1))),
                new Refusal("Set.of", Set.of(1, 2)),
                new Refusal("a map's values", new TreeMap<>(Map.of("a", 1)).values()),
                new Refusal("record as a map key", new TreeMap<>(Map.of(new Sortable(1), 1))),
                new Refusal("any other object", new Object()));
    }

    record Sortable(int n) implements Comparable<Sortable> {
        @Override
        public int compareTo(Sortable other) {
            return Integer.compare(n, other.n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesValuesWithoutAStableOrderOrText(Refusal refusal) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> value(refusal.value()));
        assertTrue(e.getMessage().startsWith("Holder.value: "), e.getMessage());
    }

    @Test
    void refusesEventsThatAreNotRecordsOrUseTheLogsFieldNames() {
        EventLog log = new EventLog(() -> 0);
        assertThrows(IllegalArgumentException.class, () -> log.append(new NotARecord()));
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> log.append(new Clash("n1", "now")));
        assertTrue(clash.getMessage().contains("'time'"), clash.getMessage());
        assertEquals(0, log.size());
    }
}
