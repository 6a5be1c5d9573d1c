package yrdsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import yrdsim.output.RefusedException;

/**
 * The tables of a comparison report, read from {@code comparison.csv}: per policy, one table of
 * the metrics that every run has, and one of the revenue yardsticks, which a run may never reach
 * and whose rows therefore say how often each side reached them. Each policy's section ends with
 * the multiple-comparisons caveat and a Bonferroni check of the intervals that exclude 0.
 *
 * <p>A comparison with parameter draws has two intervals per row: {@code ci95_low/high}, which
 * cover seed noise and parameter uncertainty, and {@code ci95_*_seeds_only}; the tables show
 * both, and the checks (excludes 0, Bonferroni) use the wider one.
 */
final class ComparisonTables {

    /**
     * A policy's rows of comparison.csv. With parameter draws, {@code low} and {@code high} cover
     * seed noise and parameter uncertainty, and the seed-only interval and the two variances are
     * set; without, those are NaN.
     */
    private record Row(String metric, double baselineMean, double policyMean, double difference, double sd, int n,
                       double low, double high, int baselineN, int policyN, double seedsLow, double seedsHigh,
                       double varSeeds, double varParameters) {

        boolean hasInterval() {
            return n >= 2 && Double.isFinite(low);
        }

        boolean hasSeedsInterval() {
            return n >= 2 && Double.isFinite(seedsLow);
        }

        boolean excludesZero() {
            return hasInterval() && (low > 0 || high < 0);
        }

        /**
         * Whether the interval still excludes 0 at level 1 − 0.05/m (Bonferroni over m
         * intervals); with {@code draws} parameter draws, the interval with parameter uncertainty
         * and its conservative degrees of freedom, min(n − 1, draws − 1).
         */
        boolean excludesZeroBonferroni(int m, int draws) {
            if (!hasInterval() || !Double.isFinite(sd)) {
                return false;
            }
            boolean withParameters = draws > 1 && varParameters > 0;
            int df = withParameters ? Math.min(n - 1, draws - 1) : n - 1;
            double se = withParameters ? Math.sqrt(varSeeds + varParameters) : sd / Math.sqrt(n);
            double t = new TDistribution(null, df).inverseCumulativeProbability(1 - 0.025 / m);
            return Math.abs(difference) > t * se;
        }
    }

    private final Map<String, List<Row>> byPolicy = new LinkedHashMap<>();
    private final boolean counted;
    private final int draws;

    /**
     * Reads the rows of {@code table}, a comparison with {@code draws} parameter draws (0 for
     * none).
     *
     * @throws RefusedException a cell is not a number, or a comparison with draws lacks their columns
     */
    ComparisonTables(Table table, int draws) throws RefusedException {
        this.draws = draws;
        counted = table.columns().contains("baseline_n") && table.columns().contains("policy_n");
        for (String column : List.of("ci95_low_seeds_only", "ci95_high_seeds_only", "var_seeds", "var_parameters")) {
            if (draws > 0 && !table.columns().contains(column)) {
                throw new RefusedException(table.file() + ":1: no column '" + column + "', though the manifest "
                        + "says the comparison has parameter draws");
            }
        }
        for (CSVRecord r : table.rows()) {
            boolean d = draws > 0;
            byPolicy.computeIfAbsent(table.text(r, "policy"), k -> new ArrayList<>()).add(new Row(
                    table.text(r, "metric"), table.number(r, "baseline_mean"), table.number(r, "policy_mean"),
                    table.number(r, "mean_difference"), table.number(r, "sd_difference"), table.integer(r, "n"),
                    table.number(r, "ci95_low"), table.number(r, "ci95_high"),
                    counted ? table.integer(r, "baseline_n") : -1, counted ? table.integer(r, "policy_n") : -1,
                    d ? table.number(r, "ci95_low_seeds_only") : Double.NaN,
                    d ? table.number(r, "ci95_high_seeds_only") : Double.NaN,
                    d ? table.number(r, "var_seeds") : Double.NaN, d ? table.number(r, "var_parameters") : Double.NaN));
        }
    }

