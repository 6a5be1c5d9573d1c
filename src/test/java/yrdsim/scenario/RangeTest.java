package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ranges contain what they say and print as the documentation writes them. */
class RangeTest {

    @Test
    void endsAreWrittenAsInATable() {
        assertEquals("[0, 1]", Range.closed(0, 1).toString());
        assertEquals("(1, 100]", Range.above(1, 100).toString());
        assertEquals("[1e-6, 1e9]", Range.closed(1e-6, 1e9).toString());
        assertEquals("[-0.25, 0.25]", Range.closed(-0.25, 0.25).toString());
        assertEquals("[2.5e-4, 100000]", Range.closed(2.5e-4, 1e5).toString());
        assertEquals("[-1.5e7, 0.001]", Range.closed(-1.5e7, 0.001).toString());
    }

    @Test
    void openEndsAreExcludedAndNaNIsNever() {
        Range r = Range.above(1, 10);
        assertFalse(r.contains(1));
        assertTrue(r.contains(Math.nextUp(1.0)));
        assertTrue(r.contains(10));
        assertFalse(r.contains(Math.nextUp(10.0)));
        assertFalse(r.contains(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Range.closed(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Range.closed(0, Double.POSITIVE_INFINITY));
    }
}
