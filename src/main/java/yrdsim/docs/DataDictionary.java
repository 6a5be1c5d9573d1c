package yrdsim.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.compare.ChannelTable;
import yrdsim.compare.ComparisonTable;
import yrdsim.metrics.Column;
import yrdsim.metrics.RunStamp;
import yrdsim.metrics.RunTables;
import yrdsim.metrics.SummaryKeys;
import yrdsim.metrics.TableLayout;
import yrdsim.output.CombinedTables;
import yrdsim.scenario.ScenarioException;
import yrdsim.sweep.SweepDirectory;
import yrdsim.sweep.SweepFile;

/**
 * The data dictionary, {@code docs/DATA.md}: every file yrdsim writes and every column, with its
 * type, unit and meaning. It is generated from the declarations the writers use (the tables of
 * {@link RunTables}, the run's own columns of {@link RunStamp}, {@link SummaryKeys}, and the
 * column lists of comparison.csv, design.csv, results.csv and sensitivity.csv), so it cannot
 * drift from them; a column's type is that of the values its writer produces in a short sample
 * run ({@link SampleTypes}). Columns that are not declared with a description (comparison.csv,
 * sensitivity.csv) are described here, and one a writer adds without a description stops the
 * generation.
 */
public final class DataDictionary {

    /** Where the dictionary lives, relative to the project root. */
    public static final Path FILE = Path.of("docs", "DATA.md");

    /** The command that writes {@link #FILE} again after a declaration changed. */
    public static final String REGENERATE = "mvn -Dtest=DataDictionaryTest -Dyrdsim.docs.update=true test";

    /**
     * One column of a documented file.
     *
     * @param name    the header
     * @param type    integer, number, text or boolean
     * @param unit    its unit, or "" when it has none
     * @param meaning what it holds
     */
    public record ColumnDoc(String name, String type, String unit, String meaning) {
    }

    /**
     * A documented CSV file.
     *
     * @param path    its path inside its directory, such as {@code timeseries/provinces.csv}
     * @param about   one sentence on what a row is
     * @param stacks  for a combined table, the run table it stacks (its columns are that table's, with a
     *                sweep's parameters after the run's own), else null
     * @param columns its columns in file order; {@code PARAMETERS} and {@code METRICS} stand for
     *                one column per swept parameter or per metric of the sweep file
     */
    public record TableDoc(String path, String about, List<ColumnDoc> columns, String stacks) {

        /** A table that stacks no other. */
        public TableDoc(String path, String about, List<ColumnDoc> columns) {
            this(path, about, columns, null);
        }

        /** The column names, in file order. */
        public List<String> names() {
            return columns.stream().map(ColumnDoc::name).toList();
        }
    }

    /** Stands for the swept parameters' columns: one per parameter, named by its dotted scenario path. */
    public static final String PARAMETERS = "PARAMETERS";
    /** Stands for the metrics' columns of results.csv: one per metric, named by its dotted path in summary.json. */
    public static final String METRICS = "METRICS";

    private static final Map<String, String> COMPARISON = Map.ofEntries(
            Map.entry("policy", "the policy scenario (its label in the comparison)"),
            Map.entry("metric", "a headline figure of summary.json, by its dotted path"),
            Map.entry("baseline_mean", "mean of the metric over the paired seeds, baseline"),
            Map.entry("policy_mean", "mean of the metric over the paired seeds, policy"),
            Map.entry("mean_difference", "mean of policy minus baseline, seed by seed"),
            Map.entry("sd_difference", "sample standard deviation of those differences"),
            Map.entry("n", "paired seeds: replications where both runs have a value"),
            Map.entry("ci95_low", "95% interval of the mean difference, lower end: mean - t(0.975, n-1) sd / sqrt(n); "
                    + "with --parameter-draws, the interval that also covers parameter uncertainty: mean - t(0.975, "
                    + "df) sqrt(var_seeds + var_parameters), df = n-1 when var_parameters is 0, else min(n-1, N-1) "
                    + "for N draws (empty when var_parameters is)"),
            Map.entry("ci95_high", "95% interval of the mean difference, upper end (with --parameter-draws, with "
                    + "parameter uncertainty)"),
            Map.entry("baseline_n", "baseline replications in which the metric has a value"),
            Map.entry("policy_n", "policy replications in which the metric has a value"),
            Map.entry("ci95_low_seeds_only", "with --parameter-draws only: the seed-only 95% interval, lower end (what "
                    + "ci95_low is without draws)"),
            Map.entry("ci95_high_seeds_only", "with --parameter-draws only: the seed-only 95% interval, upper end"),
            Map.entry("var_seeds", "with --parameter-draws only: variance of the mean difference from seed noise, "
                    + "sd_difference^2 / n; compared with the row's round-off through its square root"),
            Map.entry("var_parameters", "with --parameter-draws only: variance of the effect over the parameter "
                    + "draws net of seed noise, max(0, MS_draws - MS_residual) / R from the draws x seeds table of "
                    + "paired differences; empty when fewer than 2 seeds have a pair in every draw, and for "
                    + "iotf_growth.*, which draws do not compute"));

