package yrdsim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers are written: 12 significant digits, trailing zeros stripped, plain notation for
 * ordinary magnitudes. The text is a function of the double alone (not of the JDK's
 * Double.toString), so the same results give the same bytes on any Java version.
 */
public final class Numbers {

    private static final MathContext DIGITS = new MathContext(12, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** The decimal written for {@code v}. */
    public static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("refusing to write a non-finite number: " + v);
        }
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros();
    }

    /** The text written for {@code v}. */
    public static String format(double v) {
        BigDecimal d = decimal(v);
        int exponent = d.precision() - d.scale() - 1;
        return exponent >= -6 && exponent < 15 ? d.toPlainString() : d.toString();
    }

    /** Formats a cell value: doubles as above, everything else as its string. */
    public static String cell(Object value) {
        if (value instanceof Double d) {
            return format(d);
        }
        if (value instanceof Float f) {
            return format(f);
        }
        return String.valueOf(value);
    }
}
