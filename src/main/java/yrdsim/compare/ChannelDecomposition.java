package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.report.Reports;
import yrdsim.run.Progress;
import yrdsim.scenario.ScenarioException;

/**
 * {@code compare --channels}: each policy's effect on each headline metric attributed to the
 * model's channels by Shapley values (MODEL-2 10), written as {@link ChannelTable channels.csv}.
 * The value of a subset S of channels is the paired effect, policy − baseline on the same seed,
 * with the channels outside S switched off in both scenarios ({@link ChannelPlan}). Each seed
 * gets its own Shapley values from its own paired effects; channels.csv holds their mean over
 * the seeds with a 95% interval.
 *
 * <p>Two kinds of headline metric are left out, and the manifest says so under
 * {@value #LEFT_OUT}: the revenue yardsticks ({@code *_step}), which are empty in a run that
 * never reaches them, so that a subset's value would be undefined; and the IotF growth split
 * ({@code iotf_growth.*}), which needs a second, counterfactual run of every run and is skipped
 * by the summary-only runs of the decomposition. A metric that is empty in any run the
 * decomposition needs is left out too, rather than decomposed over fewer seeds.
 */
public final class ChannelDecomposition {

    /** The manifest field naming the metrics not decomposed, each with the reason. */
    public static final String LEFT_OUT = "channel_metrics_left_out";
    /** The manifest field counting the decomposition's own runs (the comparison's runs not counted). */
    public static final String RUNS = "channel_runs";
    /** The manifest field counting the subsets of channels the decomposition uses, all-on included. */
    public static final String SUBSETS = "channel_subsets";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDecomposition.class);

    private final ChannelPlan plan;
    private final ChannelRuns.Setting setting;
    private final List<ChannelRuns.Scenario> scenarios;
    private final int steps;

    private ChannelDecomposition(ChannelPlan plan, ChannelRuns.Setting setting, List<ChannelRuns.Scenario> scenarios,
                                 int steps) {
        this.plan = plan;
        this.setting = setting;
        this.scenarios = List.copyOf(scenarios);
        this.steps = steps;
    }

    /**
     * The decomposition a comparison asks for, or null without {@code --channels}.
     *
     * @param atEstimates overrides after the comparison's, which every run takes: with parameter draws,
     *                    the estimates, as the comparison's point runs take them
     * @param labels the scenarios' labels in the comparison, baseline first
     * @param paths  their files, in the same order
     * @param steps  steps of every run
     * @param dir    the comparison directory
     * @throws ScenarioException a scenario does not load with its channels switched off
     */
    public static ChannelDecomposition of(CompareOptions o, List<String> atEstimates, List<String> labels, List<Path> paths, List<Long> seeds,
                                          int steps, Path dir) throws ScenarioException {
        ChannelPlan plan = ChannelPlan.of(o.channels(), seeds.get(0));
        if (plan == null) {
            return null;
        }
        List<ChannelRuns.Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            scenarios.add(new ChannelRuns.Scenario(labels.get(i), paths.get(i)));
        }
        List<String> overrides = new ArrayList<>(o.overrides());
        overrides.addAll(atEstimates);
        ChannelRuns.Setting setting = new ChannelRuns.Setting(overrides, o.steps(), seeds, o.jobs(), dir,
                o.shard());
        ChannelRuns.check(setting, scenarios);
        return new ChannelDecomposition(plan, setting, scenarios, steps);
    }

    /** The settings the manifest records under {@value ChannelOptions#FIELD}; part of the comparison's identity. */
    public Map<String, Object> describe() {
        return plan.describe();
    }

    /** The files a complete decomposition adds to the comparison directory. */
    public List<String> expectedFiles() {
        return plan.expectedFiles(scenarios.stream().map(ChannelRuns.Scenario::label).toList(), setting.seeds());
    }

    /** Steps of the comparison's own runs, which progress counts first. */
    private int comparisonSteps() {
        return scenarios.size() * setting.seeds().size() * steps;
    }

    /** Steps of the decomposition's runs. */
    private int channelSteps() {
        return plan.subsetsToRun().size() * scenarios.size() * setting.seeds().size() * steps;
    }

    /**
     * {@code progress} for the comparison's own runs, whose total then includes the
     * decomposition's runs still to come, so one display covers both.
     */
    public Progress comparisonProgress(Progress progress) {
        int extra = channelSteps();
        return (done, total) -> progress.step(done, total + extra);
    }

    /** Runs this process's share of the switched-off subsets' runs, and writes nothing else (a shard). */
    public void runShare(Progress progress, Clock clock) throws RunFailure, RefusedException {
        ChannelRuns.run(setting, scenarios, plan.subsetsToRun(), steps, progress, clock);
    }

    /**
     * Runs the switched-off subsets, writes channels.csv and records what it did in the manifest
     * (which the comparison writes when complete); call after the comparison's own runs are complete.
     *
     * @param progress the comparison's display: told the steps done after the comparison's own
     */
    public void run(Manifest manifest, Progress progress, Clock clock)
            throws RunFailure, RefusedException, IOException {
        int offset = comparisonSteps();
        ChannelRuns.run(setting, scenarios, plan.subsetsToRun(), steps,
                (done, total) -> progress.step(offset + done, offset + total), clock);
        Map<String, String> leftOut = new LinkedHashMap<>();
        List<String> metrics = metrics();
        List<ChannelTable.Row> rows = rows(metrics, values(metrics), leftOut);
        ChannelTable.write(setting.dir(), rows);
        manifest.put(SUBSETS, plan.subsets().size());
        manifest.put(RUNS, plan.subsetsToRun().size() * scenarios.size() * setting.seeds().size());
        manifest.put(LEFT_OUT, leftOut);
        // The report, written next, reads these from the manifest on disk.
        manifest.write(Manifest.RUNNING);
        if (!leftOut.isEmpty()) {
            LOG.info("channel decomposition: {} metric{} not decomposed (see {} in the manifest)", leftOut.size(),
                    leftOut.size() == 1 ? "" : "s", LEFT_OUT);
        }
    }

    /** The comparison's headline metrics, as comparison.csv lists them: those of the baseline's first run. */
    private List<String> metrics() throws IOException {
        Path first = Reports.comparisonRun(setting.dir(), scenarios.get(0).label(), setting.seeds().get(0));
        return HeadlineMetrics.names(Json.MAPPER.readTree(first.resolve("summary.json").toFile()));
    }

    /**
     * values[subset index][scenario][seed][metric], NaN where the summary is empty; subsets in the
     * order of {@link ChannelPlan#subsets()}: the comparison's own runs for all-on, the
     * decomposition's runs otherwise. Only the figures are kept, not the summaries, which an exact
     * decomposition over many seeds would hold by the thousand.
     */
    private double[][][][] values(List<String> metrics) throws IOException {
        List<Integer> subsets = plan.subsets();
        List<Long> seeds = setting.seeds();
        double[][][][] out = new double[subsets.size()][scenarios.size()][seeds.size()][];
        for (int k = 0; k < subsets.size(); k++) {
            int subset = subsets.get(k);
            for (int e = 0; e < scenarios.size(); e++) {
                String label = scenarios.get(e).label();
                for (int r = 0; r < seeds.size(); r++) {
                    Path run = ChannelPlan.allOn(subset) ? Reports.comparisonRun(setting.dir(), label, seeds.get(r))
                            : ChannelPlan.runDirectory(setting.dir(), subset, label, seeds.get(r));
                    JsonNode summary = Json.MAPPER.readTree(run.resolve("summary.json").toFile());
                    double[] figures = new double[metrics.size()];
                    for (int m = 0; m < figures.length; m++) {
                        Double v = HeadlineMetrics.value(summary, metrics.get(m));
                        figures[m] = v == null ? Double.NaN : v;
                    }
                    out[k][e][r] = figures;
                }
            }
        }
        return out;
    }

    /** The rows of channels.csv: policy by policy, metric by metric; metrics left out go to {@code leftOut}. */
    private List<ChannelTable.Row> rows(List<String> metrics, double[][][][] values, Map<String, String> leftOut) {
        List<ChannelTable.Row> rows = new ArrayList<>();
        for (int p = 1; p < scenarios.size(); p++) {
            for (int m = 0; m < metrics.size(); m++) {
                String metric = metrics.get(m);
                String reason = reasonToLeaveOut(metric);
                double[][] effects = reason == null ? effects(values, p, m) : null;
                if (reason == null && effects == null) {
                    reason = "empty in a run the decomposition needs";
                }
                if (reason != null) {
                    leftOut.putIfAbsent(metric, reason);
                    continue;
                }
                rows.addAll(split(scenarios.get(p).label(), metric, effects));
            }
        }
        return rows;
    }

    /** Why {@code metric} is never decomposed, or null. */
    static String reasonToLeaveOut(String metric) {
        if (metric.endsWith("_step")) {
            return "a yardstick: empty in a run that never reaches it, so a subset's effect may be undefined";
        }
        if (metric.startsWith("iotf_growth.")) {
            return "needs each run's counterfactual, which the decomposition's summary-only runs skip";
        }
        return null;
    }

    /**
     * effects[seed][subset index]: policy {@code p} minus the baseline on each seed for metric
     * {@code m}, or null when either side is empty in any run.
     */
    private double[][] effects(double[][][][] values, int p, int m) {
        int seeds = setting.seeds().size();
        double[][] effects = new double[seeds][values.length];
        for (int r = 0; r < seeds; r++) {
            for (int k = 0; k < values.length; k++) {
                double effect = values[k][p][r][m] - values[k][0][r][m];
                if (Double.isNaN(effect)) {
                    return null;
                }
                effects[r][k] = effect;
            }
        }
        return effects;
    }

    /** One policy's and metric's rows from each seed's effects by subset. */
    private List<ChannelTable.Row> split(String policy, String metric, double[][] effects) {
        int n = ChannelPlan.CHANNELS.size();
        List<Integer> subsets = plan.subsets();
        int seeds = effects.length;
        double[][] shapley = new double[seeds][];
        double[] direct = new double[seeds];
        double[] total = new double[seeds];
        for (int r = 0; r < seeds; r++) {
            double[] byMask = new double[1 << n];
            Arrays.fill(byMask, Double.NaN);
            for (int k = 0; k < subsets.size(); k++) {
                byMask[subsets.get(k)] = effects[r][k];
            }
            shapley[r] = plan.options().exact() ? Shapley.exact(n, mask -> byMask[mask])
                    : Shapley.sampled(n, plan.orders(), mask -> byMask[mask]);
            direct[r] = byMask[0];
            total[r] = byMask[Shapley.all(n)];
        }
        return ChannelTable.rows(policy, metric, shapley, direct, total, plan.options());
    }
}
