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
 * <p>Both intervals are centred on the mean over all N·R pairs. The seed-only one is
 * ± t(R − 1)·√varSeeds; the full one ± t(ν)·√(varSeeds + varParameters), ν = R − 1 when
 * varParameters is 0 and min(R − 1, N − 1) otherwise (conservative: the fewer degrees of
 * freedom of the two sources). So the full interval is never narrower than the seed-only one,
 * and equals it when the draws do not vary (estimates with zero standard errors).
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

    /** The interval from {@code d[i][r]}, draw i on seed r (at least 2 draws and 2 seeds, no NaN). */
    public static DrawInterval of(double[][] d) {
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
        double varSeeds = msS / (n * r);
        double varParameters = (n + 1.0) / (n * r) * Math.max(0, msD - msE);
        double tSeeds = PairedDifference.tQuantile(r - 1);
        double tAll = varParameters > 0 ? PairedDifference.tQuantile(Math.min(r - 1, n - 1)) : tSeeds;
        double halfSeeds = tSeeds * Math.sqrt(varSeeds);
        double half = tAll * Math.sqrt(varSeeds + varParameters);
        return new DrawInterval(grand, varSeeds, varParameters, grand - halfSeeds, grand + halfSeeds, grand - half,
                grand + half);
    }
}
