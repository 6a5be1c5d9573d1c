package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void booleansAreUpperCaseAndAMissingValueIsEmpty() {
        assertEquals("TRUE", Numbers.cell(true));
        assertEquals("FALSE", Numbers.cell(false));
        assertEquals("", Numbers.cell(null));
        assertEquals("7", Numbers.cell(7));
    }

    /** Round-off is judged against the row's largest number, not against an absolute floor. */
    @Test
    void aNumberWithinRoundOffOfTheRowsLargestIsWrittenAsZero() {
        String[] cells = new String[6];
        Numbers.row(new Object[] {"Shanghai", 2300.0, -1.42108547152E-14, 1.81898940355E-12, 0.000753424082405, 15858},
                cells);
        assertArrayEquals(new String[] {"Shanghai", "2300", "0", "0", "0.000753424082405", "15858"}, cells);
        // Alone in its row, or next to numbers as small, a small number is kept.
        Numbers.row(new Object[] {"workers", 1.0E-14}, cells = new String[2]);
        assertArrayEquals(new String[] {"workers", "1E-14"}, cells);
        // The threshold is relative: 2.2e-9 next to 1000 is 2.2e-12 of it, kept; 2e-10 is below it.
        Numbers.row(new Object[] {1000.0, 2.2e-9, -2e-10}, cells = new String[3]);
        assertArrayEquals(new String[] {"1000", "2.2E-9", "0"}, cells);
    }
}
