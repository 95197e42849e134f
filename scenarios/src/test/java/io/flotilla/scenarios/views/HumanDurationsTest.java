package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.time.Durations;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The two tools' "how long ago", each checked against its upstream test table. */
class HumanDurationsTest {

    private static final long MS = Durations.MILLISECOND;
    private static final long S = Durations.SECOND;
    private static final long M = Durations.MINUTE;
    private static final long H = Durations.HOUR;
    private static final long DAY = 24 * H;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    /** docker/go-units {@code duration_test.go}, {@code TestHumanDuration}, every case. */
    static Stream<Arguments> docker() {
        return Stream.of(
                Arguments.of(450 * MS, "Less than a second"),
                Arguments.of(1 * S, "1 second"),
                Arguments.of(45 * S, "45 seconds"),
                Arguments.of(46 * S, "46 seconds"),
                Arguments.of(59 * S, "59 seconds"),
                Arguments.of(60 * S, "About a minute"),
                Arguments.of(1 * M, "About a minute"),
                Arguments.of(3 * M, "3 minutes"),
                Arguments.of(35 * M, "35 minutes"),
                Arguments.of(35 * M + 40 * S, "35 minutes"),
                Arguments.of(45 * M, "45 minutes"),
                Arguments.of(45 * M + 40 * S, "45 minutes"),
                Arguments.of(46 * M, "46 minutes"),
                Arguments.of(59 * M, "59 minutes"),
                Arguments.of(1 * H, "About an hour"),
                Arguments.of(1 * H + 29 * M, "About an hour"),
                Arguments.of(1 * H + 31 * M, "2 hours"),
                Arguments.of(1 * H + 59 * M, "2 hours"),
                Arguments.of(3 * H, "3 hours"),
                Arguments.of(3 * H + 29 * M, "3 hours"),
                Arguments.of(3 * H + 31 * M, "4 hours"),
                Arguments.of(3 * H + 59 * M, "4 hours"),
                Arguments.of(3 * H + 60 * M, "4 hours"),
                Arguments.of(24 * H, "24 hours"),
                Arguments.of(1 * DAY + 12 * H, "36 hours"),
                Arguments.of(2 * DAY, "2 days"),
                Arguments.of(7 * DAY, "7 days"),
                Arguments.of(13 * DAY + 5 * H, "13 days"),
                Arguments.of(2 * WEEK, "2 weeks"),
                Arguments.of(2 * WEEK + 4 * DAY, "2 weeks"),
                Arguments.of(3 * WEEK, "3 weeks"),
                Arguments.of(4 * WEEK, "4 weeks"),
                Arguments.of(4 * WEEK + 3 * DAY, "4 weeks"),
                Arguments.of(1 * MONTH, "4 weeks"),
                Arguments.of(1 * MONTH + 2 * WEEK, "6 weeks"),
                Arguments.of(2 * MONTH, "2 months"),
                Arguments.of(2 * MONTH + 2 * WEEK, "2 months"),
                Arguments.of(3 * MONTH, "3 months"),
                Arguments.of(3 * MONTH + 1 * WEEK, "3 months"),
                Arguments.of(5 * MONTH + 2 * WEEK, "5 months"),
                Arguments.of(13 * MONTH, "13 months"),
                Arguments.of(23 * MONTH, "23 months"),
                Arguments.of(24 * MONTH, "24 months"),
                Arguments.of(24 * MONTH + 2 * WEEK, "2 years"),
                Arguments.of(3 * YEAR + 2 * MONTH, "3 years"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void docker(long nanos, String words) {
        assertEquals(words, HumanDurations.docker(nanos));
    }

    /**
     * kubernetes apimachinery {@code pkg/util/duration/duration_test.go}: {@code TestHumanDuration}
     * and {@code TestHumanDurationBoundaries}, every case.
     */
    static Stream<Arguments> kubernetes() {
        return Stream.of(
                Arguments.of(1 * S, "1s"),
                Arguments.of(70 * S, "70s"),
                Arguments.of(190 * S, "3m10s"),
                Arguments.of(70 * M, "70m"),
                Arguments.of(47 * H, "47h"),
                Arguments.of(49 * H, "2d1h"),
                Arguments.of((8 * 24 + 2) * H, "8d"),
                Arguments.of(367 * DAY, "367d"),
                Arguments.of((365 * 2 * 24 + 25) * H, "2y1d"),
                Arguments.of((365 * 8 * 24 + 2) * H, "8y"),
                Arguments.of(-2 * S, "<invalid>"),
                Arguments.of(-2 * S + 1, "0s"),
                Arguments.of(0L, "0s"),
                Arguments.of(S - MS, "0s"),
                Arguments.of(2 * M - MS, "119s"),
                Arguments.of(2 * M, "2m"),
                Arguments.of(2 * M + S, "2m1s"),
                Arguments.of(10 * M - MS, "9m59s"),
                Arguments.of(10 * M, "10m"),
                Arguments.of(10 * M + S, "10m"),
                Arguments.of(3 * H - MS, "179m"),
                Arguments.of(3 * H, "3h"),
                Arguments.of(3 * H + M, "3h1m"),
                Arguments.of(8 * H - MS, "7h59m"),
                Arguments.of(8 * H, "8h"),
                Arguments.of(8 * H + 59 * M, "8h"),
                Arguments.of(2 * DAY - MS, "47h"),
                Arguments.of(2 * DAY, "2d"),
                Arguments.of(2 * DAY + H, "2d1h"),
                Arguments.of(8 * DAY - MS, "7d23h"),
                Arguments.of(8 * DAY, "8d"),
                Arguments.of(8 * DAY + 23 * H, "8d"),
                Arguments.of(2 * YEAR - MS, "729d"),
                Arguments.of(2 * YEAR, "2y"),
                Arguments.of(2 * YEAR + 23 * H, "2y"),
                Arguments.of(2 * YEAR + 23 * H + 59 * M, "2y"),
                Arguments.of(2 * YEAR + 24 * H - MS, "2y"),
                Arguments.of(2 * YEAR + 24 * H, "2y1d"),
                Arguments.of(3 * YEAR, "3y"),
                Arguments.of(4 * YEAR, "4y"),
                Arguments.of(5 * YEAR, "5y"),
                Arguments.of(6 * YEAR, "6y"),
                Arguments.of(7 * YEAR, "7y"),
                Arguments.of(8 * YEAR - MS, "7y364d"),
                Arguments.of(8 * YEAR, "8y"),
                Arguments.of(8 * YEAR + 364 * DAY, "8y"),
                Arguments.of(9 * YEAR, "9y"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void kubernetes(long nanos, String words) {
        assertEquals(words, HumanDurations.kubernetes(nanos));
    }

    /** Go's {@code time.Duration.String} of durations cut to the millisecond, as the kubelet writes pull times. */
    static Stream<Arguments> go() {
        return Stream.of(
                Arguments.of(0L, "0s"),
                Arguments.of(999_999L, "0s"),
                Arguments.of(250 * MS, "250ms"),
                Arguments.of(S, "1s"),
                Arguments.of(1500 * MS, "1.5s"),
                Arguments.of(3219 * MS + 999_999, "3.219s"),
                Arguments.of(M + 500 * MS, "1m0.5s"),
                Arguments.of(H + 2 * S, "1h0m2s"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void go(long nanos, String text) {
        assertEquals(text, HumanDurations.go(nanos));
    }
}
