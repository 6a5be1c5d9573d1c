package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The Saltelli and Jansen estimators on the design sweeps use ({@link Designs#saltelli}),
 * checked against functions whose indices are known in closed form.
 */
class SensitivityTest {

    private static final double A = 7;
    private static final double B = 0.1;
    /** Base samples for the Ishigami check: 2^13, so 8192 x (3 + 2) = 40960 evaluations. */
    private static final int N = 8192;
    /** Largest absolute error allowed on any Ishigami index at N base samples (measured: 0.0011). */
    private static final double TOLERANCE = 0.005;
    /** Seed of the bootstrap. */
    private static final long SEED = 42;

    /** Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3. */
    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.pow(Math.sin(x2), 2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    /** Analytic first-order (row 0) and total-order (row 1) indices of x1..x3 (Saltelli et al. 2010, section 4). */
    private static double[][] ishigamiIndices() {
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * pi4 * pi4 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return new double[][] {{v1 / v, v2 / v, 0}, {(v1 + v13) / v, v2 / v, v13 / v}};
    }

    private static Sensitivity.Index[] estimate(int n, int d, ToDoubleFunction<double[]> f, int resamples) {
        double[][] rows = Designs.saltelli(n, d);
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[d][n];
        for (int j = 0; j < n; j++) {
            fA[j] = f.applyAsDouble(rows[j * (d + 2)]);
            fB[j] = f.applyAsDouble(rows[j * (d + 2) + 1]);
            for (int i = 0; i < d; i++) {
                fAB[i][j] = f.applyAsDouble(rows[j * (d + 2) + 2 + i]);
            }
        }
        return Sensitivity.analyse(fA, fB, fAB, resamples, SEED);
    }

    @Test
    void reproducesTheIshigamiIndicesWithinTolerance() {
        double[][] exact = ishigamiIndices();
        Sensitivity.Index[] got = estimate(N, 3, SensitivityTest::ishigami, Sensitivity.RESAMPLES);
        for (int i = 0; i < 3; i++) {
            assertEquals(exact[0][i], got[i].first(), TOLERANCE, "first-order index of x" + (i + 1));
            assertEquals(exact[1][i], got[i].total(), TOLERANCE, "total-order index of x" + (i + 1));
            // The bootstrap treats the quasi-random points as random, so its intervals are wide but must cover.
            assertTrue(Math.abs(got[i].first() - exact[0][i]) <= got[i].firstCi(), "S" + (i + 1) + " interval covers");
            assertTrue(Math.abs(got[i].total() - exact[1][i]) <= got[i].totalCi(), "ST" + (i + 1) + " interval covers");
        }
    }

    @Test
    void confidenceIntervalsNarrowWithMoreSamples() {
        Sensitivity.Index[] small = estimate(512, 3, SensitivityTest::ishigami, 200);
        Sensitivity.Index[] large = estimate(8192, 3, SensitivityTest::ishigami, 200);
        for (int i = 0; i < 3; i++) {
            assertTrue(large[i].firstCi() < small[i].firstCi() / 2, "16x the samples at least halves S" + (i + 1) + "'s interval");
            assertTrue(large[i].totalCi() < small[i].totalCi() / 2, "16x the samples at least halves ST" + (i + 1) + "'s interval");
        }
    }

    @Test
    void anUnusedParameterHasExactlyZeroIndices() {
        // f = x1 + 2 x2, x3 unused: S = ST = (1/5, 4/5, 0) for uniform inputs.
        Sensitivity.Index[] got = estimate(1024, 3, u -> u[0] + 2 * u[1], 100);
        assertEquals(0.0, got[2].first(), 0.0);
        assertEquals(0.0, got[2].total(), 0.0);
        assertEquals(0.2, got[0].first(), 0.01);
        assertEquals(0.8, got[1].first(), 0.01);
        assertEquals(0.2, got[0].total(), 0.01);
        assertEquals(0.8, got[1].total(), 0.01);
    }

    @Test
    void aConstantOutputHasUndefinedIndices() {
        Sensitivity.Index[] got = estimate(64, 2, u -> 3.0, 10);
        assertTrue(Double.isNaN(got[0].first()) && Double.isNaN(got[1].total()), "no variance, no index");
    }
}
