package io.flotilla.scenarios.parse;

import java.math.BigDecimal;

/** Go's {@code %g} for the small positive numbers swarmkit's messages print ({@code 0.001}, {@code 1e-05}). */
final class GoFloat {

    private GoFloat() {}

    static String g(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = exponent < 0 ? "-" : "+";
            int abs = Math.abs(exponent);
            return (value < 0 ? "-" : "") + mantissa + "e" + sign + (abs < 10 ? "0" : "") + abs;
        }
        return d.toPlainString();
    }
}
