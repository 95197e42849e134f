package io.flotilla.scheduler.runtime;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Sizes as {@code docker stats} prints them (go-units {@code BytesSize}): binary units, four
 * significant digits, no trailing zeros: {@code 300MiB}, {@code 1.5GiB}, {@code 0B}.
 */
public final class Bytes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Bytes() {}

    public static String format(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString() + UNITS[unit];
    }
}
