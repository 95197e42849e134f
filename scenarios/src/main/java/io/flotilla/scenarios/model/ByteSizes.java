package io.flotilla.scenarios.model;

import java.util.Locale;

/**
 * A size in bytes as a scenario file writes it: binary multiples with Docker's letters, {@code 4MB}
 * for 4 MiB, one decimal below ten ({@code 1.5GB}); so a size prints as it was written.
 */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private ByteSizes() {}

    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double rounded = Math.round(value * 10) / 10.0;
        String number = value < 10 && rounded != Math.rint(rounded)
                ? String.format(Locale.ROOT, "%.1f", rounded)
                : String.valueOf(Math.round(value));
        return number + UNITS[unit];
    }
}
