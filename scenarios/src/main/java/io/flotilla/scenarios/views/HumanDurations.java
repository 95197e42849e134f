package io.flotilla.scenarios.views;

import io.flotilla.scheduler.time.Durations;

/**
 * How long ago, in the words of each tool: Docker's go-units {@code HumanDuration} ({@code docker
 * service ps}'s "Running 2 minutes ago") and Kubernetes' apimachinery {@code duration.HumanDuration}
 * (kubectl's AGE column, "2m30s"). Both round down to whole seconds first, as {@code int(d.Seconds())} does.
 */
public final class HumanDurations {

    private static final long SECOND = Durations.SECOND;
    private static final long MINUTE = Durations.MINUTE;
    private static final long HOUR = Durations.HOUR;

    private HumanDurations() {}

    /** go-units {@code HumanDuration}: "Less than a second", "1 second", "About a minute", "3 hours", "2 weeks"... */
    public static String docker(long nanos) {
        long seconds = nanos / SECOND;
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = nanos / MINUTE;
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round((double) nanos / HOUR);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return nanos / HOUR / 24 / 365 + " years";
    }

    /** apimachinery {@code duration.HumanDuration}: "5s", "119s", "2m30s", "10m", "3h1m", "8h", "2d1h", "2y1d". */
    public static String kubernetes(long nanos) {
        long seconds = nanos / SECOND;
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = nanos / MINUTE;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = nanos / HOUR;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long days = hours / 24 % 365;
            return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /**
     * Go's {@code time.Duration.String} of a duration truncated to the millisecond, as the kubelet
     * writes pull times ("1s", "1.5s", "250ms", "1m0.5s", "0s").
     */
    public static String go(long nanos) {
        long ms = nanos / Durations.MILLISECOND;
        if (ms == 0) {
            return "0s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        StringBuilder out = new StringBuilder();
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long millis = ms % 60_000;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        out.append(millis / 1000);
        long fraction = millis % 1000;
        if (fraction > 0) {
            out.append('.').append(String.format("%03d", fraction).replaceAll("0+$", ""));
        }
        return out.append('s').toString();
    }
}
