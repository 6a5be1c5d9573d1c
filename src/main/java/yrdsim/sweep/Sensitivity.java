package yrdsim.sweep;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import yrdsim.model.Rng;

/**
 * Variance-based sensitivity indices from a Saltelli design ({@link Designs#saltelli}): the
 * first-order index by Saltelli et al. (2010, Computer Physics Communications 181:259, table 2
 * (b)) and the total-order index by Jansen (1999, table 2 (f) there), both divided by the
 * variance of all A and B outputs. Confidence intervals come from a bootstrap over base samples:
 * the half-width is z(0.975) times the standard deviation of the resampled indices, the
 * convention of SALib.
 *
 * <p>Cost: (resamples + 1) x d x n multiply-adds per metric.
 */
public final class Sensitivity {

    /** Bootstrap resamples for the confidence intervals. */
    public static final int RESAMPLES = 1000;
    /** Confidence level of the intervals. */
    public static final double CONFIDENCE = 0.95;

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.5 + CONFIDENCE / 2);

    private Sensitivity() {
    }

    /**
     * The indices of one parameter; NaN where they are undefined (the output does not vary).
     *
     * @param first   first-order index S_i
     * @param firstCi half-width of its confidence interval
     * @param total   total-order index S_Ti
     * @param totalCi half-width of its confidence interval
     */
    public record Index(double first, double firstCi, double total, double totalCi) {
    }

    /**
     * Indices of every parameter.
     *
     * @param fA        output at A_j, j = 0..n-1
     * @param fB        output at B_j
     * @param fAB       {@code fAB[i][j]}: output at AB_j^i (A_j with parameter i from B_j)
     * @param resamples bootstrap resamples (0: no intervals, NaN half-widths)
     * @param seed      seed of the bootstrap's counter-based draws
     */
    public static Index[] analyse(double[] fA, double[] fB, double[][] fAB, int resamples, long seed) {
        int n = fA.length;
        int d = fAB.length;
        if (fB.length != n || n < 2) {
            throw new IllegalArgumentException("need at least 2 base samples in A and B, got " + n + " and "
                    + fB.length);
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] first = new double[d];
        double[] total = new double[d];
        estimate(fA, fB, fAB, all, first, total);
        double[][] bootFirst = new double[d][resamples];
        double[][] bootTotal = new double[d][resamples];
        double[] f = new double[d];
        double[] t = new double[d];
        int[] rows = new int[n];
        for (int b = 0; b < resamples; b++) {
            long key = Rng.key(seed, b, 0);
            for (int j = 0; j < n; j++) {
                rows[j] = (int) (Rng.uniform(key, j) * n);
            }
            estimate(fA, fB, fAB, rows, f, t);
            for (int i = 0; i < d; i++) {
                bootFirst[i][b] = f[i];
                bootTotal[i][b] = t[i];
            }
        }
        Index[] out = new Index[d];
        for (int i = 0; i < d; i++) {
            out[i] = new Index(first[i], halfWidth(bootFirst[i]), total[i], halfWidth(bootTotal[i]));
        }
        return out;
    }

    /**
     * z times the standard deviation of the resampled indices. Resamples whose outputs do not vary
     * (possible with very few base samples) have no index and are left out.
     */
    private static double halfWidth(double[] resampled) {
        double[] finite = java.util.Arrays.stream(resampled).filter(Double::isFinite).toArray();
        return finite.length > 1 ? Z * new StandardDeviation(true).evaluate(finite) : Double.NaN;
    }

    /** Point estimates over the base samples {@code rows} (repeats allowed) into {@code first} and {@code total}. */
    private static void estimate(double[] fA, double[] fB, double[][] fAB, int[] rows, double[] first,
                                 double[] total) {
        int n = rows.length;
        double[] ab = new double[2 * n];
        for (int k = 0; k < n; k++) {
            ab[k] = fA[rows[k]];
            ab[n + k] = fB[rows[k]];
        }
        double variance = new Variance(false).evaluate(ab);
        for (int i = 0; i < fAB.length; i++) {
            double s = 0;
            double st = 0;
            for (int row : rows) {
                double a = fA[row];
                double mixed = fAB[i][row];
                s += fB[row] * (mixed - a);
                st += (a - mixed) * (a - mixed);
            }
            first[i] = variance > 0 ? s / n / variance : Double.NaN;
            total[i] = variance > 0 ? st / (2.0 * n) / variance : Double.NaN;
        }
    }
}
