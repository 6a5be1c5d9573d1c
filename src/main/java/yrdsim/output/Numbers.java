package yrdsim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers and other cells are written: 12 significant digits, trailing zeros stripped, plain
 * notation for ordinary magnitudes. The text is a function of the double alone (not of the JDK's
 * Double.toString), so the same results give the same bytes on any Java version.
 *
 * <p>Conventions of every CSV table: booleans are {@code TRUE} and {@code FALSE} (R and pandas
 * read them as logicals); a missing value is an empty cell; and in a table's row, a number
 * within round-off of zero is written as {@code 0} (see {@link #ROUND_OFF}).
 */
public final class Numbers {

    /**
     * A number in a row whose magnitude is below this fraction of the largest magnitude among
     * the row's numbers is written as 0. Rows are written to 12 significant digits, so such a
     * value lies below the resolution of the row's largest figure; it is what floating-point
     * sums and differences of those figures leave where the exact result is 0 (net migration,
     * inflow minus outflow of thousands, came out as {@code -1.42108547152E-14}).
     */
    public static final double ROUND_OFF = 1e-12;

    /** How a boolean cell reads. */
    public static final String TRUE = "TRUE";
    /** How a boolean cell reads. */
    public static final String FALSE = "FALSE";

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

    /** Formats a cell value: doubles as above, booleans TRUE or FALSE, null empty, anything else as its string. */
    public static String cell(Object value) {
        if (value instanceof Double d) {
            return format(d);
        }
        if (value instanceof Float f) {
            return format(f);
        }
        if (value instanceof Boolean b) {
            return b ? TRUE : FALSE;
        }
        return value == null ? "" : String.valueOf(value);
    }

    /**
     * Formats the cells of one table row into {@code out}: each as {@link #cell}, except that a
     * double within {@link #ROUND_OFF} of the row's largest double magnitude is written as 0.
     */
    public static void row(Object[] values, String[] out) {
        double largest = 0;
        for (Object v : values) {
            if (v instanceof Double d) {
                largest = Math.max(largest, Math.abs(d));
            }
        }
        double floor = ROUND_OFF * largest;
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] instanceof Double d && Math.abs(d) < floor ? "0" : cell(values[i]);
        }
    }
}
