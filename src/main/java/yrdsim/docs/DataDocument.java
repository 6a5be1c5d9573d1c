package yrdsim.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import yrdsim.compare.ChannelPlan;
import yrdsim.compare.ChannelTable;
import yrdsim.metrics.RunTables;
import yrdsim.output.CombinedTables;
import yrdsim.output.Numbers;
import yrdsim.scenario.ScenarioException;

/**
 * The text of {@code docs/DATA.md}, written from {@link DataDictionary}: the conventions every
 * file follows, then each kind of directory with its files and their columns.
 */
public final class DataDocument {

    private DataDocument() {
    }

    /** The whole dictionary, its column types taken from a sample run of {@code scenario}. */
    public static String markdown(Path scenario) throws IOException, ScenarioException {
        List<DataDictionary.TableDoc> run = DataDictionary.runTables(scenario);
        StringBuilder b = new StringBuilder();
        b.append("# Data dictionary\n\n");
        b.append("<!-- Generated from the declarations the writers use (yrdsim.docs.DataDictionary); do not edit.\n");
        b.append("     After a column or table changes, regenerate it with\n");
        b.append("     ").append(DataDictionary.REGENERATE).append(" -->\n\n");
        b.append("Every file yrdsim writes and every column of its tables, with type, unit and meaning. ");
        b.append("Generated from the declarations the writers use, and checked against the headers of a real run, ");
        b.append("comparison and sweep, so it cannot drift from them.\n\n");
        conventions(b);
        b.append("## A run directory\n\n");
        b.append("`yrdsim run` writes `results/NAME/seed-SEED/` (`seed-SEED-set-HASH/` with overrides); a comparison ");
        b.append("keeps one per scenario and seed under `runs/`, and a sweep one per run under `runs/RUN_ID/` ");
        b.append("(only `manifest.json` and `summary.json`, unless it keeps run files or series).\n\n");
        files(b, List.of(
                "`manifest.json`: provenance (versions, commit, scenario and its SHA-256, seed, overrides, the run's "
                        + "`run` id and stamp), timing, every file with its size and SHA-256, `expected_files`, and "
                        + "`status` (`running`, `failed`, `complete`).",
                "`summary.json`: the headline figures (below).",
                "`calibration.json`: the constants calibrated at step 0.",
                "`scenario.resolved.yaml`: the scenario exactly as run; running it reproduces the run.",
                "`report.md`, `report.html`, `charts/*.png`: written by `yrdsim report` (see the README)."));
        for (DataDictionary.TableDoc t : run) {
            table(b, t);
        }
        summary(b);
        b.append("## A comparison directory\n\n");
        b.append("`yrdsim compare` writes `comparison.csv`, the report, each run under `runs/SCENARIO/seed-SEED/`, ");
        b.append("and the runs' per-step tables stacked under `").append(CombinedTables.DIRECTORY);
        b.append("/`: the baseline's seeds first, then each policy's. With `--parameter-draws N --estimates DIR` ");
        b.append("the runs under `runs/` are at the calibration's estimates, and it also writes `draws.csv` and ");
        b.append("each draw's runs under `draws/draw-K/SCENARIO/seed-SEED/` (only `manifest.json` and ");
        b.append("`summary.json`). With `--channels` it also writes `");
        b.append(ChannelTable.FILE).append("` and, for each subset of channels switched off, each scenario's run on ");
        b.append("each seed under `").append(ChannelPlan.DIRECTORY).append("/SUBSET/SCENARIO/seed-SEED/` (only ");
        b.append("`manifest.json` and `summary.json`), SUBSET being a 1 (on) or 0 (off) for each channel in the order ");
        b.append("of `").append(ChannelTable.FILE).append("`.\n\n");
        for (DataDictionary.TableDoc t : DataDictionary.comparisonTables(run)) {
            table(b, t);
        }
        b.append("## A sweep directory\n\n");
        b.append("`yrdsim sweep` writes `sweep.yaml` (the sweep file, byte for byte), `scenario.resolved.yaml`, ");
        b.append("`design.csv`, `results.csv`, `sensitivity.csv` (Sobol designs), `runs/RUN_ID/` and ");
        b.append("`shards/I-of-N/manifest.json`; with `--keep series` (or `keep_series: true`) also every run's ");
        b.append("per-step tables in `runs/RUN_ID/` and stacked under `").append(CombinedTables.DIRECTORY);
        b.append("/` in run order. `").append(DataDictionary.PARAMETERS).append("` and `").append(DataDictionary.METRICS);
        b.append("` below stand for one column per swept parameter and per metric of the sweep file.\n\n");
        for (DataDictionary.TableDoc t : DataDictionary.sweepTables(run)) {
            table(b, t);
        }
        return b.toString();
    }

