package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import yrdsim.metrics.PairedDifference;
import yrdsim.output.AtomicFiles;
import yrdsim.output.RefusedException;

/**
 * The report of a comparison directory: the delta's IotF revenue share over time (each scenario's
 * mean over replications with its min–max band, and each policy's paired difference from the
 * baseline with its 95% interval) and cross-province flows by factor, around the table of
 * comparison.csv; and, after {@code compare --channels}, the channel decomposition
 * ({@link ChannelReport}). Provenance comes from the comparison's manifest.
 */
final class ComparisonReport {

    /** The comparison table's file name. */
    static final String TABLE = "comparison.csv";
    /** The charts of a comparison report, relative to the comparison directory. */
    static final List<String> CHARTS = List.of("charts/iotf-share.png", "charts/iotf-share-difference.png",
            "charts/flows.png");

    /** A scenario of the comparison and the series of its replications. */
    private record ScenarioRuns(String label, JsonNode info, List<RunSeries> runs) {
    }

    private ComparisonReport() {
    }

    /** Directory of the run of scenario {@code label} with {@code seed} inside a comparison directory. */
    static Path runDirectory(Path comparison, String label, long seed) {
        return comparison.resolve("runs").resolve(label).resolve("seed-" + seed);
    }

    static Path write(Path dir) throws IOException, RefusedException {
        JsonNode manifest = Reports.manifest(dir);
        List<Long> seeds = new ArrayList<>();
        manifest.path("seeds").forEach(s -> seeds.add(s.asLong()));
        if (seeds.isEmpty() || !manifest.path("baseline").isObject() || !manifest.path("policies").isArray()) {
            throw new RefusedException(dir.resolve("manifest.json") + ": not a comparison manifest (it needs "
                    + "baseline, policies and seeds)");
        }
        List<ScenarioRuns> scenarios = new ArrayList<>();
        scenarios.add(scenario(dir, manifest.path("baseline"), seeds));
        for (JsonNode policy : manifest.path("policies")) {
            scenarios.add(scenario(dir, policy, seeds));
        }
        Table table = Table.read(dir.resolve(TABLE), "policy", "metric", "baseline_mean", "policy_mean",
                "mean_difference", "sd_difference", "n", "ci95_low", "ci95_high");

        double[] x = Charts.times(scenarios.get(0).runs().get(0).periods());
        String caption = caption(manifest, scenarios, seeds);
        Charts.save(shareChart(scenarios, x, seeds.size()), dir.resolve(CHARTS.get(0)), caption);
        Charts.save(differenceChart(scenarios, x), dir.resolve(CHARTS.get(1)), caption);
        List<XYChart> flows = new ArrayList<>();
        for (String factor : Reports.FLOW_FACTORS) {
            flows.add(flowChart(scenarios, x, factor, seeds.size()));
        }
        Charts.saveGrid(flows, 2, dir.resolve(CHARTS.get(2)), caption);

        Path report = dir.resolve(Reports.REPORT);
        AtomicFiles.write(report, markdown(manifest, scenarios, seeds, table) + ChannelReport.write(dir, manifest,
                caption));
        Html.write(report);
        return report;
    }

    /** "baseline vs integration, seeds 1–3 (3 replications), 2020Q1–2035Q4 · yrdsim …". */
    private static String caption(JsonNode manifest, List<ScenarioRuns> scenarios, List<Long> seeds) {
        String[] periods = scenarios.get(0).runs().get(0).periods();
        return String.join(" vs ", scenarios.stream().map(ScenarioRuns::label).toList())
                + Reports.overridesCaption(manifest.path("overrides")) + ", seeds " + Reports.seedList(seeds) + " ("
                + seeds.size() + " replication" + (seeds.size() == 1 ? "" : "s") + "), " + periods[0] + "–"
                + periods[periods.length - 1] + " · " + Reports.source(manifest);
    }

