package yrdsim.calibrate;

import yrdsim.metrics.PairedDifference;

/**
 * The interval of a policy's mean effect when the parameters are uncertain: N parameter draws
 * crossed with R common seeds (every draw runs on the same R seeds, baseline and policy paired),
 * d_ir the paired difference of draw i on seed r. Treating draws and seeds as random factors of
 * a two-way layout with one observation per cell (d_ir = μ + a_i + b_r + e_ir), from the mean
 * squares of draws (MS_D, N − 1 df), seeds (MS_S, R − 1 df) and residual (MS_E):
 *
 * <ul>
 *   <li>{@code varSeeds} = MS_S / (NR): the variance of the mean effect from seed noise
 *       (σ_b²/R + σ_e²/(NR)); with draws that do not vary it is the seed-only variance s²/R of
 *       an ordinary comparison;</li>
 *   <li>{@code varParameters} = (N + 1)/(NR) · max(0, MS_D − MS_E): parameter uncertainty,
 *       σ̂_a² = max(0, MS_D − MS_E)/R, counted once for where the true parameters may lie and
 *       once over N for the draws' own sampling error (σ̂_a²(1 + 1/N)).</li>
 * </ul>
 *
 * <p>{@link #of} centres both intervals on the mean over all N·R pairs. The seed-only one is
 * ± t(R − 1)·√varSeeds; the full one ± t(ν)·√(varSeeds + varParameters), ν = R − 1 when
 * varParameters is 0 and min(R − 1, N − 1) otherwise (conservative: the fewer degrees of
 * freedom of the two sources). So the full interval is never narrower than the seed-only one,
 * and equals it when the draws do not vary (estimates with zero standard errors).
 *
 * <p>{@link #around} centres them instead on the effect at the point estimate, measured by R
 * paired runs at θ̂ (what {@code compare} reports as its mean difference): the seed-only interval
 * is then that comparison's own (varSeeds = s²/R), and parameter uncertainty adds the variance
 * of the effect over the distribution of θ, σ̂_a² = max(0, MS_D − MS_E)/R ({@link #spread}),
 * with the same conservative degrees of freedom.
 *
 * @param mean          mean paired difference over all N·R pairs
 * @param varSeeds      variance of the mean from seed noise
 * @param varParameters variance from parameter uncertainty
 * @param seedsLow      lower end of the seed-only 95% interval
 * @param seedsHigh     upper end of the seed-only 95% interval
 * @param low           lower end of the 95% interval with parameter uncertainty
 * @param high          upper end of that interval
 */
public record DrawInterval(double mean, double varSeeds, double varParameters, double seedsLow, double seedsHigh,
                           double low, double high) {

    /** Grand mean, MS_D, MS_S and MS_E of {@code d[i][r]} (at least 2 draws and 2 seeds, no NaN). */
    private static double[] meanSquares(double[][] d) {
        int n = d.length;
        int r = d[0].length;
        if (n < 2 || r < 2) {
            throw new IllegalArgumentException("need at least 2 draws and 2 seeds, got " + n + " x " + r);
        }
        double grand = 0;
        double[] drawMean = new double[n];
        double[] seedMean = new double[r];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < r; s++) {
                grand += d[i][s] / (n * r);
                drawMean[i] += d[i][s] / r;
                seedMean[s] += d[i][s] / n;
            }
        }
        double ssD = 0;
        double ssS = 0;
        double ssE = 0;
        for (int i = 0; i < n; i++) {
            ssD += r * (drawMean[i] - grand) * (drawMean[i] - grand);
        }
        for (int s = 0; s < r; s++) {
            ssS += n * (seedMean[s] - grand) * (seedMean[s] - grand);
        }
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < r; s++) {
                double e = d[i][s] - drawMean[i] - seedMean[s] + grand;
                ssE += e * e;
            }
        }
        double msD = ssD / (n - 1);
        double msS = ssS / (r - 1);
        double msE = ssE / ((n - 1) * (r - 1));
        return new double[] {grand, msD, msS, msE};
    }

    /** The interval from {@code d[i][r]}, draw i on seed r (at least 2 draws and 2 seeds, no NaN). */
    public static DrawInterval of(double[][] d) {
        int n = d.length;
        int r = d[0].length;
        double[] ms = meanSquares(d);
        double grand = ms[0];
        double varSeeds = ms[2] / (n * r);
        double varParameters = drawsVary(d) ? (n + 1.0) / (n * r) * Math.max(0, ms[1] - ms[3]) : 0;
        return centred(grand, varSeeds, r - 1, varParameters, n);
    }

    /**
     * σ̂_a² = max(0, MS_D − MS_E)/R: the variance over parameter draws of the effect (its mean over
     * seeds), net of seed noise; 0 when the draws do not vary.
     */
    public static double spread(double[][] d) {
        double[] ms = meanSquares(d);
        return drawsVary(d) ? Math.max(0, ms[1] - ms[3]) / d[0].length : 0;
    }

    /**
     * False when every draw gave the same differences on every seed (draws without variance run
     * the same model): their parameter variance is then exactly 0, where the mean squares would
     * leave round-off.
     */
    private static boolean drawsVary(double[][] d) {
        for (double[] row : d) {
            if (!java.util.Arrays.equals(row, d[0])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The intervals around the effect at the point estimate: {@code atEstimate} is the paired
     * comparison of R seeds at θ̂ (at least 2 pairs), {@code d} the draws as for {@link #of}
     * (only their spread is used). The seed-only interval is exactly {@code atEstimate}'s; the
     * full one is ± t(ν)·√(s²/R + σ̂_a²), and is the seed-only one when σ̂_a² is 0.
     */
    public static DrawInterval around(PairedDifference atEstimate, double[][] d) {
        return around(atEstimate, spread(d), d.length);
    }

    /**
     * {@link #around(PairedDifference, double[][])} from the spread σ̂_a² of {@code draws} draws
     * ({@link #spread}).
     */
    public static DrawInterval around(PairedDifference atEstimate, double spread, int draws) {
        if (atEstimate.n() < 2 || draws < 2) {
            throw new IllegalArgumentException("need at least 2 pairs at the estimate and 2 draws, got "
                    + atEstimate.n() + " and " + draws);
        }
        if (!(spread >= 0)) {
            throw new IllegalArgumentException("a spread must be at least 0, was " + spread);
        }
        double sd = atEstimate.sdDifference();
        double varSeeds = sd * sd / atEstimate.n();
        DrawInterval x = centred(atEstimate.meanDifference(), varSeeds, atEstimate.n() - 1, spread, draws);
        return new DrawInterval(x.mean(), x.varSeeds(), x.varParameters(), atEstimate.ciLow(), atEstimate.ciHigh(),
                // min and max: never narrower than the seed-only interval, not even by round-off.
                spread > 0 ? Math.min(x.low(), atEstimate.ciLow()) : atEstimate.ciLow(),
                spread > 0 ? Math.max(x.high(), atEstimate.ciHigh()) : atEstimate.ciHigh());
    }

    private static DrawInterval centred(double mean, double varSeeds, int seedDf, double varParameters, int draws) {
        double tSeeds = PairedDifference.tQuantile(seedDf);
        double tAll = varParameters > 0 ? PairedDifference.tQuantile(Math.min(seedDf, draws - 1)) : tSeeds;
        double halfSeeds = tSeeds * Math.sqrt(varSeeds);
        double half = tAll * Math.sqrt(varSeeds + varParameters);
        return new DrawInterval(mean, varSeeds, varParameters, mean - halfSeeds, mean + halfSeeds, mean - half,
                mean + half);
    }
}
