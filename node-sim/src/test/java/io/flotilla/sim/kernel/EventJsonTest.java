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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

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

    @Test
    void escapesEveryControlCharacterAndUnpairedSurrogates() {
        assertEquals("\"\\b\\f\\r\\u0000\\u001f\u007f\"", value("\b\f\r\u0000\u001f\u007f"));
        assertEquals("\"\\ud800x\\udc00\"", value("\ud800x\udc00"));
        assertEquals("\"/\"", value("/"));
    }

    @Test
    void rendersOtherValueKinds() {
        assertEquals("[1,2]", value(new int[] {1, 2}));
        assertEquals("\"NaN\"", value(Double.NaN));
        assertEquals("\"-Infinity\"", value(Double.NEGATIVE_INFINITY));
        assertEquals("\"x\"", value('x'));
        assertEquals("{\"running\":1}", value(new EnumMap<>(Map.of(Phase.RUNNING, 1))));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put("z", 1);
        ordered.put("a", 2);
        assertEquals("{\"z\":1,\"a\":2}", value(ordered));
        assertEquals("[\"a\",\"b\"]", value(new TreeSet<>(Set.of("b", "a"))));
        assertEquals("{\"node\":\"n1\"}", value(new Hidden("n1")));
        assertEquals("{\"seq\":3,\"time\":\"0s\",\"type\":\"test.hidden\",\"node\":\"n2\"}",
                EventJson.toJson(new LoggedEvent(0, 3, new Hidden("n2"))));
    }

    @Test
    void refusesValuesWithoutAStableOrderOrText() {
        for (Object unordered : List.of(new HashMap<>(Map.of("a", 1)), Map.of("a", 1), new HashSet<>(Set.of(1)),
                Set.of(1), new Object())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> value(unordered));
            assertTrue(e.getMessage().startsWith("Holder.value: "), e.getMessage());
        }
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
