package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class DemographyTest {

    @Test
    void directInversionIsThePoissonQuantile() {
        // Against Commons Math's quantile on a grid of probabilities, for small and large means.
        for (double mean : new double[] {0.01, 0.7, 3, 42, 499}) {
            PoissonDistribution exact = new PoissonDistribution(mean);
            for (int i = 1; i < 200; i++) {
                double u = i / 200.0;
                assertEquals(exact.inverseCumulativeProbability(u), Demography.poissonInverse(u, mean),
                        "mean " + mean + ", u " + u);
            }
        }
        assertEquals(0, Demography.poissonInverse(0.9, 0));
    }

    @Test
    void theNormalBranchKeepsMeanAndVariance() {
        // Mean 2,000 on 20,000 evenly spaced probabilities (no sampling noise): the mean and the
        // variance of the counts must match the Poisson's to 0.5%.
        double mean = 2000;
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            int k = Demography.poissonInverse((i + 0.5) / n, mean);
            sum += k;
            squares += (double) k * k;
        }
        double m = sum / n;
        assertEquals(mean, m, 0.005 * mean);
        assertEquals(mean, squares / n - m * m, 0.005 * mean);
    }

    @Test
    void moreExpectedEntrantsNeverGiveFewerOnTheSameDraw() {
        for (double u = 0.005; u < 1; u += 0.01) {
            int previous = 0;
            for (double mean = 0.1; mean < 1000; mean *= 1.3) {
                int k = Demography.poissonInverse(u, mean);
                assertTrue(k >= previous, "u " + u + ", mean " + mean);
                previous = k;
            }
        }
    }
}
