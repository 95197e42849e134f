package io.flotilla.scenarios.parse;

import io.flotilla.scheduler.time.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of a scenario file, each parser returning empty for text it does not accept.
 *
 * <ul>
 *   <li>Sizes (memory, image and volume sizes): plain bytes ({@code 1048576}, {@code 1e9}), or a
 *       number with a unit letter {@code k m g t p e}, any case, optionally followed by {@code i}
 *       and/or {@code b} and after an optional space: {@code 512M}, {@code 512m}, {@code 512MB},
 *       {@code 1Gi}, {@code 1GiB}, {@code 1.5g}. Every unit letter is a binary multiple
 *       ({@code k} = 1024), which is what Docker does ({@code RAMInBytes}) and agrees with
 *       Kubernetes' {@code Ki Mi Gi}. Kubernetes' decimal {@code M} and milli-byte {@code m} are not
 *       supported: Docker's reading wins.
 *   <li>CPUs: {@code 2}, {@code "0.5"} or Kubernetes' millicores {@code 500m}, in nano-CPUs.
 *   <li>Bandwidth: a size per second, {@code 100MB/s}.
 *   <li>Durations: {@link Durations#parse}, {@code 250ms}, {@code 30s}, {@code 1h30m}.
 * </ul>
 */
public final class Quantities {

    /** How a message names the largest value, for one well-formed but too large for a long. */
    static final String LARGEST_SIZE = "a size is at most " + Long.MAX_VALUE + " bytes (8EiB less one byte)";
    static final String LARGEST_CPUS = "a CPU amount is at most " + Long.MAX_VALUE / 1_000_000_000L;
    static final String LARGEST_BANDWIDTH = "a bandwidth is at most " + Long.MAX_VALUE + " bytes per second";

    /** How a message names what was expected: {@code expected a size such as 512M or 1Gi}. */
    public static final String SIZE = "a size such as 512M or 1Gi";
    public static final String CPUS = "a CPU amount such as 0.5, 2 or 500m";
    public static final String BANDWIDTH = "a bandwidth such as 100MB/s";
    public static final String DURATION = "a duration such as 250ms, 30s or 1h30m";

    private static final Pattern SIZE_TEXT =
            Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE](\\d+))? ?(?:([kmgtpeKMGTPE])([iI]?)([bB]?)|([bB]))?");
    private static final Pattern CPU_TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(m?)");
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private Quantities() {}

    /** Bytes, rounded to the nearest byte. */
    public static OptionalLong bytes(String text) {
        return exactBytes(text).map(Quantities::toLong).orElse(OptionalLong.empty());
    }

    /** Whether {@code text} is written as a size but is more bytes than a long holds. */
    static boolean sizeTooLarge(String text) {
        return exactBytes(text).isPresent() && bytes(text).isEmpty();
    }

    private static Optional<BigDecimal> exactBytes(String text) {
        Matcher m = SIZE_TEXT.matcher(text.trim());
        if (!m.matches() || (m.group(2) != null && (m.group(3) != null || m.group(6) != null))) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (m.group(2) != null) {
            if (m.group(2).length() > 3) {
                return Optional.empty();
            }
            value = value.scaleByPowerOfTen(Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            int power = "kmgtpe".indexOf(m.group(3).toLowerCase(Locale.ROOT)) + 1;
            value = value.multiply(BigDecimal.valueOf(1024).pow(power));
        }
        return Optional.of(value);
    }

    /** Nano-CPUs: {@code "0.5"} is 500000000, {@code 500m} too. */
    public static OptionalLong nanoCpus(String text) {
        return exactNanoCpus(text).map(Quantities::toLong).orElse(OptionalLong.empty());
    }

    /** Whether {@code text} is written as a CPU amount but is more nano-CPUs than a long holds. */
    static boolean cpusTooLarge(String text) {
        return exactNanoCpus(text).isPresent() && nanoCpus(text).isEmpty();
    }

    private static Optional<BigDecimal> exactNanoCpus(String text) {
        Matcher m = CPU_TEXT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(m.group(1)).scaleByPowerOfTen(m.group(2).isEmpty() ? 9 : 6));
    }

    /** Bytes per second: {@code 100MB/s}, {@code 1Gi/s}, or a plain number of bytes per second. */
    public static OptionalLong bytesPerSecond(String text) {
        return perSecond(text).map(Quantities::bytes).orElse(OptionalLong.empty());
    }

    /** Whether {@code text} is written as a bandwidth but is more bytes per second than a long holds. */
    static boolean bandwidthTooLarge(String text) {
        return perSecond(text).filter(Quantities::sizeTooLarge).isPresent();
    }

    /** The size of a bandwidth: before {@code /s}, or plain digits. */
    private static Optional<String> perSecond(String text) {
        String s = text.trim();
        if (s.endsWith("/s")) {
            return Optional.of(s.substring(0, s.length() - 2));
        }
        return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    /** Virtual nanoseconds. */
    public static OptionalLong nanos(String text) {
        return Durations.parse(text);
    }

    private static OptionalLong toLong(BigDecimal value) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        return rounded.compareTo(MAX_LONG) > 0 ? OptionalLong.empty() : OptionalLong.of(rounded.longValueExact());
    }
}
