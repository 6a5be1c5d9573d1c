package yrdsim.atlas;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import yrdsim.compare.ComparisonTable;
import yrdsim.metrics.RowSink;
import yrdsim.output.CsvTables;
import yrdsim.output.Manifest;

/**
 * {@code atlas.csv}: for each policy, the headline metrics the atlas reports, taken cell for
 * cell from the comparison's {@code comparison.csv} (so the atlas says exactly what
 * {@code compare} says for the same policy and seeds), with two columns more:
 * {@code runs}, the replications, so that {@code baseline_reached}/{@code policy_reached} read as
 * "reached in k of n runs" for the revenue yardsticks; and {@code distinct_from_zero}:
 * {@code yes} when the 95% interval (seed noise and, with draws, parameter uncertainty) excludes
 * 0, {@code seeds_only} when only the seed-only interval does (the parameters decide whether
 * there is an effect), {@code no} when neither does, empty without an interval.
 */
public final class AtlasTable {

    /** The file name. */
    public static final String FILE = "atlas.csv";

    /** The columns. */
    public static final List<String> COLUMNS = List.of("policy", "metric", "baseline_mean", "policy_mean", "effect",
            "ci95_low", "ci95_high", "ci95_low_seeds_only", "ci95_high_seeds_only", "var_seeds", "var_parameters", "n",
            "baseline_reached", "policy_reached", "runs", "distinct_from_zero");

    /** The metrics of comparison.csv the atlas reports, in its order. */
    static final List<Pattern> METRICS = List.of(
            Pattern.compile("iotf_revenue_share\\.[^.]+"),
            Pattern.compile("iotf_revenue_total_bn"),
            Pattern.compile("iotf_sectors\\.[^.]+\\.revenue_(500bn|1tn)_step"),
            Pattern.compile("clusters\\.(emerged|iotf_emerged|active_at_end)"),
            Pattern.compile("output_per_worker_cv\\.end"),
            Pattern.compile("emissions\\.total_mt"),
            Pattern.compile("budget\\.net_cost_total_bn"),
            Pattern.compile("benefit_cost_ratio"));

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    private AtlasTable() {
    }

    /** Whether {@code metric} is one the atlas reports. */
    static boolean reported(String metric) {
        return METRICS.stream().anyMatch(p -> p.matcher(metric).matches());
    }

    /**
     * Writes atlas.csv into {@code dir} from {@code comparison}'s comparison.csv and manifest:
     * policies in the comparison's order, metrics in {@link #METRICS}' order.
     */
    static void write(Path dir, Path comparison) throws IOException {
        List<CSVRecord> records;
        boolean draws;
        try (Reader in = Files.newBufferedReader(comparison.resolve(ComparisonTable.FILE), StandardCharsets.UTF_8);
             CSVParser parser = READ.parse(in)) {
            draws = parser.getHeaderNames().containsAll(ComparisonTable.DRAW_COLUMNS);
            records = parser.getRecords();
        }
        int runs = Manifest.read(comparison).path("replications").asInt();
        try (RowSink sink = new CsvTables(dir).open(FILE.replace(".csv", ""), COLUMNS)) {
            List<String> policies = records.stream().map(r -> r.get("policy")).distinct().toList();
            for (String policy : policies) {
                for (Pattern metric : METRICS) {
                    for (CSVRecord r : records) {
                        if (r.get("policy").equals(policy) && metric.matcher(r.get("metric")).matches()) {
                            sink.row(row(r, draws, runs).toArray());
                        }
                    }
                }
            }
        }
    }

    private static List<Object> row(CSVRecord r, boolean draws, int runs) {
        String low = r.get("ci95_low");
        String high = r.get("ci95_high");
        String lowSeeds = draws ? r.get("ci95_low_seeds_only") : low;
        String highSeeds = draws ? r.get("ci95_high_seeds_only") : high;
        List<Object> cells = new ArrayList<>(List.of(r.get("policy"), r.get("metric"), r.get("baseline_mean"),
                r.get("policy_mean"), r.get("mean_difference"), low, high, lowSeeds, highSeeds,
                draws ? r.get("var_seeds") : "", draws ? r.get("var_parameters") : "", r.get("n"),
                r.get("baseline_n"), r.get("policy_n"), runs));
        cells.add(distinct(low, high, lowSeeds, highSeeds));
        return cells;
    }

    /**
     * {@code yes}, {@code seeds_only}, {@code no}, or empty without the full interval (then
     * nothing is claimed, even where a seed-only interval exists: the parameters' part is unknown).
     */
    static String distinct(String low, String high, String lowSeeds, String highSeeds) {
        if (low.isEmpty() || high.isEmpty()) {
            return "";
        }
        if (excludesZero(low, high)) {
            return "yes";
        }
        if (excludesZero(lowSeeds, highSeeds)) {
            return "seeds_only";
        }
        return "no";
    }

    private static boolean excludesZero(String low, String high) {
        if (low.isEmpty() || high.isEmpty()) {
            return false;
        }
        double lo = Double.parseDouble(low);
        double hi = Double.parseDouble(high);
        return lo > 0 || hi < 0;
    }
}
