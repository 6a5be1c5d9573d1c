package yrdsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import yrdsim.metrics.PairedDifference;

/**
 * Intervals with parameter draws: never narrower than the seed-only ones, equal to them when the
 * draws do not vary, and the seed-only interval is then exactly an ordinary paired comparison's.
 */
class DrawIntervalTest {

    @Test
    void withDrawsTheIntervalIsAtLeastAsWideAsSeedsOnly() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + rng.nextInt(10);
            int r = 2 + rng.nextInt(8);
            double drawSpread = rng.nextDouble() * (trial % 3 == 0 ? 0 : 2);
            double[][] d = new double[n][r];
            double[] seedEffect = new double[r];
            for (int s = 0; s < r; s++) {
                seedEffect[s] = rng.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double a = drawSpread * rng.nextGaussian();
                for (int s = 0; s < r; s++) {
                    d[i][s] = 1 + a + seedEffect[s] + 0.3 * rng.nextGaussian();
                }
            }
            DrawInterval x = DrawInterval.of(d);
            assertTrue(x.high() - x.low() >= x.seedsHigh() - x.seedsLow() - 1e-12, "trial " + trial);
            assertTrue(x.varParameters() >= 0 && x.varSeeds() >= 0);
        }
    }

    @Test
    void drawsWithoutVarianceGiveTheSeedOnlyIntervalOfAnOrdinaryComparison() {
        double[] baseline = {1.0, 1.4, 0.7, 1.1, 0.9};
        double[] policy = {1.3, 1.5, 1.2, 1.0, 1.4};
        PairedDifference ordinary = PairedDifference.of(baseline, policy);
        double[][] d = new double[6][5];
        for (double[] row : d) {
            for (int s = 0; s < 5; s++) {
                row[s] = policy[s] - baseline[s];
            }
        }
        DrawInterval x = DrawInterval.of(d);
        assertEquals(0, x.varParameters());
        assertEquals(x.seedsLow(), x.low());
        assertEquals(x.seedsHigh(), x.high());
        assertEquals(ordinary.ciLow(), x.seedsLow(), 1e-12);
        assertEquals(ordinary.ciHigh(), x.seedsHigh(), 1e-12);
    }

    @Test
    void zeroStandardErrorsDrawTheEstimateItselfAndDrawsStayInBounds() {
        ParameterDraws none = new ParameterDraws(List.of("a", "b"), new double[] {0.0346, 5},
                new double[] {0.03, 0.5}, new double[] {0.3, 20}, new double[2][2]);
        for (double[] theta : none.draw(20, 1)) {
            assertArrayEquals(new double[] {0.0346, 5}, theta);
        }
        ParameterDraws wide = new ParameterDraws(List.of("a"), new double[] {0.031}, new double[] {0.03},
                new double[] {0.3}, new double[][] {{0.01}});
        List<double[]> draws = wide.draw(2000, 2);
        assertTrue(draws.stream().allMatch(t -> t[0] >= 0.03 && t[0] <= 0.3), "reflected into the bounds");
        assertEquals(0.015, ParameterDraws.reflect(-0.015, 0, 1), 1e-15);
        assertEquals(0.9, ParameterDraws.reflect(1.1, 0, 1), 1e-12);
    }

    @Test
    void aroundTheEstimateTheSeedOnlyIntervalIsTheComparisonsOwnAndParametersOnlyWidenIt() {
        double[] baseline = {1.0, 1.4, 0.7, 1.1, 0.9};
        double[] policy = {1.3, 1.5, 1.2, 1.0, 1.4};
        PairedDifference atEstimate = PairedDifference.of(baseline, policy);
        // Draws that do not vary (a zero covariance): exactly the comparison's interval.
        double[][] same = new double[4][5];
        for (double[] row : same) {
            for (int s = 0; s < 5; s++) {
                row[s] = policy[s] - baseline[s] + 0.1;
            }
        }
        assertEquals(0, DrawInterval.spread(same));
        DrawInterval x = DrawInterval.around(atEstimate, same);
        assertEquals(atEstimate.meanDifference(), x.mean());
        assertEquals(atEstimate.ciLow(), x.low());
        assertEquals(atEstimate.ciHigh(), x.high());
        assertEquals(atEstimate.ciLow(), x.seedsLow());
        assertEquals(0, x.varParameters());
        // Draws whose effect differs by draw: centred on the estimate's effect, wider, with
        // var_parameters the variance of the draws' effects net of seed noise.
        double[][] spread = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int s = 0; s < 5; s++) {
                spread[i][s] = policy[s] - baseline[s] + 0.2 * i;
            }
        }
        DrawInterval y = DrawInterval.around(atEstimate, spread);
        assertEquals(atEstimate.meanDifference(), y.mean(), 1e-15);
        assertEquals(org.apache.commons.math3.stat.StatUtils.variance(new double[] {0, 0.2, 0.4, 0.6}),
                y.varParameters(), 1e-12, "the draws' effects vary by 0.2 a step, with no interaction");
        assertEquals(atEstimate.sdDifference() * atEstimate.sdDifference() / 5, y.varSeeds(), 1e-15);
        double half = PairedDifference.tQuantile(3) * Math.sqrt(y.varSeeds() + y.varParameters());
        assertEquals(y.mean() - half, y.low(), 1e-12, "t with min(R - 1, N - 1) = 3 degrees of freedom");
        assertTrue(y.low() < atEstimate.ciLow() && y.high() > atEstimate.ciHigh());
    }

    @Test
    void aroundNeverNarrowerOnRandomDesigns() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rng.nextInt(8);
            int r = 2 + rng.nextInt(8);
            double[] b = new double[r];
            double[] p = new double[r];
            for (int s = 0; s < r; s++) {
                b[s] = rng.nextGaussian();
                p[s] = b[s] + 0.5 + 0.2 * rng.nextGaussian();
            }
            double[][] d = new double[n][r];
            for (int i = 0; i < n; i++) {
                double a = (trial % 2) * rng.nextGaussian();
                for (int s = 0; s < r; s++) {
                    d[i][s] = p[s] - b[s] + a + 0.1 * rng.nextGaussian();
                }
            }
            PairedDifference atEstimate = PairedDifference.of(b, p);
            DrawInterval x = DrawInterval.around(atEstimate, d);
            assertTrue(x.low() <= atEstimate.ciLow() && x.high() >= atEstimate.ciHigh(), "trial " + trial);
        }
    }
}
