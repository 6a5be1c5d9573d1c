package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import yrdsim.metrics.PairedDifference;
import yrdsim.metrics.RowSink;
import yrdsim.output.CsvTables;

/**
 * {@code comparison.csv}: for each policy and headline metric, the paired difference from the
 * baseline over the seeds. A metric that is null in a replication (a revenue yardstick never
 * reached) is left out of that seed's pair only: the means, the difference and its interval use
 * the n seeds where both runs have a value, and {@code baseline_n} and {@code policy_n} count the
 * replications with a value on each side. Cells without a value (n = 0; sd and interval for
 * n = 1) are empty.
 */
public final class ComparisonTable {

    /** The file name of the table. */
    public static final String FILE = "comparison.csv";

    /** Columns of comparison.csv. */
    public static final List<String> COLUMNS = List.of("policy", "metric", "baseline_mean", "policy_mean",
            "mean_difference", "sd_difference", "n", "ci95_low", "ci95_high", "baseline_n", "policy_n");

    /**
     * One metric of one policy.
     *
     * @param metric     the metric's dotted path in summary.json
     * @param difference the paired difference, or null without a single complete pair
     * @param baselineN  baseline replications with a value
     * @param policyN    policy replications with a value
     */
    public record Row(String metric, PairedDifference difference, int baselineN, int policyN) {
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
        return rows;
    }

    /** Writes {@code comparison.csv} into {@code dir}: the rows of each policy in turn. */
    public static void write(Path dir, List<String> policies, List<List<Row>> rows) throws IOException {
        try (RowSink sink = new CsvTables(dir).open("comparison", COLUMNS)) {
            for (int i = 0; i < policies.size(); i++) {
                for (Row row : rows.get(i)) {
                    PairedDifference d = row.difference();
                    sink.row(policies.get(i), row.metric(),
                            d == null ? "" : cell(d.baselineMean()), d == null ? "" : cell(d.policyMean()),
                            d == null ? "" : cell(d.meanDifference()), d == null ? "" : cell(d.sdDifference()),
                            d == null ? 0 : d.n(), d == null ? "" : cell(d.ciLow()), d == null ? "" : cell(d.ciHigh()),
                            row.baselineN(), row.policyN());
                }
            }
        }
    }

    private static Object cell(double v) {
        return Double.isNaN(v) ? "" : v;
    }
}
