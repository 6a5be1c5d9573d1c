package yrdsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConcentrationTest {

    @Test
    void locationQuotientByHand() {
        // Region makes 30 of its 100 in sector s; the delta makes 60 of 1000 in s: (0.3)/(0.06) = 5.
        assertEquals(5.0, Concentration.locationQuotient(30, 100, 60, 1000), 1e-12);
        assertEquals(0.0, Concentration.locationQuotient(0, 100, 60, 1000), 0);
        assertEquals(0.0, Concentration.locationQuotient(30, 0, 60, 1000), 0);
    }

    @Test
    void herfindahlByHand() {
        // Shares 0.5, 0.3, 0.2: 0.25 + 0.09 + 0.04 = 0.38.
        assertEquals(0.38, Concentration.herfindahl(new double[] {5, 3, 2}), 1e-12);
        assertEquals(1.0, Concentration.herfindahl(new double[] {0, 7, 0}), 0);
    }

    @Test
    void ellisonGlaeserByHand() {
        // s = (0.6, 0.2, 0.2), x = (0.3, 0.4, 0.3), firm Herfindahl H = 0.1.
        // G = 0.09 + 0.04 + 0.01 = 0.14; Σx² = 0.34; γ = (0.14 − 0.66·0.1)/(0.66·0.9) = 0.074/0.594.
        double gamma = Concentration.ellisonGlaeser(new double[] {6, 2, 2}, new double[] {30, 40, 30}, 0.1);
        assertEquals(0.074 / 0.594, gamma, 1e-12);
    }

    @Test
    void ellisonGlaeserIsAboutZeroForASectorSpreadLikeAllOutputWithManyFirms() {
        assertEquals(0.0, Concentration.ellisonGlaeser(new double[] {3, 4, 3}, new double[] {30, 40, 30}, 0), 1e-12);
    }

    @Test
    void spatialGiniByHand() {
        // x = (0.5, 0.5), s = (0.2, 0.8). Sorted by s/x: region 0 (0.4) then region 1 (1.6).
        // Lorenz points (0,0), (0.5,0.2), (1,1): area = 0.5·0.1 + 0.5·0.6 = 0.35, Gini = 1 − 0.7 = 0.3.
        assertEquals(0.3, Concentration.spatialGini(new double[] {2, 8}, new double[] {50, 50}), 1e-12);
        assertEquals(0.0, Concentration.spatialGini(new double[] {1, 1}, new double[] {50, 50}), 1e-12);
    }

    @Test
    void convergenceMeasuresByHand() {
        // Values 1, 2, 3: mean 2, population sd √(2/3): CV = 0.40825; Theil = (1/3)Σ(y/2)ln(y/2).
        double[] v = {1, 2, 3};
        assertEquals(Math.sqrt(2.0 / 3) / 2, Concentration.coefficientOfVariation(v), 1e-12);
        double theil = (0.5 * Math.log(0.5) + 0 + 1.5 * Math.log(1.5)) / 3;
        assertEquals(theil, Concentration.theil(v), 1e-12);
        assertEquals(0.0, Concentration.theil(new double[] {4, 4, 4}), 1e-15);
    }

    @Test
    void hillEstimatorRecoversAParetoExponent() {
        // 20,000 exact Pareto quantiles with exponent 1.3 (no sampling noise); top 2,000.
        int n = 20_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(1 - (i + 0.5) / n, -1 / 1.3);
        }
        assertEquals(1.3, Concentration.hill(x, 2000), 0.02);
        assertTrue(Double.isNaN(Concentration.hill(new double[] {1, 2}, 5)));
    }
}
