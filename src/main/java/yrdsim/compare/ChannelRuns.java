package yrdsim.compare;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
     */
    record Setting(List<String> overrides, Integer steps, List<Long> seeds, int jobs, Path dir) {
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
        Counter counter = new Counter(progress, runs * steps);
        LOG.info("channel decomposition: {} subsets of {} channels switched off × {} scenarios × {} seeds = {} runs "
                + "of {} steps, {} at a time", subsets.size(), ChannelPlan.CHANNELS.size(), scenarios.size(),
                s.seeds().size(), runs, steps, s.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(s.jobs(), r -> {
            Thread t = new Thread(r, "compare-channel-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            for (int subset : subsets) {
                for (long seed : s.seeds()) {
                    for (Scenario scenario : scenarios) {
                        RunOptions options = options(s, scenario, subset, seed);
                        names.add(scenario.label() + " seed " + seed + " channels " + ChannelPlan.name(subset));
                        futures.add(pool.submit(() -> {
                            int[] reported = {0};
                            Runner.run(options, (done, total) -> {
                                counter.advance(done - reported[0]);
                                reported[0] = done;
                            }, clock);
                            counter.advance(steps - reported[0]);
                            return null;
                        }));
                    }
                }
            }
            await(futures, names);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void await(List<Future<?>> futures, List<String> names) throws RunFailure, RefusedException {
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(false));
                Throwable cause = e.getCause();
                if (cause instanceof RunFailure f) {
                    throw new RunFailure(names.get(i) + ": " + f.getMessage(), f);
                }
                if (cause instanceof RefusedException r) {
                    throw new RefusedException(names.get(i) + ": " + r.getMessage());
                }
                throw new RunFailure(names.get(i) + " failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailure("interrupted", e);
            }
        }
    }

    /** Steps done over all runs, told to a progress display that is not thread-safe, one call at a time. */
    private static final class Counter {
        private final Progress progress;
        private final int total;
        private int done;

        Counter(Progress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        synchronized void advance(int steps) {
            if (steps > 0) {
                done += steps;
                progress.step(done, total);
            }
        }
    }
}
