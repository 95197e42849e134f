package io.flotilla.scenarios.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
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
        CommandLine.ITypeConverter<Long> longs = t -> whole(t, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
        CommandLine.ITypeConverter<Integer> ints = t -> whole(t, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        cli.registerConverter(Long.class, longs);
        cli.registerConverter(Long.TYPE, longs);
        cli.registerConverter(Integer.class, ints);
        cli.registerConverter(Integer.TYPE, ints);
        CommandLine.ITypeConverter<Double> numbers = NumberOptions::number;
        cli.registerConverter(Double.class, numbers);
        cli.registerConverter(Double.TYPE, numbers);
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
