package io.flotilla.scenarios.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Virtual time written as the tools write wall-clock times. A run starts at the Unix epoch, so the
 * time of day is the virtual time: 43.488s into a run is {@code 1970-01-01T00:00:43.488Z}.
 */
public final class WallClock {

    private static final DateTimeFormatter RFC1123Z =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private WallClock() {}

    /** Go's {@code time.RFC3339Nano}, trailing zeros of the fraction dropped: {@code 1970-01-01T00:00:43.488Z}. */
    public static String rfc3339Nano(long nanos) {
        Instant at = Instant.ofEpochSecond(0, nanos);
        String fraction = at.getNano() == 0 ? "" : ("." + String.format("%09d", at.getNano())).replaceAll("0+$", "");
        return SECONDS.format(at) + fraction + "Z";
    }

    /** Go's {@code time.RFC1123Z}, as kubectl describe writes times: {@code Thu, 01 Jan 1970 00:00:02 +0000}. */
    public static String rfc1123z(long nanos) {
        return RFC1123Z.format(Instant.ofEpochSecond(0, nanos));
    }
}
