package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import yrdsim.calibrate.DrawInterval;
import yrdsim.metrics.PairedDifference;
import yrdsim.metrics.RowSink;
import yrdsim.output.CsvTables;
import yrdsim.output.Numbers;

/**
 * {@code comparison.csv}: for each policy and headline metric, the paired difference from the
 * baseline over the seeds. A metric that is null in a replication (a revenue yardstick never
 * reached) is left out of that seed's pair only: the means, the difference and its interval use
 * the n seeds where both runs have a value, and {@code baseline_n} and {@code policy_n} count the
 * replications with a value on each side. Cells without a value (n = 0; sd and interval for
 * n = 1) are empty.
 *
 * <p>With parameter draws ({@code compare --parameter-draws}) the table gains
 * {@link #DRAW_COLUMNS}: {@code ci95_low} and {@code ci95_high} then cover seed noise and
 * parameter uncertainty ({@link DrawInterval#around}), {@code ci95_low_seeds_only} and
 * {@code ci95_high_seeds_only} hold the seed-only interval the table has without draws, and
 * {@code var_seeds} and {@code var_parameters} the two variances. Without draws the table is
 * what it always was.
 */
public final class ComparisonTable {

    /** The file name of the table. */
    public static final String FILE = "comparison.csv";

    /** Columns of comparison.csv. */
    public static final List<String> COLUMNS = List.of("policy", "metric", "baseline_mean", "policy_mean",
            "mean_difference", "sd_difference", "n", "ci95_low", "ci95_high", "baseline_n", "policy_n");

    /** The file of a comparison's parameter draws, one row each (with {@code --parameter-draws}). */
    public static final String DRAWS_FILE = "draws.csv";

    /** Columns comparison.csv has after {@link #COLUMNS} when the comparison has parameter draws. */
    public static final List<String> DRAW_COLUMNS = List.of("ci95_low_seeds_only", "ci95_high_seeds_only",
            "var_seeds", "var_parameters");

    /**
     * One metric of one policy.
     *
     * @param metric        the metric's dotted path in summary.json
     * @param difference    the paired difference, or null without a single complete pair
     * @param baselineN     baseline replications with a value
     * @param policyN       policy replications with a value
     * @param varParameters the variance of the effect over parameter draws ({@link DrawInterval#spread}),
     *                      NaN when unknown or without draws
     * @param draws         the number of parameter draws, 0 without
     */
    public record Row(String metric, PairedDifference difference, int baselineN, int policyN, double varParameters,
                      int draws) {

        /** A row without parameter draws. */
        public Row(String metric, PairedDifference difference, int baselineN, int policyN) {
            this(metric, difference, baselineN, policyN, Double.NaN, 0);
        }

        /** This row with the spread of its effect over {@code n} parameter draws. */
        public Row withParameterSpread(double spread, int n) {
            return new Row(metric, difference, baselineN, policyN, spread, n);
        }

        /**
         * The intervals with and without parameter uncertainty, or null when either part is
         * unknown (fewer than 2 pairs at the estimates, or a spread that could not be measured).
         */
        public DrawInterval withParameters() {
            if (difference == null || difference.n() < 2 || !(varParameters >= 0) || draws < 2) {
                return null;
            }
            return DrawInterval.around(difference, varParameters, draws);
        }
    }

    private ComparisonTable() {
    }

    /**
     * The rows of one policy: {@code baseline.get(r)} and {@code policy.get(r)} are the summaries
     * of replication r (the same seed).
     */
    public static List<Row> rows(List<String> metrics, List<JsonNode> baseline, List<JsonNode> policy) {
        if (baseline.size() != policy.size()) {
            throw new IllegalArgumentException(baseline.size() + " baseline summaries for " + policy.size()
                    + " policy summaries");
        }
        List<Row> rows = new ArrayList<>();
        for (String metric : metrics) {
            List<double[]> pairs = new ArrayList<>();
            int baselineN = 0;
            int policyN = 0;
            for (int r = 0; r < baseline.size(); r++) {
                Double b = HeadlineMetrics.value(baseline.get(r), metric);
                Double p = HeadlineMetrics.value(policy.get(r), metric);
                baselineN += b != null ? 1 : 0;
                policyN += p != null ? 1 : 0;
                if (b != null && p != null) {
                    pairs.add(new double[] {b, p});
                }
            }
            PairedDifference d = null;
            if (!pairs.isEmpty()) {
                d = PairedDifference.of(pairs.stream().mapToDouble(x -> x[0]).toArray(),
                        pairs.stream().mapToDouble(x -> x[1]).toArray());
            }
            rows.add(new Row(metric, d, baselineN, policyN));
        }
        rows.add(benefitCost(baseline, policy));
        return rows;
    }

