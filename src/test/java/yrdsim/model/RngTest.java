package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void drawsArePureFunctionsOfTheirKey() {
        long key = Rng.key(7, 3, 12345);
        assertEquals(Rng.uniform(key, 4), Rng.uniform(Rng.key(7, 3, 12345), 4));
        assertNotEquals(Rng.uniform(key, 4), Rng.uniform(Rng.key(7, 3, 12346), 4));
        assertNotEquals(Rng.uniform(key, 4), Rng.uniform(Rng.key(7, 4, 12345), 4));
        assertNotEquals(Rng.uniform(key, 4), Rng.uniform(Rng.key(8, 3, 12345), 4));
    }

    @Test
    void uniformsAreUniform() {
        // Seed 1, 100,000 draws in 20 bins: a chi-square test at the 0.1% level.
        long[] counts = new long[20];
        for (int i = 0; i < 100_000; i++) {
            double u = Rng.uniform(Rng.key(1, 0, i), 0);
            assertTrue(u >= 0 && u < 1);
            counts[(int) (u * 20)]++;
        }
        double[] expected = new double[20];
        java.util.Arrays.fill(expected, 5000);
        assertTrue(new ChiSquareTest().chiSquareTest(expected, counts) > 0.001);
    }

    @Test
    void normalsHaveMeanZeroAndUnitVariance() {
        // Seed 3, 100,000 draws: standard errors 0.0032 (mean) and 0.0045 (variance); tolerance 0.02.
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            long key = Rng.key(3, 0, i);
            double a = Rng.normal(key, 0);
            double b = Rng.normal(key, 1);
            sum += a;
            squares += a * a;
            cross += a * b;
        }
        assertEquals(0, sum / n, 0.02);
        assertEquals(1, squares / n, 0.02);
        assertEquals(0, cross / n, 0.02, "two draw numbers of one key are uncorrelated");
    }

    @Test
    void zigguratNormalsFollowTheNormalDistribution() {
        // Seed 5, 200,000 draws: Kolmogorov-Smirnov against N(0,1) at the 0.1% level. A wrong
        // layer table, sign bit or wedge test shifts the distribution by far more than this
        // detects (the KS distance at n = 200,000 is resolved to about 0.004).
        int n = 200_000;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = Rng.normal(Rng.key(5, 0, i), 0);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), z);
        assertTrue(p > 0.001, "KS p-value " + p);
    }

    @Test
    void zigguratTailsHaveTheNormalMass() {
        // Seed 9, 2,000,000 draws. Beyond 3.6541528853610088 (the base layer's tail, drawn by its own
        // rejection step) the normal has mass 2 × 1.2899e-4 on both sides: 515.9 expected draws,
        // standard deviation 22.7; beyond 2 (the wedges) 0.0455 of draws, 91,001 ± 295.
        // Tolerance: five standard deviations each.
        int n = 2_000_000;
        int tail = 0;
        int beyondTwo = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double z = Math.abs(Rng.normal(Rng.key(9, 0, i), 0));
            tail += z > 3.6541528853610088 ? 1 : 0;
            beyondTwo += z > 2 ? 1 : 0;
            largest = Math.max(largest, z);
        }
        double pTail = 2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(3.6541528853610088));
        double pTwo = 2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(2));
        assertEquals(n * pTail, tail, 5 * Math.sqrt(n * pTail));
        assertEquals(n * pTwo, beyondTwo, 5 * Math.sqrt(n * pTwo * (1 - pTwo)));
        assertTrue(largest > 4.5, "the tail reaches beyond the last layer: " + largest);
    }
}
