package yrdsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.model.ModelException;
import yrdsim.output.IoErrors;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RefusedException;
import yrdsim.output.RunDirectory;
import yrdsim.output.RunFailure;
import yrdsim.run.Progress;
import yrdsim.run.Runner;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;

/**
 * Runs a sweep (or one shard of it) into a sweep directory: every run on one engine thread,
 * {@code jobs} runs at once, each through {@link Runner#run} into {@code runs/RUN_ID/}.
 *
 * <p>The directory is claimed through {@link OutputDirectory}: a whole sweep holds it locked
 * alone; a shard holds it shared with the other shards, and its own {@code shards/I-of-N/}
 * alone. So shards run side by side, while a second sweep, or a shard and an unsharded sweep,
 * or a merge, cannot write the same directory at once.
 *
 * <p>Memory stays flat: a run's summary is on disk as soon as the run finishes, and nothing of
 * it is kept; the runs to do are an int array. A rerun skips runs that are complete (their
 * manifest, written last and atomically, says so) and redoes any other run directory from
 * scratch, whatever state a kill left it in.
 *
 * <p>{@link #interrupt()} (Ctrl-C) stops scheduling runs, abandons the ones in flight at their
 * next step, leaving them incomplete, and records the sweep as not complete.
 */
public final class SweepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);
    /** How long an interrupt waits for runs in flight to notice it (they check after every step). */
    private static final long INTERRUPT_GRACE_SECONDS = 30;

    private final SweepPlan plan;
    private final Path dir;
    private final int jobs;
    private final Shard shard;
    private final Progress progress;
    private final Clock clock;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger executed = new AtomicInteger();
    private final Object lock = new Object();
    private volatile boolean interrupted;
    private volatile boolean failing;
    private volatile ExecutorService pool;
    private Manifest manifest;
    private boolean finished;
    private long started;

    /**
     * What a sweep did.
     *
     * @param directory  the sweep directory
     * @param runs       runs of this shard (of the sweep, unsharded)
     * @param executed   runs carried out by this call
     * @param skipped    runs found complete and skipped
     * @param assembled  whether results.csv (and sensitivity.csv) were written
     */
    public record Outcome(Path directory, int runs, int executed, int skipped, boolean assembled) {
    }

    /** Thrown from a run's progress callback to abandon it after an interrupt. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("abandoned after an interrupt", null, false, false);
        }
    }

    /** A sweep stamped by the system clock; see {@link #SweepRunner(SweepPlan, Path, int, Shard, Progress, Clock)}. */
    public SweepRunner(SweepPlan plan, Path dir, int jobs, Shard shard, Progress progress) {
        this(plan, dir, jobs, shard, progress, Clock.systemUTC());
    }

    /**
     * A sweep of {@code plan} into {@code dir}.
     *
     * @param jobs     runs at once
     * @param shard    which runs to do ({@link Shard#WHOLE} for all, then results are assembled)
     * @param progress told runs done of runs in this shard, first with those already complete
     * @param clock    stamps the manifests' times
     */
    public SweepRunner(SweepPlan plan, Path dir, int jobs, Shard shard, Progress progress, Clock clock) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        this.plan = plan;
        this.dir = dir;
        this.jobs = jobs;
        this.shard = shard;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Runs every incomplete run of this shard, then (unsharded) assembles results.csv and
     * sensitivity.csv and marks the sweep complete.
     *
     * @throws ScenarioException a design point or metric is invalid (nothing is written)
     * @throws RefusedException  the directory holds another sweep, or is not a sweep's
     * @throws RunFailure        a run failed or the sweep was interrupted; finished runs are kept
     */
    public Outcome run() throws IOException, RefusedException, RunFailure, ScenarioException {
        started = System.nanoTime();
        try (OutputDirectory out = claim()) {
            int[] mine = shard.indices(plan.size());
            if (shard.whole() && out.decision() == OutputDirectory.Decision.DONE) {
                LOG.info("{} already holds this sweep, complete; nothing to do", dir);
                return new Outcome(dir, mine.length, 0, mine.length, false);
            }
            int[] pending = IntStream.of(mine).filter(i -> !complete(i)).toArray();
            List<Problem> problems = new ArrayList<>();
            try {
                plan.checkPoints(IntStream.of(pending).map(i -> plan.run(i).point()).distinct().toArray());
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
            problems.addAll(metricProblems());
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            SweepDirectory.prepare(dir, plan);
            Path manifestDir = shard.whole() ? dir : shardDirectory();
            Files.createDirectories(manifestDir);
            synchronized (lock) {
                manifest = new Manifest(manifestDir, clock);
                plan.identity().forEach(manifest::put);
                manifest.put("jobs", jobs);
                manifest.put("shard", shard.whole() ? null : shard.toString());
                manifest.stamp("started_at");
                manifest.write(Manifest.RUNNING);
            }
            int skipped = mine.length - pending.length;
            LOG.info("{}; {}{} complete already, {} to do, {} at a time, into {}", plan,
                    shard.whole() ? "" : "shard " + shard + " has " + mine.length + " runs, ", skipped,
                    pending.length, jobs, dir);
            AtomicInteger done = new AtomicInteger(skipped);
            progress.step(skipped, mine.length);
            execute(pending, done, mine.length);
            return finish(mine.length, skipped);
        }
    }

    /**
     * Locks the sweep directory (alone for a whole sweep, shared for a shard, which then holds
     * its own shard directory alone) and checks that it holds this sweep or nothing.
     */
    private OutputDirectory claim() throws IOException, RefusedException {
        OutputDirectory.Identity same = (d, existing) -> {
            SweepDirectory.check(d, plan);
            refuseOtherSplit(d);
            return true;
        };
        return shard.whole() ? OutputDirectory.claim(dir, SweepDirectory.KIND, same, false, clock)
                : OutputDirectory.claimPart(dir, shardDirectory(), SweepDirectory.KIND, same, clock);
    }

    /**
     * Refuses a shard of another split than the shards that ran here before (a resubmitted
     * task that lost its N): shards of two splits would run some runs twice, at the same time,
     * and leave others out.
     */
    private void refuseOtherSplit(Path d) throws IOException, RefusedException {
        if (shard.whole()) {
            return;
        }
        Set<Integer> splits = Shard.splits(d.resolve(SweepDirectory.SHARDS));
        splits.remove(shard.count());
        if (!splits.isEmpty()) {
            int n = splits.iterator().next();
            throw new RefusedException(d + " is run in " + n + " shards (" + d.resolve(SweepDirectory.SHARDS)
                    + " has 0-of-" + n + " ...), but this is shard " + shard + ", of a split into " + shard.count()
                    + ": the two splits would run some runs twice and others never. Give the same N, --shard I/" + n
                    + " with 0 <= I < " + n + " (the Slurm template takes N as its third argument), or a new --out");
        }
    }

    private Path shardDirectory() {
        return dir.resolve(SweepDirectory.SHARDS).resolve(shard.label());
    }

    /**
     * Stops the sweep: no new runs start, runs in flight are abandoned at their next step (their
     * directories stay incomplete and are redone on resume), and the manifest records the sweep
     * as not complete. Safe to call from a shutdown hook; does nothing once the sweep finished.
     */
    public void interrupt() {
        interrupted = true;
        ExecutorService p = pool;
        if (p != null) {
            try {
                p.awaitTermination(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            if (!finished && manifest != null) {
                recordInterrupt();
            }
        }
    }

    private boolean complete(int index) {
        try {
            return SweepDirectory.complete(SweepDirectory.runDirectory(dir, plan.run(index).id()));
        } catch (IOException e) {
            return false;
        }
    }

    private List<Problem> metricProblems() throws RunFailure, IOException {
        try {
            return Metrics.check(plan.file(), Metrics.probe(plan.base(), plan.file().seed()));
        } catch (ModelException e) {
            throw new RunFailure("the scenario failed in its first step while checking the metrics: "
                    + e.getMessage(), e);
        }
    }

    private void execute(int[] pending, AtomicInteger done, int total) throws RunFailure {
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(jobs, pending.length));
        AtomicInteger names = new AtomicInteger();
        ExecutorService p = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "yrdsim-sweep-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool = p;
        for (int w = 0; w < workers; w++) {
            p.execute(() -> work(pending, next, done, total));
        }
        p.shutdown();
        try {
            while (!p.awaitTermination(1, TimeUnit.HOURS)) {
                LOG.debug("still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        }
    }

    private void work(int[] pending, AtomicInteger next, AtomicInteger done, int total) {
        Progress abandonOnInterrupt = (step, steps) -> {
            if (interrupted) {
                throw new Abandoned();
            }
        };
        while (!interrupted && !failing) {
            int k = next.getAndIncrement();
            if (k >= pending.length) {
                return;
            }
            SweepPlan.Run run = plan.run(pending[k]);
            Path runDir = SweepDirectory.runDirectory(dir, run.id());
            try {
                if (Files.exists(runDir)) {
                    // A killed or abandoned attempt: nothing in it can be trusted.
                    RunDirectory.clear(runDir);
                }
                Runner.run(plan.options(run, runDir), abandonOnInterrupt, clock);
                executed.incrementAndGet();
                int d = done.incrementAndGet();
                synchronized (progress) {
                    progress.step(d, total);
                }
            } catch (Abandoned e) {
                return;
            } catch (RunFailure | ScenarioException | RefusedException | IOException | RuntimeException e) {
                String message = e instanceof IOException io ? IoErrors.describe(io) : e.getMessage();
                failures.add(run.id() + " (" + plan.describe(run.point()) + ", seed " + run.seed() + "): "
                        + (e instanceof RuntimeException ? e.toString() : message));
                failing = true;
                LOG.error("run {} failed: {}", run.id(), message);
            }
        }
    }

    private Outcome finish(int total, int skipped) throws RunFailure, IOException, RefusedException, ScenarioException {
        synchronized (lock) {
            if (finished || interrupted) {
                if (!finished) {
                    recordInterrupt();
                }
                throw new RunFailure("interrupted after " + executed.get() + " runs; the finished ones are kept, "
                        + "rerun the same command to resume", null);
            }
            finished = true;
            manifest.put("runs_executed", executed.get());
            manifest.put("runs_skipped", skipped);
            if (!failures.isEmpty()) {
                manifest.put("runs_failed", failures.size());
                manifest.put("error", failures.peek());
                stamp();
                manifest.write(Manifest.FAILED);
                throw new RunFailure(failures.size() + " run" + (failures.size() == 1 ? "" : "s")
                        + " failed, so the sweep stopped; first: " + failures.peek(), null);
            }
            boolean assembled = false;
            if (shard.whole()) {
                manifest.expect(SweepDirectory.assemble(dir, plan.keepSeries()).expected());
                assembled = true;
            }
            stamp();
            manifest.complete();
            LOG.info("{}: {} runs complete ({} run now, {} found complete) in {} s{}", dir, total, executed.get(),
                    skipped, String.format("%.1f", (System.nanoTime() - started) / 1e9),
                    shard.whole() ? "" : "; merge with 'yrdsim merge " + dir + "' once every shard is done");
            return new Outcome(dir, total, executed.get(), skipped, assembled);
        }
    }

    private void recordInterrupt() {
        finished = true;
        try {
            manifest.put("runs_executed", executed.get());
            manifest.put("error", "interrupted; rerun the same command to resume");
            stamp();
            manifest.write(Manifest.FAILED);
        } catch (IOException e) {
            LOG.warn("could not record the interrupt in {}: {}", dir, IoErrors.describe(e));
        }
    }

    private void stamp() {
        manifest.stamp("finished_at");
        manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
    }
}