    /**
     * The benefit–cost row: extra IotF revenue over the run per yuan of extra public cost,
     * R = mean(ΔB)/mean(ΔC) over the seeds, with a 95% delta-method interval from the paired
     * ΔB and ΔC: R ± t(0.975, n−1) · sd(ΔB − R ΔC) / (√n · mean(ΔC)). Left empty where the
     * policy costs nothing or raises revenue (mean ΔC ≤ 0), where a ratio would not be a price.
     */
    static Row benefitCost(List<JsonNode> baseline, List<JsonNode> policy) {
        List<Double> benefit = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        for (int r = 0; r < baseline.size(); r++) {
            Double b0 = HeadlineMetrics.value(baseline.get(r), HeadlineMetrics.BENEFIT);
            Double b1 = HeadlineMetrics.value(policy.get(r), HeadlineMetrics.BENEFIT);
            Double c0 = HeadlineMetrics.value(baseline.get(r), HeadlineMetrics.PUBLIC_COST);
            Double c1 = HeadlineMetrics.value(policy.get(r), HeadlineMetrics.PUBLIC_COST);
            if (b0 != null && b1 != null && c0 != null && c1 != null) {
                benefit.add(b1 - b0);
                cost.add(c1 - c0);
            }
        }
        int n = benefit.size();
        double meanCost = cost.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (n == 0 || !(meanCost > 0)) {
            return new Row(HeadlineMetrics.BENEFIT_COST, null, n, n);
        }
        double ratio = benefit.stream().mapToDouble(Double::doubleValue).average().orElse(0) / meanCost;
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = benefit.get(i) - ratio * cost.get(i);
        }
        double low = Double.NaN;
        double high = Double.NaN;
        double sd = Double.NaN;
        if (n > 1) {
            sd = Math.sqrt(StatUtils.variance(residual));
            double half = PairedDifference.tQuantile(n - 1) * sd / (Math.sqrt(n) * meanCost);
            low = ratio - half;
            high = ratio + half;
        }
        return new Row(HeadlineMetrics.BENEFIT_COST,
                new PairedDifference(n, Double.NaN, Double.NaN, ratio, sd / meanCost, low, high), n, n);
    }

    /**
     * Writes {@code comparison.csv} into {@code dir}: the rows of each policy in turn, with the
     * columns of parameter uncertainty when {@code withDraws}.
     */
    public static void write(Path dir, List<String> policies, List<List<Row>> rows, boolean withDraws)
            throws IOException {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (withDraws) {
            columns.addAll(DRAW_COLUMNS);
        }
        try (RowSink sink = new CsvTables(dir).open("comparison", columns)) {
            for (int i = 0; i < policies.size(); i++) {
                for (Row row : rows.get(i)) {
                    PairedDifference d = row.difference();
                    List<Object> cells = new ArrayList<>(List.of(policies.get(i), row.metric(),
                            d == null ? "" : cell(d.baselineMean()), d == null ? "" : cell(d.policyMean()),
                            d == null ? "" : cell(d.meanDifference()), d == null ? "" : cell(d.sdDifference()),
                            d == null ? 0 : d.n(), d == null ? "" : cell(d.ciLow()), d == null ? "" : cell(d.ciHigh()),
                            row.baselineN(), row.policyN()));
                    if (withDraws) {
                        DrawInterval x = row.withParameters();
                        cells.set(7, x == null ? "" : cell(x.low()));
                        cells.set(8, x == null ? "" : cell(x.high()));
                        cells.add(d == null ? "" : cell(d.ciLow()));
                        cells.add(d == null ? "" : cell(d.ciHigh()));
                        double largest = largest(cells);
                        cells.add(variance(d == null ? Double.NaN : d.sdDifference() * d.sdDifference() / d.n(),
                                largest));
                        cells.add(variance(row.varParameters(), largest));
                    }
                    sink.row(cells.toArray());
                }
            }
        }
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    /** The largest magnitude among the numbers of a row's cells. */
    private static double largest(List<Object> cells) {
        double largest = 0;
        for (Object c : cells) {
            if (c instanceof Double v) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        return largest;
    }

    /**
     * A variance's cell. Variances are in squared units, so the row's round-off rule (a number
     * below {@link Numbers#ROUND_OFF} of the row's largest is written as 0) applies to their
     * square root, the standard deviation, against the row's other numbers.
     */
    private static String variance(double v, double largest) {
        if (Double.isNaN(v)) {
            return "";
        }
        return Math.sqrt(v) < Numbers.ROUND_OFF * largest ? "0" : Numbers.format(v);
    }
}