    private static ScenarioRuns scenario(Path dir, JsonNode info, List<Long> seeds) throws IOException, RefusedException {
        String label = info.path("label").asText();
        List<RunSeries> runs = new ArrayList<>();
        for (long seed : seeds) {
            Path run = runDirectory(dir, label, seed);
            if (!Files.isRegularFile(run.resolve("provinces.csv"))) {
                throw new RefusedException(run + ": missing; the comparison is incomplete (run compare again)");
            }
            runs.add(RunSeries.read(run));
        }
        int steps = runs.get(0).steps();
        for (RunSeries r : runs) {
            if (r.steps() != steps) {
                throw new RefusedException(dir + ": runs of " + label + " differ in length");
            }
        }
        return new ScenarioRuns(label, info, runs);
    }

    /** Interface of a per-run series, so one band routine serves every chart. */
    @FunctionalInterface
    private interface Extract {
        double[] of(RunSeries run) throws RefusedException;
    }

    private static void meanAndBand(XYChart chart, ScenarioRuns s, int index, double[] x, Extract extract, double factor)
            throws RefusedException {
        int steps = x.length;
        double[] mean = new double[steps];
        double[] low = new double[steps];
        double[] high = new double[steps];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (RunSeries run : s.runs()) {
            double[] v = extract.of(run);
            for (int k = 0; k < steps; k++) {
                double y = v[k] * factor;
                mean[k] += y / s.runs().size();
                low[k] = Math.min(low[k], y);
                high[k] = Math.max(high[k], y);
            }
        }
        Charts.band(chart, s.label() + " band", x, low, high, color(index));
        Charts.line(chart, index == 0 && !s.label().equals("baseline") ? s.label() + " (baseline)" : s.label(), x, mean,
                color(index), false);
    }

    private static Color color(int index) {
        return index == 0 ? Charts.REFERENCE : Charts.color(index - 1);
    }

    private static XYChart shareChart(List<ScenarioRuns> scenarios, double[] x, int replications) throws RefusedException {
        XYChart chart = Charts.time("IotF share of the delta's manufacturing revenue (mean of " + replications
                + " replications; band: min–max)", "IotF share of manufacturing revenue (%)", x);
        for (int i = 0; i < scenarios.size(); i++) {
            meanAndBand(chart, scenarios.get(i), i, x, RunSeries::deltaIotfShare, 100);
        }
        Charts.includeZero(chart);
        return chart;
    }

    private static XYChart differenceChart(List<ScenarioRuns> scenarios, double[] x) throws RefusedException {
        XYChart chart = Charts.time("Policy minus baseline, same seeds: IotF share of revenue (band: 95% interval "
                + "of the mean)", "difference in IotF share (percentage points)", x);
        ScenarioRuns baseline = scenarios.get(0);
        List<double[]> base = new ArrayList<>();
        for (RunSeries run : baseline.runs()) {
            base.add(RunReport.scaled(run.deltaIotfShare(), 100));
        }
        Charts.line(chart, "no difference", x, new double[x.length], Charts.REFERENCE, true);
        for (int i = 1; i < scenarios.size(); i++) {
            List<double[]> policy = new ArrayList<>();
            for (RunSeries run : scenarios.get(i).runs()) {
                policy.add(RunReport.scaled(run.deltaIotfShare(), 100));
            }
            double[] mean = new double[x.length];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            boolean interval = base.size() > 1;
            for (int k = 0; k < x.length; k++) {
                double[] b = new double[base.size()];
                double[] p = new double[base.size()];
                for (int r = 0; r < b.length; r++) {
                    b[r] = base.get(r)[k];
                    p[r] = policy.get(r)[k];
                }
                PairedDifference d = PairedDifference.of(b, p);
                mean[k] = d.meanDifference();
                low[k] = d.ciLow();
                high[k] = d.ciHigh();
            }
            if (interval) {
                Charts.band(chart, scenarios.get(i).label() + " band", x, low, high, color(i));
            }
            Charts.line(chart, scenarios.get(i).label() + " − " + baseline.label(), x, mean, color(i), false);
        }
        return chart;
    }

    private static XYChart flowChart(List<ScenarioRuns> scenarios, double[] x, String factor, int replications)
            throws RefusedException {
        XYChart chart = Charts.time("Cross-province flows of " + factor + " (mean of " + replications
                + "; band: min–max)", Reports.flowUnit(factor), x);
        for (int i = 0; i < scenarios.size(); i++) {
            meanAndBand(chart, scenarios.get(i), i, x, run -> run.crossFlow(factor), 1);
        }
        Charts.includeZero(chart);
        return chart;
    }