    private static void conventions(StringBuilder b) {
        b.append("## Conventions\n\n");
        files(b, List.of(
                "CSV files are UTF-8, comma-separated, with a header row and `\\n` line ends; long format, one "
                        + "observation per row.",
                "Every table starts with the run's own columns: `run_id`, `scenario`, `seed` (and in a sweep the swept "
                        + "parameters), so the tables of many runs stack. `run_id` is `SCENARIO-sSEED`, with "
                        + "`-set-HASH` (8 hex digits of the SHA-256 of the overrides, `--steps` included) when "
                        + "overrides change the scenario; a comparison uses its label for SCENARIO (`baseline-2` for "
                        + "a scenario compared with itself); a sweep's run is `pPOINT-rREPLICATION`.",
                "Every row with a `step` (0-based quarter of the run) has its `period` (such as `2020Q1`) next to "
                        + "it, and in `summary.json` every `*_step` has a `*_period`.",
                "Booleans are `" + Numbers.TRUE + "` and `" + Numbers.FALSE + "`. A missing value is an empty cell "
                        + "(`null` in JSON).",
                "Numbers have 12 significant digits. In a row, a number whose magnitude is below "
                        + Numbers.format(Numbers.ROUND_OFF) + " of the largest number of that row is round-off and "
                        + "is written as `0`.",
                "Shares are fractions from 0 to 1 everywhere in the files (unit `fraction`), never percentages; "
                        + "charts show percentages.",
                "The whole delta is `" + RunTables.WHOLE_DELTA + "` wherever a figure is for all provinces "
                        + "together (no region may take the name).",
                "Money is in bn yuan, per quarter unless a name ends in `_annual_bn` or the unit says per year; people "
                        + "in thousand persons; technology in licence units (one million yuan of public research)."));
    }

    private static void files(StringBuilder b, List<String> items) {
        for (String item : items) {
            b.append("- ").append(item).append('\n');
        }
        b.append('\n');
    }

    private static void table(StringBuilder b, DataDictionary.TableDoc t) {
        b.append("### `").append(t.path()).append("`\n\n");
        b.append(Character.toUpperCase(t.about().charAt(0))).append(t.about().substring(1)).append("\n\n");
        if (t.stacks() != null) {
            b.append("Columns: `").append(String.join("`, `", t.names())).append("`, as in `").append(t.stacks())
                    .append("` above").append(t.names().contains(DataDictionary.PARAMETERS)
                            ? " with the swept parameters after `seed`" : "").append(".\n\n");
            return;
        }
        b.append("| column | type | unit | meaning |\n| --- | --- | --- | --- |\n");
        t.columns().forEach(c -> row(b, c.name(), c.type(), c.unit(), c.meaning()));
        b.append('\n');
    }

    private static void summary(StringBuilder b) {
        b.append("### `summary.json`\n\n");
        b.append("Its top-level keys, in file order. `yrdsim compare` and sweep metrics name its figures by dotted ");
        b.append("path, such as `iotf_revenue_share.YRD` or `iotf_sectors.gene_technology.revenue_500bn_step`.\n\n");
        b.append("| key | type | unit | meaning |\n| --- | --- | --- | --- |\n");
        DataDictionary.summaryKeys().forEach(k -> row(b, k.name(), k.type(), k.unit(), k.meaning()));
        b.append('\n');
    }

    private static void row(StringBuilder b, String name, String type, String unit, String meaning) {
        b.append("| `").append(name).append("` | ").append(type).append(" | ").append(cell(unit)).append(" | ")
                .append(cell(meaning)).append(" |\n");
    }

    /** A table cell: "" shown as a dash, pipes escaped. */
    private static String cell(String text) {
        return text.isEmpty() ? "–" : text.replace("|", "\\|");
    }
}