    /** "[low, high]" scaled, or an en dash without an interval. */
    private static String interval(boolean has, double low, double high, double scale) {
        return has ? "[" + Markdown.number(low * scale) + ", " + Markdown.number(high * scale) + "]" : "–";
    }

    /**
     * The section of every policy, headed "policy − baseline"; {@code periods} name the steps, so
     * a yardstick's mean step is also given as the quarter it falls in.
     */
    String markdown(String baseline, int replications, String[] periods) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Row>> e : byPolicy.entrySet()) {
            b.append("### ").append(e.getKey()).append(" − ").append(baseline).append("\n\n");
            List<Row> rows = e.getValue();
            int m = (int) rows.stream().filter(Row::hasInterval).count();
            List<List<String>> metrics = new ArrayList<>();
            List<List<String>> yardsticks = new ArrayList<>();
            for (Row r : rows) {
                double scale = Labels.chartScale(r.metric());
                List<String> cells = new ArrayList<>();
                cells.add(Labels.metric(r.metric()));
                if (Labels.isYardstick(r.metric())) {
                    cells.add(reached(r.baselineN(), replications));
                    cells.add(reached(r.policyN(), replications));
                }
                cells.add(value(r.metric(), r.baselineMean() * scale, periods));
                cells.add(value(r.metric(), r.policyMean() * scale, periods));
                cells.add(Markdown.number(r.difference() * scale));
                cells.add(interval(r.hasInterval(), r.low(), r.high(), scale));
                if (draws > 0) {
                    cells.add(interval(r.hasSeedsInterval(), r.seedsLow(), r.seedsHigh(), scale));
                }
                cells.add(Integer.toString(r.n()));
                cells.add(r.excludesZero() ? (r.excludesZeroBonferroni(m, draws) ? "yes, also Bonferroni" : "yes")
                        : "");
                cells.add(Markdown.code(r.metric()));
                (Labels.isYardstick(r.metric()) ? yardsticks : metrics).add(cells);
            }
            if (!metrics.isEmpty()) {
                b.append(Markdown.table(headers(List.of("metric", "baseline", "policy", "difference")), metrics))
                        .append('\n');
            }
            if (!yardsticks.isEmpty()) {
                b.append("**Revenue yardsticks.** The step (quarter index, 0 = the first quarter; the quarter itself in brackets) at which a "
                        + "sector's revenue first reached the yardstick. A run that never reaches it has no value, "
                        + "so *reached* counts the runs of each side that did, and the means and the interval use "
                        + "only the seeds where both did (*n*).\n\n");
                b.append(Markdown.table(headers(List.of("yardstick", "baseline reached", "policy reached",
                        "baseline", "policy", "difference")), yardsticks)).append('\n');
            }
            b.append(caveat(rows, m, replications)).append("\n\n");
        }
        return b.toString();
    }

    /** {@code first}, then the interval columns (two with draws), n, excludes 0 and the metric's name. */
    private List<String> headers(List<String> first) {
        List<String> headers = new ArrayList<>(first);
        if (draws > 0) {
            headers.add("95% interval: seeds and parameters");
            headers.add("95% interval: seeds only");
        } else {
            headers.add("95% interval");
        }
        headers.addAll(List.of("n", "excludes 0", "in comparison.csv"));
        return headers;
    }

    /**
     * Where each scenario's IotF growth comes from (MODEL-2 9.1): the mean over the seeds of the
     * growth of annual IotF revenue from the first to the last quarter, and of its exogenous and
     * own-dynamics parts; with each policy's public cost and benefit–cost ratio. Empty when
     * comparison.csv has no {@code iotf_growth} rows (a comparison made before they existed).
     */
    String growthAndCost(String baseline) {
        List<List<String>> rows = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, List<Row>> e : byPolicy.entrySet()) {
            Map<String, Row> by = new LinkedHashMap<>();
            e.getValue().forEach(r -> by.put(r.metric(), r));
            if (!by.containsKey("iotf_growth.total")) {
                return "";
            }
            if (first) {
                rows.add(growthRow(baseline, by, true));
                first = false;
            }
            rows.add(growthRow(e.getKey(), by, false));
        }
        String interval = draws > 0 ? "95% interval: seeds and parameters" : "95% interval";
        return Markdown.table(List.of("scenario", "IotF growth", "from exogenous terms", "from own dynamics",
                "public cost (difference)", interval, "extra IotF revenue per yuan", interval), rows);
    }

    private static List<String> growthRow(String label, Map<String, Row> by, boolean baseline) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        for (String part : List.of("total", "exogenous", "own_dynamics")) {
            Row r = by.get("iotf_growth." + part);
            cells.add(Markdown.number(r == null ? Double.NaN : baseline ? r.baselineMean() : r.policyMean()));
        }
        for (String metric : List.of("budget.net_cost_total_bn", "benefit_cost_ratio")) {
            Row r = by.get(metric);
            cells.add(baseline || r == null ? "–" : Markdown.number(r.difference()));
            cells.add(baseline || r == null || !r.hasInterval() ? "–"
                    : "[" + Markdown.number(r.low()) + ", " + Markdown.number(r.high()) + "]");
        }
        return cells;
    }

    /** A mean as a number; a yardstick's mean step with the quarter it falls in: "49.33 (2032Q2)". */
    private static String value(String metric, double v, String[] periods) {
        long step = Math.round(v);
        if (Labels.isYardstick(metric) && Double.isFinite(v) && step >= 0 && step < periods.length) {
            return Markdown.number(v) + " (" + periods[(int) step] + ")";
        }
        return Markdown.number(v);
    }

    /** "3 of 3 runs", "never (0 of 3)", or an en dash when comparison.csv does not count them. */
    static String reached(int k, int replications) {
        if (k < 0) {
            return "–";
        }
        return k == 0 ? "never (0 of " + replications + ")" : k + " of " + replications + " runs";
    }

    private String caveat(List<Row> rows, int m, int replications) {
        if (m == 0) {
            return "**No intervals.** A metric needs at least two paired seeds for an interval; with " + replications
                    + " replication" + (replications == 1 ? "" : "s") + " no difference here can be told from "
                    + "seed noise. Run the comparison again with `--replications 5` or more.";
        }
        long excluding = rows.stream().filter(Row::excludesZero).count();
        long bonferroni = rows.stream().filter(r -> r.excludesZero() && r.excludesZeroBonferroni(m, draws)).count();
        String t = String.format(Locale.ROOT, " (t(0.975, %d) = %.2f)", replications - 1,
                new TDistribution(null, Math.max(1, replications - 1)).inverseCumulativeProbability(0.975));
        return "**Many comparisons, few seeds.** These tables hold " + m + " intervals at 95%. If the policy "
                + "changed nothing at all, about " + m + "/20 = " + Markdown.number(m / 20.0, 2)
                + " of them would still exclude 0 by chance; " + excluding + " do. With n = " + replications
                + " seeds per side" + t + " each interval is wide and rests on a rough estimate of the spread"
                + (draws > 0 ? "; where the parameters add variance, the interval with parameters has min(n−1, "
                + (draws - 1) + ") degrees of freedom (" + draws + " draws), and more seeds alone will not narrow "
                + "it. " : ". ")
                + "Read a single *yes* as a lead to re-test with more replications, not as a finding. "
                + bonferroni + " of the " + excluding + " also exclude 0 at the Bonferroni level 1 − 0.05/" + m
                + ", which holds the chance of any false *yes* in the tables to 5%.";
    }
}
