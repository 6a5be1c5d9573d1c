package yrdsim.scenario;

import java.math.BigDecimal;

/**
 * An interval of numbers, each end closed or open, such as {@code [0, 1]} or {@code (1, 100]}.
 * It prints the way the validator and the documentation write it, so a message, a tooltip and a
 * table cell show one range in one notation.
 *
 * @param min     the lower end
 * @param max     the upper end
 * @param minOpen whether {@code min} itself is excluded
 * @param maxOpen whether {@code max} itself is excluded
 */
public record Range(double min, double max, boolean minOpen, boolean maxOpen) implements java.io.Serializable {

    /** Both ends finite and in order: a range with an infinite end could not be a slider or a test case. */
    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min <= max)) {
            throw new IllegalArgumentException("a range needs finite ends in order, got " + min + ", " + max);
        }
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
        return new Range(min, max, false, false);
    }

    /** {@code (min, max]}: above {@code min}, up to and including {@code max}. */
    public static Range above(double min, double max) {
        return new Range(min, max, true, false);
    }

    /** Whether {@code value} lies in the range (never for NaN). */
    public boolean contains(double value) {
        boolean low = minOpen ? value > min : value >= min;
        boolean high = maxOpen ? value < max : value <= max;
        return low && high;
    }

    /** The range as {@code [0, 1]}, {@code (1, 100]} or {@code [1e-6, 1e9]}. */
    @Override
    public String toString() {
        return (minOpen ? "(" : "[") + end(min) + ", " + end(max) + (maxOpen ? ")" : "]");
    }

    /**
     * An end as people write it in a table: whole numbers below a million in full, very large and
     * very small ones as {@code 1e9} and {@code 1e-6}, anything else as Java writes it.
     */
    static String end(double v) {
        double size = Math.abs(v);
        if (v == Math.rint(v) && size < 1e6) {
            return Long.toString((long) v);
        }
        if (size >= 1e6 || size < 1e-3) {
            BigDecimal exact = new BigDecimal(Double.toString(size)).stripTrailingZeros();
            String digits = exact.unscaledValue().toString();
            int exponent = digits.length() - 1 - exact.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + "e" + exponent;
        }
        return Double.toString(v);
    }

    /** A number as problems and documentation write it: whole numbers without a decimal point. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
