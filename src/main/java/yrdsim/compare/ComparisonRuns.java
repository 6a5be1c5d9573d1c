package yrdsim.compare;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import yrdsim.sweep.Shard;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/**
 * The runs of a comparison, {@code jobs} at a time, each on one engine thread. A run that is
 * already complete and identical in its directory is kept (an interrupted comparison resumes);
 * progress counts its steps as done. The first failure stops the rest.
 */
final class ComparisonRuns {

    /**
     * One run.
     *
     * @param name    how messages name it ("baseline seed 3", "policy draw 2 seed 3")
     * @param options what to run, and where
     */
    record Job(String name, RunOptions options) {
    }

    private ComparisonRuns() {
    }

    /**
     * Runs {@code jobs}, {@code parallel} at a time, telling {@code progress} the steps done over
     * all of them ({@code steps} each).
     */
    static void run(List<Job> jobs, int parallel, int steps, Progress progress, Clock clock)
            throws RunFailure, RefusedException {
        run(jobs, Shard.WHOLE, parallel, steps, progress, clock);
    }

    /**
     * Runs {@code shard}'s share of {@code jobs}: those whose index in the list is the shard's
     * index modulo the shard count, as a sweep's shards share its runs ({@link Shard#indices}).
     */
    static void run(List<Job> all, Shard shard, int parallel, int steps, Progress progress, Clock clock)
            throws RunFailure, RefusedException {
        List<Job> jobs = new ArrayList<>();
        for (int i : shard.indices(all.size())) {
            jobs.add(all.get(i));
        }
        SharedProgress shared = new SharedProgress(progress, jobs.size() * steps);
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "compare-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    int[] reported = {0};
                    Runner.run(job.options(), (done, total) -> {
                        shared.advance(done - reported[0]);
                        reported[0] = done;
                    }, clock);
                    shared.advance(steps - reported[0]);
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(false));
                    String name = jobs.get(i).name();
                    Throwable cause = e.getCause();
                    if (cause instanceof RunFailure f) {
                        throw new RunFailure(name + ": " + f.getMessage(), f);
                    }
                    if (cause instanceof RefusedException r) {
                        throw new RefusedException(name + ": " + r.getMessage());
                    }
                    throw new RunFailure(name + " failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunFailure("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Steps done over all runs, told to a progress display that is not thread-safe, one call at a time. */
    private static final class SharedProgress {
        private final Progress progress;
        private final int total;
        private int done;

        SharedProgress(Progress progress, int total) {
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
