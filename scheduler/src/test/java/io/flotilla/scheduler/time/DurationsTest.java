package io.flotilla.scheduler.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}ns, printed {2}")
    @CsvSource({
        "0, 0, 0s",
        "250ms, 250000000, 250ms",
        "30s, 30000000000, 30s",
        "5m, 300000000000, 5m",
        "1h30m, 5400000000000, 1h30m",
        "1.5s, 1500000000, 1.5s",
        "90s, 90000000000, 1m30s",
        "2m0.25s, 120250000000, 2m0.25s",
        "13.507s, 13507000000, 13.507s",
        "1.05s, 1050000000, 1.05s",
        "0.000000001s, 1, 1ns",
        "1.000000001s, 1000000001, 1.000000001s",
        "3m20.000000001s, 200000000001, 3m20.000000001s",
    })
    void parsesAndPrints(String text, long nanos, String printed) {
        assertEquals(nanos, Durations.parse(text).orElseThrow());
        assertEquals(printed, Durations.format(nanos));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 minutes", "m5", "1h 30m", "-5s", "5x"})
    void rejectsWhatIsNotADuration(String text) {
        assertTrue(Durations.parse(text).isEmpty(), text);
    }
}
