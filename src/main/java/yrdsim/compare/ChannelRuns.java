package yrdsim.compare;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import yrdsim.sweep.Shard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;
import yrdsim.scenario.ScenarioException;

/**
 * The runs of a channel decomposition: every planned subset but all-on, for every scenario of
 * the comparison and every seed, {@code jobs} at a time, each on one engine thread. A run that is
 * already complete in its directory (an interrupted decomposition run again) is kept, as the
 * comparison's own runs are; each run's results depend on its seed and switches alone.
 */
final class ChannelRuns {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRuns.class);

    /**
     * A scenario of the comparison.
     *
     * @param label its label in the comparison (its name, made unique)
     * @param path  its file
     */
    record Scenario(String label, Path path) {
    }

    /**
     * What every run shares.
     *
     * @param overrides the comparison's {@code --set} overrides, before the channel switches
     * @param steps     the comparison's {@code --steps}, or null for the scenarios' own
     * @param seeds     the comparison's seeds
     * @param jobs      runs at a time
     * @param dir       the comparison directory
     * @param shard     the share of the runs this process does
     */
    record Setting(List<String> overrides, Integer steps, List<Long> seeds, int jobs, Path dir, Shard shard) {
    }

    private ChannelRuns() {
    }

    /** The options of one run: summary only, stamped with the scenario's label like the comparison's runs. */
    static RunOptions options(Setting s, Scenario scenario, int subset, long seed) {
        List<String> overrides = new ArrayList<>(s.overrides());
        overrides.addAll(ChannelPlan.overrides(subset));
        RunOptions o = new RunOptions(scenario.path(), overrides, seed, s.steps(), 1, EnterpriseEngine.Kind.FAST,
                ChannelPlan.runDirectory(s.dir(), subset, scenario.label(), seed), false, 0, 0,
                RunOptions.Tables.NONE, null);
        return o.withStamp(RunStamp.of(RunStamp.runId(scenario.label(), seed, Runner.overrides(o)), scenario.label(),
                seed));
    }

    /**
     * Checks that every scenario loads with every channel switched off, before anything is
     * written (a scenario without the switches, or an override that breaks them, is bad input).
     */
    static void check(Setting s, List<Scenario> scenarios) throws ScenarioException {
        for (Scenario scenario : scenarios) {
            Runner.load(options(s, scenario, 0, s.seeds().get(0)));
        }
    }

    /**
     * Runs {@code subsets} for every scenario and seed; {@code progress} is told the steps done
     * over all of them.
     *
     * @throws RunFailure      a run failed (the first failure stops the rest)
     * @throws RefusedException a run's directory holds something that must not be replaced
     */
    static void run(Setting s, List<Scenario> scenarios, List<Integer> subsets, int steps, Progress progress,
                    Clock clock) throws RunFailure, RefusedException {
        int runs = subsets.size() * scenarios.size() * s.seeds().size();
        LOG.info("channel decomposition: {} subsets of {} channels switched off × {} scenarios × {} seeds = {} runs "
                + "of {} steps, {} at a time", subsets.size(), ChannelPlan.CHANNELS.size(), scenarios.size(),
                s.seeds().size(), runs, steps, s.jobs());
        List<ComparisonRuns.Job> jobs = new ArrayList<>();
        for (int subset : subsets) {
            for (long seed : s.seeds()) {
                for (Scenario scenario : scenarios) {
                    jobs.add(new ComparisonRuns.Job(scenario.label() + " seed " + seed + " channels "
                            + ChannelPlan.name(subset), options(s, scenario, subset, seed)));
                }
            }
        }
        ComparisonRuns.run(jobs, s.shard(), s.jobs(), steps, progress, clock);
    }
}
