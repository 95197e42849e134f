package io.flotilla.scheduler.time;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations in the form scenario files use: {@code 250ms}, {@code 30s},
 * {@code 5m}, {@code 1h30m}, {@code 1.5s}. Virtual time is a {@code long} of nanoseconds.
 */
public final class Durations {

    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000 * MILLISECOND;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|ns)");

    private Durations() {}

    public static long seconds(long s) {
        return s * SECOND;
    }

    public static long millis(long ms) {
        return ms * MILLISECOND;
    }

    /** The nanoseconds of {@code text}, or empty when it is not a duration such as {@code 1h30m}. */
    public static OptionalLong parse(String text) {
        String s = text.trim();
        if (s.equals("0")) {
            return OptionalLong.of(0);
        }
        Matcher m = PART.matcher(s);
        int end = 0;
        double total = 0;
        while (m.find()) {
            if (m.start() != end) {
                return OptionalLong.empty();
            }
            total += Double.parseDouble(m.group(1)) * unit(m.group(2));
            end = m.end();
        }
        if (end == 0 || end != s.length() || total > Long.MAX_VALUE) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(total));
    }

    private static long unit(String suffix) {
        return switch (suffix) {
            case "h" -> HOUR;
            case "m" -> MINUTE;
            case "s" -> SECOND;
            case "ms" -> MILLISECOND;
            case "us" -> 1_000L;
            default -> 1L;
        };
    }

    /**
     * The shortest exact text for {@code nanos}: {@code 0s}, {@code 250ms}, {@code 1m30s},
     * {@code 1h}, {@code 12.345s}. Below a millisecond it keeps nanoseconds.
     */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos < SECOND) {
            return nanos % MILLISECOND != 0 ? nanos + "ns" : nanos / MILLISECOND + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = nanos / HOUR;
        long minutes = nanos % HOUR / MINUTE;
        long rest = nanos % MINUTE;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (rest > 0) {
            out.append(withFraction(rest, 9));
        }
        return out.toString();
    }

    private static String withFraction(long nanos, int digits) {
        long whole = nanos / SECOND;
        long fraction = nanos % SECOND;
        if (fraction == 0) {
            return whole + "s";
        }
        // Keep `digits` digits of the nine, then drop trailing zeros; hot when logs are rendered.
        long kept = fraction / POWERS_OF_TEN[9 - digits];
        int width = digits;
        while (kept % 10 == 0) {
            kept /= 10;
            width--;
        }
        StringBuilder out = new StringBuilder(16).append(whole).append('.');
        String text = Long.toString(kept);
        for (int pad = width - text.length(); pad > 0; pad--) {
            out.append('0');
        }
        return out.append(text).append('s').toString();
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};
}
