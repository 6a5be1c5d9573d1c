package yrdsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    @Test
    void tQuantileMatchesTables() {
        // Student t, two-sided 95%: t(0.975, 4) = 2.7764451, t(0.975, 2) = 4.3026527 (standard tables).
        assertEquals(2.7764451, PairedDifference.tQuantile(4), 1e-7);
        assertEquals(4.3026527, PairedDifference.tQuantile(2), 1e-7);
    }

    @Test
    void intervalMatchesHandComputation() {
        // Differences {1,2,3,4,5}: mean 3; squared deviations 4+1+0+1+4 = 10, sd = sqrt(10/4) = sqrt(2.5)
        // = 1.5811388; half-width = t(0.975,4) * sd / sqrt(5) = 2.7764451 * 1.5811388 / 2.2360680
        // = 2.7764451 * 0.7071068 = 1.9632432; interval [1.0367568, 4.9632432].
        PairedDifference d = PairedDifference.of(new double[] {10, 10, 10, 10, 10}, new double[] {11, 12, 13, 14, 15});
        assertEquals(5, d.n());
        assertEquals(10, d.baselineMean(), 1e-12);
        assertEquals(13, d.policyMean(), 1e-12);
        assertEquals(3, d.meanDifference(), 1e-12);
        assertEquals(Math.sqrt(2.5), d.sdDifference(), 1e-12);
        assertEquals(1.0367568, d.ciLow(), 1e-6);
        assertEquals(4.9632432, d.ciHigh(), 1e-6);
        assertTrue(d.excludesZero());
    }

    @Test
    void pairingRemovesTheNoiseSharedBySeeds() {
        // Baselines spread widely (10, 20, 30) but each policy run is its baseline plus 1, 2, 3:
        // d = {1,2,3}, mean 2, sd 1, half-width 4.3026527 / sqrt(3) = 2.4841377, so [-0.4841377, 4.4841377].
        PairedDifference d = PairedDifference.of(new double[] {10, 20, 30}, new double[] {11, 22, 33});
        assertEquals(2, d.meanDifference(), 1e-12);
        assertEquals(1, d.sdDifference(), 1e-12);
        assertEquals(-0.4841377, d.ciLow(), 1e-6);
        assertEquals(4.4841377, d.ciHigh(), 1e-6);
        assertFalse(d.excludesZero());
    }

    @Test
    void identicalRunsDifferByExactlyZero() {
        double[] same = {0.0123, 0.0456, 0.0789};
        PairedDifference d = PairedDifference.of(same, same.clone());
        assertEquals(0.0, d.meanDifference());
        assertEquals(0.0, d.sdDifference());
        assertEquals(0.0, d.ciLow());
        assertEquals(0.0, d.ciHigh());
        assertFalse(d.excludesZero());
    }

    @Test
    void onePairHasNoSpreadOrInterval() {
        PairedDifference d = PairedDifference.of(new double[] {1}, new double[] {4});
        assertEquals(3, d.meanDifference(), 1e-12);
        assertTrue(Double.isNaN(d.sdDifference()));
        assertTrue(Double.isNaN(d.ciLow()) && Double.isNaN(d.ciHigh()));
    }

    @Test
    void unequalOrEmptySamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[0], new double[0]));
    }
}
