package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void twelveSignificantDigitsPlainForOrdinaryMagnitudes() {
        assertEquals("0.3", Numbers.format(0.1 + 0.2));
        assertEquals("1267.24725", Numbers.format(5068.989 / 4));
        assertEquals("123456789012", Numbers.format(123456789012.4));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("-2.5", Numbers.format(-2.5));
        assertEquals("1.23456789012E-7", Numbers.format(1.234567890123e-7));
        assertEquals("2E+20", Numbers.format(2e20));
    }

    @Test
    void nonFiniteNumbersAreNeverWritten() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.POSITIVE_INFINITY));
    }
}
