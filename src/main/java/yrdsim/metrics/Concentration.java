package yrdsim.metrics;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Concentration, specialisation and convergence measures (MODEL.md section 3), as pure
 * functions of arrays. Shares that cannot be formed (a zero total) give 0, never NaN.
 */
public final class Concentration {

    private Concentration() {
    }

    /** Location quotient (Y_ps / Y_p) / (Y_s / Y); 0 when any total is 0. */
    public static double locationQuotient(double cell, double region, double sector, double total) {
        if (cell <= 0 || region <= 0 || sector <= 0 || total <= 0) {
            return 0;
        }
        return (cell / region) / (sector / total);
    }

    /** Shares of a vector in its total; all zero when the total is zero. */
    public static double[] shares(double[] values) {
        double total = Arrays.stream(values).sum();
        double[] out = new double[values.length];
        if (total > 0) {
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] / total;
            }
        }
        return out;
    }

    /** Herfindahl–Hirschman index Σ share² of a vector of sizes. */
    public static double herfindahl(double[] values) {
        double h = 0;
        for (double s : shares(values)) {
            h += s * s;
        }
        return h;
    }

    /**
     * Ellison–Glaeser γ = (G − (1 − Σx²) H) / ((1 − Σx²)(1 − H)), where G = Σ (s_p − x_p)², s
     * are the sector's regional shares, x the regions' shares of all output and H the firm-level
     * Herfindahl of the sector. 0 when the denominator vanishes (one region, or one firm).
     */
    public static double ellisonGlaeser(double[] sectorByRegion, double[] totalByRegion, double firmHerfindahl) {
        double[] s = shares(sectorByRegion);
        double[] x = shares(totalByRegion);
        double g = 0;
        double sumX2 = 0;
        for (int p = 0; p < s.length; p++) {
            g += (s[p] - x[p]) * (s[p] - x[p]);
            sumX2 += x[p] * x[p];
        }
        double denominator = (1 - sumX2) * (1 - firmHerfindahl);
        return denominator > 1e-12 ? (g - (1 - sumX2) * firmHerfindahl) / denominator : 0;
    }

    /**
     * Krugman's locational Gini: regions sorted by the ratio of the sector's share to the
     * region's share of all output, then one minus twice the area under the Lorenz curve of the
     * sector's cumulative share against the regions' cumulative share. 0 when the sector is
     * spread exactly like all output; towards 1 as it concentrates in a small part of it.
     */
    public static double spatialGini(double[] sectorByRegion, double[] totalByRegion) {
        double[] s = shares(sectorByRegion);
        double[] x = shares(totalByRegion);
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ratio(s[a], x[a]), ratio(s[b], x[b])));
        double area = 0;
        double cumX = 0;
        double cumS = 0;
        for (int i : order) {
            double nextX = cumX + x[i];
            double nextS = cumS + s[i];
            area += (nextX - cumX) * (nextS + cumS) / 2;
            cumX = nextX;
            cumS = nextS;
        }
        return cumX > 0 && cumS > 0 ? 1 - 2 * area : 0;
    }

    private static double ratio(double s, double x) {
        return x > 0 ? s / x : Double.POSITIVE_INFINITY;
    }

    /** Coefficient of variation (population standard deviation over mean); 0 for a zero mean. */
    public static double coefficientOfVariation(double[] values) {
        double mean = new Mean().evaluate(values);
        return mean != 0 ? new StandardDeviation(false).evaluate(values) / mean : 0;
    }

    /** Theil index (1/n) Σ (y/ȳ) ln(y/ȳ), with 0·ln 0 = 0; 0 for a zero mean. */
    public static double theil(double[] values) {
        double mean = new Mean().evaluate(values);
        if (!(mean > 0)) {
            return 0;
        }
        double t = 0;
        for (double v : values) {
            double r = v / mean;
            if (r > 0) {
                t += r * Math.log(r);
            }
        }
        return t / values.length;
    }

    /**
     * Hill estimator of the tail exponent from the {@code k} largest values:
     * 1 / [(1/k) Σ_{i≤k} ln x_(i) − ln x_(k+1)]. NaN when there are fewer than k+1 positive values.
     */
    public static double hill(double[] values, int k) {
        double[] sorted = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
        int n = sorted.length;
        if (k < 1 || n < k + 1) {
            return Double.NaN;
        }
        double threshold = Math.log(sorted[n - k - 1]);
        double sum = 0;
        for (int i = n - k; i < n; i++) {
            sum += Math.log(sorted[i]) - threshold;
        }
        return sum > 0 ? k / sum : Double.NaN;
    }
}
