package yrdsim.metrics;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The paired difference of a metric between a policy and the baseline run on the same seeds
 * (common random numbers): d_i = policy_i − baseline_i. Pairing removes the noise the two runs
 * share, so the interval of the mean difference is much narrower than one from two independent
 * samples.
 *
 * @param n              pairs
 * @param baselineMean   mean of the baseline values of the pairs
 * @param policyMean     mean of the policy values of the pairs
 * @param meanDifference mean of d_i (equals policyMean − baselineMean up to rounding)
 * @param sdDifference   sample standard deviation of d_i (n − 1 in the denominator); NaN for n < 2
 * @param ciLow          lower end of the 95% Student-t interval of the mean difference; NaN for n < 2
 * @param ciHigh         upper end of that interval; NaN for n < 2
 */
public record PairedDifference(int n, double baselineMean, double policyMean, double meanDifference,
                               double sdDifference, double ciLow, double ciHigh) {

    /** Confidence level of the interval. */
    public static final double LEVEL = 0.95;

    /**
     * The paired difference of two equally long samples, pair i being (baseline[i], policy[i]).
     *
     * @throws IllegalArgumentException when the lengths differ or there is no pair
     */
    public static PairedDifference of(double[] baseline, double[] policy) {
        if (baseline.length != policy.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + baseline.length + " baseline, "
                    + policy.length + " policy");
        }
        int n = baseline.length;
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = policy[i] - baseline[i];
        }
        double mean = StatUtils.mean(d);
        if (n < 2) {
            return new PairedDifference(n, StatUtils.mean(baseline), StatUtils.mean(policy), mean, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double sd = Math.sqrt(StatUtils.variance(d, mean));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new PairedDifference(n, StatUtils.mean(baseline), StatUtils.mean(policy), mean, sd, mean - half,
                mean + half);
    }

    /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom, t(0.975, df). */
    public static double tQuantile(int df) {
        // A null generator: the distribution is only inverted here, never sampled.
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }

    /** True when the interval lies wholly above or wholly below zero. */
    public boolean excludesZero() {
        return ciLow > 0 || ciHigh < 0;
    }
}
