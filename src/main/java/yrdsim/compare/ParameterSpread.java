package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import yrdsim.calibrate.DrawInterval;

/**
 * How much a policy's effect on each metric varies with the parameters: from the summaries of N
 * parameter draws, each run on the same R seeds for the baseline and the policy, the variance of
 * the mean effect over the draws net of seed noise ({@link DrawInterval#spread}, a two-way
 * decomposition of the N × R paired differences).
 *
 * <p>A metric that is null in some runs (a yardstick not reached) uses the seeds on which every
 * draw has a pair; with fewer than 2 such seeds its spread is unknown (NaN). The benefit–cost
 * ratio is not a paired difference: its pairs are linearised by the delta method,
 * z = (ΔB − R̄ ΔC) / mean(ΔC) with R̄ = ΣΔB / ΣΔC over the cells, whose spread is that of the
 * ratio to first order; it is unknown where the policy costs nothing on average.
 */
final class ParameterSpread {

    private ParameterSpread() {
    }

    /**
     * {@code rows} of one policy with the spread of each, from {@code baseline.get(k).get(r)} and
     * {@code policy.get(k).get(r)}: the summaries of draw k on seed r.
     */
    static List<ComparisonTable.Row> of(List<ComparisonTable.Row> rows, List<List<JsonNode>> baseline,
                                        List<List<JsonNode>> policy) {
        List<ComparisonTable.Row> out = new ArrayList<>();
        for (ComparisonTable.Row row : rows) {
            double spread = row.metric().equals(HeadlineMetrics.BENEFIT_COST) ? ratioSpread(baseline, policy)
                    : spread(differences(baseline, policy, row.metric()));
            out.add(row.withParameterSpread(spread, baseline.size()));
        }
        return out;
    }

    /** d[k][r] = policy − baseline of {@code metric}, null where either is null. */
    private static Double[][] differences(List<List<JsonNode>> baseline, List<List<JsonNode>> policy, String metric) {
        int n = baseline.size();
        int r = baseline.get(0).size();
        Double[][] d = new Double[n][r];
        for (int k = 0; k < n; k++) {
            for (int s = 0; s < r; s++) {
                Double b = HeadlineMetrics.value(baseline.get(k).get(s), metric);
                Double p = HeadlineMetrics.value(policy.get(k).get(s), metric);
                d[k][s] = b == null || p == null ? null : p - b;
            }
        }
        return d;
    }

    /** The spread over the seeds that every draw has, or NaN with fewer than 2 of them. */
    private static double spread(Double[][] d) {
        double[][] complete = complete(d);
        return complete == null ? Double.NaN : DrawInterval.spread(complete);
    }

    /** The columns (seeds) of {@code d} without a null, or null when fewer than 2 remain. */
    private static double[][] complete(Double[][] d) {
        List<Integer> seeds = new ArrayList<>();
        for (int s = 0; s < d[0].length; s++) {
            boolean all = true;
            for (Double[] row : d) {
                all &= row[s] != null;
            }
            if (all) {
                seeds.add(s);
            }
        }
        if (seeds.size() < 2 || d.length < 2) {
            return null;
        }
        double[][] out = new double[d.length][seeds.size()];
        for (int k = 0; k < d.length; k++) {
            for (int j = 0; j < seeds.size(); j++) {
                out[k][j] = d[k][seeds.get(j)];
            }
        }
        return out;
    }

    private static double ratioSpread(List<List<JsonNode>> baseline, List<List<JsonNode>> policy) {
        double[][] benefit = complete(differences(baseline, policy, HeadlineMetrics.BENEFIT));
        double[][] cost = complete(differences(baseline, policy, HeadlineMetrics.PUBLIC_COST));
        if (benefit == null || cost == null || benefit[0].length != cost[0].length
                || benefit[0].length != baseline.get(0).size()) {
            return Double.NaN;
        }
        double sumBenefit = 0;
        double sumCost = 0;
        int cells = benefit.length * benefit[0].length;
        for (int k = 0; k < benefit.length; k++) {
            for (int s = 0; s < benefit[0].length; s++) {
                sumBenefit += benefit[k][s];
                sumCost += cost[k][s];
            }
        }
        double meanCost = sumCost / cells;
        if (!(meanCost > 0)) {
            return Double.NaN;
        }
        double ratio = sumBenefit / sumCost;
        double[][] z = new double[benefit.length][benefit[0].length];
        for (int k = 0; k < z.length; k++) {
            for (int s = 0; s < z[0].length; s++) {
                z[k][s] = (benefit[k][s] - ratio * cost[k][s]) / meanCost;
            }
        }
        return DrawInterval.spread(z);
    }
}