    private static final Map<String, String> CHANNELS = Map.ofEntries(
            Map.entry("policy", "the policy scenario (its label in the comparison)"),
            Map.entry("metric", "a headline figure of summary.json, by its dotted path (yardsticks and iotf_growth "
                    + "are not decomposed; the manifest's channel_metrics_left_out says why)"),
            Map.entry("channel", "a channel (a key under channels: in a scenario), or direct: the effect with every "
                    + "channel switched off"),
            Map.entry("shapley", "mean over the seeds of the channel's Shapley value of the effect (of the direct "
                    + "effect on the direct row); direct plus the channels' values is total_effect"),
            Map.entry("ci95_low", "95% interval of that mean, lower end: mean - t(0.975, n-1) sd / sqrt(n) over the "
                    + "seeds' values"),
            Map.entry("ci95_high", "95% interval of that mean, upper end"),
            Map.entry("share", "shapley / total_effect; empty where the total effect is 0"),
            Map.entry("total_effect", "mean over the seeds of policy minus baseline with every channel on: "
                    + "comparison.csv's mean_difference"),
            Map.entry("method", "exact (all 128 subsets of channels) or sampled (--channel-samples orders)"),
            Map.entry("samples", "sampled orders of the channels; empty when exact"));

    private static final Map<String, String> SENSITIVITY = Map.ofEntries(
            Map.entry("metric", "a metric of the sweep file"),
            Map.entry("parameter", "a swept parameter"),
            Map.entry("first_order", "S_i (Saltelli 2010): share of the metric's variance due to the parameter alone"),
            Map.entry("first_order_ci", "half-width of the 95% bootstrap interval of first_order"),
            Map.entry("total_order", "S_Ti (Jansen 1999): share of the variance due to the parameter with all its "
                    + "interactions"),
            Map.entry("total_order_ci", "half-width of the 95% bootstrap interval of total_order"));

    private static final Map<String, String> RESULTS = Map.ofEntries(
            Map.entry("run_id", "the run: pPOINT-rREPLICATION"),
            Map.entry("replication", "the replication at its design point, 0-based"),
            Map.entry("seed", "the run's seed"));

    private DataDictionary() {
    }

    /** The per-step and snapshot tables of a run directory, in file order, typed by a sample run of {@code scenario}. */
    public static List<TableDoc> runTables(Path scenario) throws IOException, ScenarioException {
        Map<String, Map<String, String>> types = SampleTypes.of(scenario);
        List<TableDoc> docs = new ArrayList<>();
        for (TableLayout<?> table : RunTables.ALL) {
            docs.add(new TableDoc(table.name() + ".csv", about(table), columns(table, types.get(table.name()))));
        }
        return docs;
    }

    /**
     * comparison.csv (with the columns of parameter draws, which it has only with
     * {@code --parameter-draws}), draws.csv, channels.csv, then the combined tables under timeseries/.
     */
    public static List<TableDoc> comparisonTables(List<TableDoc> runTables) {
        List<ColumnDoc> columns = new ArrayList<>();
        List<String> names = new ArrayList<>(ComparisonTable.COLUMNS);
        names.addAll(ComparisonTable.DRAW_COLUMNS);
        for (String name : names) {
            String type = name.equals("policy") || name.equals("metric") ? "text"
                    : name.endsWith("_n") || name.equals("n") ? "integer" : "number";
            String unit = name.startsWith("var_") ? "the metric's unit, squared" : "the metric's unit";
            columns.add(new ColumnDoc(name, type, type.equals("number") ? unit : "",
                    described(COMPARISON, ComparisonTable.FILE, name)));
        }
        List<TableDoc> docs = new ArrayList<>();
        docs.add(new TableDoc(ComparisonTable.FILE, "one row per policy and headline metric; the last four "
                + "columns only with --parameter-draws.", columns));
        docs.add(new TableDoc(ComparisonTable.DRAWS_FILE, "with --parameter-draws only: one row per parameter draw, in the order of "
                + "draws/draw-K/.", List.of(
                        new ColumnDoc("draw", "integer", "", "the draw, K from 1: its runs are in draws/draw-K/"),
                        new ColumnDoc(PARAMETERS, "number", "as the parameter", "one column per estimated parameter "
                                + "of the calibration (--estimates), named by its dotted scenario path, with the "
                                + "draw's value (what the draw's runs used)"))));
        docs.add(channelTable());
        docs.addAll(combined(runTables, false));
        return docs;
    }

    /** channels.csv, which {@code compare --channels} writes. */
    private static TableDoc channelTable() {
        List<ColumnDoc> columns = new ArrayList<>();
        for (String name : ChannelTable.COLUMNS) {
            boolean text = List.of("policy", "metric", "channel", "method").contains(name);
            String type = text ? "text" : name.equals("samples") ? "integer" : "number";
            String unit = text || name.equals("samples") ? "" : name.equals("share") ? "fraction" : "the metric's unit";
            columns.add(new ColumnDoc(name, type, unit, described(CHANNELS, ChannelTable.FILE, name)));
        }
        return new TableDoc(ChannelTable.FILE, "with --channels only: one row per policy, decomposed metric and "
                + "channel, the channels in order, then direct.", columns);
    }