    /**
     * What the two intervals of a comparison with parameter draws ({@code draws}: the manifest's
     * {@code parameter_draws}) mean, in plain words, naming the calibration they come from.
     */
    private static String twoIntervals(JsonNode draws, int replications) {
        int n = draws.path("n").asInt();
        return "**Two intervals.** The parameters " + parameterNames(draws) + " were estimated from data by the "
                + "calibration in " + Markdown.code(draws.path("estimates").asText()) + " (`estimates.csv` sha256 "
                + Markdown.code(shortHash(draws.path("estimates_sha256").asText())) + "), so they are known only up "
                + "to their standard errors. Every run under `runs/`, and so every *difference* here, is at those "
                + "estimates. *95% interval: seeds only* is the interval of an ordinary comparison: it covers seed "
                + "noise alone, how far the mean effect could move with other random seeds, the parameters held at "
                + "their estimates. *95% interval: seeds and parameters* covers seed noise and the parameters' "
                + "uncertainty: the comparison was run again at " + n + " parameter vectors drawn from the "
                + "estimates' distribution (their sandwich covariance, reflected into the bounds; draw seed "
                + draws.path("seed").asText() + ", `draws.csv`), each on the same " + replications + " seeds, and "
                + "the spread of the effect across the draws, net of seed noise, widens the interval: mean ± "
                + "t(0.975, df) · √(var_seeds + var_parameters), df = min(n−1, " + (n - 1) + ") where the "
                + "parameters add variance. It is the one to quote, and the one *excludes 0* judges; it is never "
                + "narrower than the seed-only one, and equals it where the effect varies no more across the "
                + "draws than seed noise explains. Where it is much wider, more seeds will not narrow it: the data behind "
                + "the estimates are what limits it. It is empty where the draws could not measure the spread "
                + "(fewer than 2 seeds with a pair in every draw, and the IotF growth parts, which draws do not "
                + "compute). Parameters that were not estimated, and the model's structure, are taken as given by "
                + "both intervals.\n\n";
    }

    /** The estimated parameters of {@code draws}, as code. */
    private static String parameterNames(JsonNode draws) {
        List<String> names = new ArrayList<>();
        draws.path("parameters").forEach(p -> names.add(Markdown.code(p.asText())));
        return String.join(", ", names);
    }

    /** The first 12 hex digits of a SHA-256, enough to tell files apart in prose. */
    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    private static String markdown(JsonNode manifest, List<ScenarioRuns> scenarios, List<Long> seeds, Table table)
            throws RefusedException {
        ScenarioRuns baseline = scenarios.get(0);
        String[] periods = baseline.runs().get(0).periods();
        StringBuilder b = new StringBuilder();
        List<String> policyLabels = scenarios.subList(1, scenarios.size()).stream().map(ScenarioRuns::label).toList();
        b.append("# Policy comparison: ").append(String.join(", ", policyLabels)).append(" against ")
                .append(baseline.label()).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioRuns s : scenarios) {
            rows.add(List.of(s == baseline ? "baseline" : "policy", s.label() + " ("
                    + Markdown.code(s.info().path("path").asText()) + ", sha256 "
                    + Markdown.code(s.info().path("sha256").asText()) + ")"));
        }
        rows.add(List.of("replications", seeds.size() + ", seeds " + Reports.seedList(seeds)
                + " (every scenario runs on the same seeds)"));
        rows.add(List.of("steps", periods.length + " quarters, " + periods[0] + " to " + periods[periods.length - 1]));
        rows.add(List.of("overrides", Reports.overrides(manifest.path("overrides"))));
        JsonNode draws = manifest.path("parameter_draws");
        if (draws.isObject()) {
            rows.add(List.of("parameters", "every scenario at the estimates of " + Markdown.code(draws.path("estimates")
                    .asText()) + " (" + parameterNames(draws) + "; estimates.csv sha256 "
                    + Markdown.code(shortHash(draws.path("estimates_sha256").asText())) + ", covariance.csv sha256 "
                    + Markdown.code(shortHash(draws.path("covariance_sha256").asText())) + "), and at "
                    + draws.path("n").asInt() + " parameter draws from their estimated distribution (draw seed "
                    + draws.path("seed").asText() + ", `draws.csv`; runs in `draws/`)"));
        }
        rows.add(List.of("engine", manifest.path("engine").asText()));
        rows.add(List.of("yrdsim", manifest.path("yrdsim_version").asText() + ", commit "
                + Markdown.code(manifest.path("git_commit").asText())));
        b.append(Markdown.table(List.of("provenance", ""), rows)).append('\n');
        b.append("Each run is in `runs/<scenario>/seed-<seed>/` with its own manifest and tables.\n\n");

