package yrdsim.calibrate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.model.StepObserver;
import yrdsim.model.YrdModel;

/**
 * Firm-growth statistics of a run, read from the model after each year (every fourth step):
 * the moments of Gibrat's law and its violations that the literature measures (Stanley et al.
 * 1996, Nature 379:804; Bottazzi and Secchi 2006, RAND 37:235). Size is a firm's quarterly
 * revenue in the last quarter of each year; growth is the log change of size between
 * consecutive years for firms alive and selling in both; sizes and growth rates are centred
 * on their yearly means (year fixed effects), so aggregate growth does not enter.
 *
 * <ul>
 *   <li>{@code growth_size_slope}: OLS slope of growth on log size (0 under Gibrat's law);</li>
 *   <li>{@code volatility_size_slope}: firms cut into {@value #CLASSES} equal-count classes by log
 *       size; the OLS slope of the log standard deviation of growth in each class on the class's
 *       mean log size (−β in σ(S) ∝ S^−β; about −0.15 to −0.2 in Stanley et al.);</li>
 *   <li>{@code growth_kurtosis}: kurtosis m4/m2² of growth (3 for a normal, 6 for the Laplace
 *       "tent" of Stanley et al. and Bottazzi and Secchi);</li>
 *   <li>{@code growth_sd}: standard deviation of annual growth;</li>
 *   <li>{@code growth_pairs}: firm-years behind these numbers.</li>
 * </ul>
 *
 * <p>Per firm it does no allocation: a year's sizes go into two primitive arrays in the
 * engine's id order and are matched with the previous year's by a merge on id; the arrays grow
 * by doubling only. It is attached to a run only when a target reads one of its statistics.
 */
final class FirmDynamics implements StepObserver {

    /** The statistics, by name. */
    static final List<String> NAMES = List.of("growth_size_slope", "volatility_size_slope", "growth_kurtosis",
            "growth_sd", "growth_pairs");
    /** Size classes of the volatility–size regression. */
    static final int CLASSES = 10;
    private static final int YEAR = 4;

    private long[] ids = new long[1024];
    private double[] sizes = new double[1024];
    private int count = -1;
    private long[] newIds = new long[1024];
    private double[] newSizes = new double[1024];
    private int newCount;
    private double[] x = new double[1024];
    private double[] g = new double[1024];
    private int pairs;

    @Override
    public void stepped(YrdModel model) {
        if ((model.step() + 1) % YEAR != 0) {
            return;
        }
        newCount = 0;
        model.engine().forEach(f -> {
            if (f.revenue() > 0) {
                if (newCount == newIds.length) {
                    newIds = Arrays.copyOf(newIds, 2 * newCount);
                    newSizes = Arrays.copyOf(newSizes, 2 * newCount);
                }
                newIds[newCount] = f.id();
                newSizes[newCount++] = Math.log(f.revenue());
            }
        });
        if (count >= 0) {
            match();
        }
        long[] swapIds = ids;
        double[] swapSizes = sizes;
        ids = newIds;
        sizes = newSizes;
        count = newCount;
        newIds = swapIds;
        newSizes = swapSizes;
    }

    /** Adds the firms of both years (ids increase in both lists), centred on this year's means. */
    private void match() {
        int start = pairs;
        int i = 0;
        int j = 0;
        while (i < count && j < newCount) {
            if (ids[i] < newIds[j]) {
                i++;
            } else if (ids[i] > newIds[j]) {
                j++;
            } else {
                add(sizes[i], newSizes[j] - sizes[i]);
                i++;
                j++;
            }
        }
        record(start);
    }

    /** Adds one firm-year directly (tests). */
    void add(double logSize, double growth) {
        if (pairs == x.length) {
            x = Arrays.copyOf(x, 2 * pairs);
            g = Arrays.copyOf(g, 2 * pairs);
        }
        x[pairs] = logSize;
        g[pairs++] = growth;
    }

    /** Centres the firm-years added since {@code start} (one year) on their means. */
    void record(int start) {
        int n = pairs - start;
        if (n == 0) {
            return;
        }
        double mx = 0;
        double mg = 0;
        for (int k = start; k < pairs; k++) {
            mx += x[k];
            mg += g[k];
        }
        mx /= n;
        mg /= n;
        for (int k = start; k < pairs; k++) {
            x[k] -= mx;
            g[k] -= mg;
        }
    }

    /** Firm-years recorded so far. */
    int pairs() {
        return pairs;
    }

    /** The statistics; NaN where there are too few firm-years (fewer than 2 per size class). */
    Map<String, Double> statistics() {
        Map<String, Double> out = new LinkedHashMap<>();
        int n = pairs;
        double sxx = 0;
        double sxg = 0;
        double m2 = 0;
        double m4 = 0;
        for (int k = 0; k < n; k++) {
            sxx += x[k] * x[k];
            sxg += x[k] * g[k];
            m2 += g[k] * g[k];
            m4 += g[k] * g[k] * g[k] * g[k];
        }
        boolean enough = n >= 2 * CLASSES;
        out.put("growth_size_slope", enough && sxx > 0 ? sxg / sxx : Double.NaN);
        out.put("volatility_size_slope", enough ? volatilitySlope() : Double.NaN);
        out.put("growth_kurtosis", enough && m2 > 0 ? (m4 / n) / ((m2 / n) * (m2 / n)) : Double.NaN);
        out.put("growth_sd", enough ? Math.sqrt(m2 / n) : Double.NaN);
        out.put("growth_pairs", (double) n);
        return out;
    }

    private double volatilitySlope() {
        int n = pairs;
        double[] sorted = Arrays.copyOf(x, n);
        Arrays.sort(sorted);
        double[] cuts = new double[CLASSES - 1];
        for (int c = 1; c < CLASSES; c++) {
            cuts[c - 1] = sorted[(int) ((long) c * n / CLASSES)];
        }
        double[] count = new double[CLASSES];
        double[] sumX = new double[CLASSES];
        double[] sumG = new double[CLASSES];
        double[] sumGG = new double[CLASSES];
        for (int k = 0; k < n; k++) {
            int at = Arrays.binarySearch(cuts, x[k]);
            int c = at >= 0 ? at + 1 : -at - 1;
            count[c]++;
            sumX[c] += x[k];
            sumG[c] += g[k];
            sumGG[c] += g[k] * g[k];
        }
        double[] lx = new double[CLASSES];
        double[] ls = new double[CLASSES];
        int used = 0;
        for (int c = 0; c < CLASSES; c++) {
            if (count[c] < 2) {
                continue;
            }
            double mean = sumG[c] / count[c];
            double var = (sumGG[c] - count[c] * mean * mean) / (count[c] - 1);
            if (var > 0) {
                lx[used] = sumX[c] / count[c];
                ls[used++] = 0.5 * Math.log(var);
            }
        }
        if (used < 3) {
            return Double.NaN;
        }
        double mx = 0;
        double ms = 0;
        for (int c = 0; c < used; c++) {
            mx += lx[c] / used;
            ms += ls[c] / used;
        }
        double num = 0;
        double den = 0;
        for (int c = 0; c < used; c++) {
            num += (lx[c] - mx) * (ls[c] - ms);
            den += (lx[c] - mx) * (lx[c] - mx);
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
