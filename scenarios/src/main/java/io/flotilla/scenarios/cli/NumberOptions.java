package io.flotilla.scenarios.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Numbers on the command line, refused in the words the scenario file uses for the same mistake
 * ({@code expected a whole number, got 'abc'}) instead of picocli's, which name Java's types.
 */
final class NumberOptions {

    private NumberOptions() {}

    /** Registers the converters with {@code cli} and the subcommands it has so far. */
    static void register(CommandLine cli) {
        Converter<Long> longs = new Converter<>(t -> whole(t, Long.MIN_VALUE, Long.MAX_VALUE).longValue());
        Converter<Integer> ints = new Converter<>(t -> whole(t, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue());
        Converter<Double> numbers = new Converter<>(NumberOptions::number);
        cli.registerConverter(Long.class, longs);
        cli.registerConverter(Long.TYPE, longs);
        cli.registerConverter(Integer.class, ints);
        cli.registerConverter(Integer.TYPE, ints);
        cli.registerConverter(Double.class, numbers);
        cli.registerConverter(Double.TYPE, numbers);
    }

    /**
     * A converter of a class of its own, not a lambda of picocli's interface: the launcher's
     * class-data archive would otherwise leave out that interface, and every converter picocli has
     * built in with it (JDK 17 cannot keep a class compiled for Java 5 that a lambda made it link).
     */
    private record Converter<T>(Function<String, T> reading) implements CommandLine.ITypeConverter<T> {
        @Override
        public T convert(String text) {
            return reading.apply(text);
        }
    }

    static BigInteger whole(String text, long min, long max) {
        BigInteger value;
        try {
            value = new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected a whole number, got '" + text + "'");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new TypeConversionException("must be at least " + min + ", got " + text);
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("must be at most " + max + ", got " + text);
        }
        return value;
    }

    /** A finite decimal number: {@code NaN} and {@code Infinity}, which Java would read, are refused. */
    static double number(String text) {
        try {
            double value = new BigDecimal(text).doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TypeConversionException("expected a number such as 2 or 0.5, got '" + text + "'");
    }
}