        b.append("## Headline differences\n\n");
        int drawCount = draws.isObject() ? draws.path("n").asInt() : 0;
        if (drawCount == 0) {
            b.append("From `comparison.csv`. For each seed the policy's figure minus the baseline's is one paired "
                    + "difference; *difference* is their mean and *95% interval* is mean ± t(0.975, n−1) · sd / √n. "
                    + "An interval that excludes 0 (marked *yes*) is an effect the replications resolve; one that "
                    + "includes 0 is not distinguishable from seed noise at this number of replications. Shares are "
                    + "shown in per cent and their differences in percentage points, as in the charts; "
                    + "`comparison.csv` holds them as fractions (0.07 = 7%).\n\n");
        } else {
            b.append("From `comparison.csv`. For each seed the policy's figure minus the baseline's, both at the "
                    + "calibration's estimates, is one paired difference; *difference* is their mean. The intervals "
                    + "cover seed noise only, or seed noise and parameter uncertainty from " + drawCount
                    + " parameter draws (below). An interval with parameters that excludes 0 (marked *yes*) is an "
                    + "effect that neither the replications nor the uncertainty of the estimates can explain away; "
                    + "one that includes 0 is not resolved at this number of replications and with these "
                    + "estimates. Shares are shown in per cent and their differences in percentage points, as in "
                    + "the charts; `comparison.csv` holds them as fractions (0.07 = 7%).\n\n");
            b.append(twoIntervals(draws, seeds.size()));
        }
        ComparisonTables tables = new ComparisonTables(table, drawCount);
        b.append(tables.markdown(baseline.label(), seeds.size(), periods));
        String growth = tables.growthAndCost(baseline.label());
        if (!growth.isEmpty()) {
            b.append("## Where IotF growth comes from, and what it costs\n\n");
            b.append("*IotF growth* is the rise of the delta's IotF revenue from the first to the last quarter "
                    + "(bn yuan a year, mean over the seeds). Each run is repeated with the exogenous terms held "
                    + "at zero (common market growth, sectors' extra demand growth, the world frontier): the "
                    + "growth of that counterfactual is the part of the delta's *own dynamics* (adoption, "
                    + "knowledge, scale); the rest is *exogenous*. *Public cost* is the policy's extra public "
                    + "spending over the run net of carbon revenue (bn yuan), and the benefit–cost ratio the "
                    + "extra IotF revenue over the run per yuan of it, with a delta-method interval; both are "
                    + "empty for a policy that costs nothing or raises revenue.\n\n");
            b.append(growth).append('\n');
        }

        b.append("## IotF share of revenue over time\n\n");
        b.append(Markdown.image("IotF share of the delta's revenue by scenario", CHARTS.get(0))).append('\n');
        b.append("Lines are the mean over the replications; the shaded band spans the lowest to the highest "
                + "replication at each quarter.\n\n");
        b.append(Markdown.image("policy minus baseline, paired by seed", CHARTS.get(1))).append('\n');
        b.append("The paired difference at each quarter, mean over seeds, with the 95% t interval of that mean"
                + (drawCount == 0 ? ". " : " (seed noise only, at the estimates: the draws keep no time series). ")
                + "Because every scenario runs on the same seeds, much of the noise cancels in each pair, so an "
                + "effect can be resolved here even where the bands above overlap.\n\n");
        b.append("## Cross-province flows\n\n");
        b.append(Markdown.image("cross-province flows by factor and scenario", CHARTS.get(2))).append('\n');
        b.append("All border crossings of each factor per quarter (mean over replications; band min–max). "
                + "Capital is capital newly placed in another province's market; technology is licences bought "
                + "from, or spillovers absorbed from, another province.\n");
        return b.toString();
    }
}