    /** design.csv, results.csv, sensitivity.csv, then the combined tables a sweep keeps with --keep series. */
    public static List<TableDoc> sweepTables(List<TableDoc> runTables) {
        ColumnDoc parameters = new ColumnDoc(PARAMETERS, "as the parameter", "as the parameter",
                "one column per swept parameter, named by its dotted scenario path, with the run's value");
        List<TableDoc> docs = new ArrayList<>();
        docs.add(new TableDoc(SweepDirectory.DESIGN, "one row per run, in run order.", List.of(
                new ColumnDoc("run_id", "text", "", described(RESULTS, SweepDirectory.DESIGN, "run_id")), parameters)));
        List<ColumnDoc> results = new ArrayList<>();
        for (String name : SweepFile.RUN_COLUMNS) {
            results.add(new ColumnDoc(name, name.equals("run_id") ? "text" : "integer", "",
                    described(RESULTS, SweepDirectory.RESULTS, name)));
        }
        results.add(parameters);
        results.add(new ColumnDoc(METRICS, "number", "the figure's unit in summary.json",
                "one column per metric of the sweep file, named by its dotted path in summary.json; empty where the "
                        + "run left it null"));
        docs.add(new TableDoc(SweepDirectory.RESULTS, "one row per run, in run order.", results));
        List<ColumnDoc> sensitivity = new ArrayList<>();
        for (String name : SweepDirectory.SENSITIVITY_COLUMNS) {
            boolean text = name.equals("metric") || name.equals("parameter");
            sensitivity.add(new ColumnDoc(name, text ? "text" : "number", text ? "" : "fraction of variance",
                    described(SENSITIVITY, SweepDirectory.SENSITIVITY, name)));
        }
        docs.add(new TableDoc(SweepDirectory.SENSITIVITY, "sobol designs only: one row per metric and parameter; "
                + "empty cells where an index is undefined.", sensitivity));
        docs.addAll(combined(runTables, true));
        return docs;
    }

    /** summary.json's top-level keys. */
    public static List<SummaryKeys.Key> summaryKeys() {
        return SummaryKeys.ALL;
    }

    /** The tables stacked under timeseries/: a run's per-step tables, with a sweep's parameter columns. */
    private static List<TableDoc> combined(List<TableDoc> runTables, boolean sweep) {
        List<TableDoc> docs = new ArrayList<>();
        for (String file : CombinedTables.files()) {
            String name = file.substring(file.indexOf('/') + 1);
            TableDoc run = runTables.stream().filter(t -> t.path().equals(name)).findFirst().orElseThrow();
            List<ColumnDoc> columns = new ArrayList<>(run.columns());
            if (sweep) {
                columns.add(RunStamp.COLUMNS.size(), new ColumnDoc(PARAMETERS, "as the parameter", "as the parameter",
                        "one column per swept parameter, named by its dotted scenario path, with the run's value"));
            }
            docs.add(new TableDoc(file, "every run's " + name + " stacked, in run order: " + run.about(), columns, name));
        }
        return docs;
    }

    private static List<ColumnDoc> columns(TableLayout<?> table, Map<String, String> types) {
        List<ColumnDoc> out = new ArrayList<>();
        for (Column<RunStamp> c : RunStamp.COLUMNS) {
            out.add(new ColumnDoc(c.name(), SampleTypes.type(types, c), c.unit(), c.description()));
        }
        for (Column<?> c : table.columns()) {
            out.add(new ColumnDoc(c.name(), SampleTypes.type(types, c), c.unit(), c.description()));
        }
        return out;
    }

    /** What a row of {@code table} is; a table without an entry in {@link #ABOUT} stops the generation. */
    private static String about(TableLayout<?> table) {
        String about = ABOUT.get(table.name());
        if (about == null) {
            throw new IllegalStateException(table.name() + ".csv is a table of RunTables.ALL that docs/DATA.md does "
                    + "not describe; say what one of its rows is in " + DataDictionary.class.getName() + ".ABOUT");
        }
        return about;
    }

    /** What a row of each run table is. */
    private static final Map<String, String> ABOUT = new LinkedHashMap<>(Map.of(
            "provinces", "one row per step and province.",
            "sectors", "one row per step, province and sector.",
            "flows", "one row per step, factor and ordered pair of provinces (origin to destination).",
            "clusters", "one row per cluster event or yardstick crossing, in order of step, province, sector, event.",
            "firms", "one row per enterprise at each snapshot step (the last step, and every K with --firms-every K).",
            "demand", "one row per step and sector, for the whole delta: its price, output and the demand that bought it."));

    private static String described(Map<String, String> descriptions, String file, String column) {
        String description = descriptions.get(column);
        if (description == null) {
            throw new IllegalStateException(file + " has a column '" + column + "' that docs/DATA.md does not describe;"
                    + " describe it in " + DataDictionary.class.getName());
        }
        return description;
    }
}
