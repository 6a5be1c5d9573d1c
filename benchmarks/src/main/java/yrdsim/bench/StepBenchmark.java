package yrdsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;

/**
 * One model step ({@code model.schedule.step(model)}) of the baseline, by engine, size and
 * threads. Each iteration restores the model started from the same seed and runs
 * {@value #STEPS} steps from it, so every iteration, thread count and engine measures the same
 * quarters; the score is time per step.
 *
 * <p>Single-shot iterations: the work per iteration is fixed (not "as many steps as fit in a
 * second"), and the untimed restore between them is what resets the state.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class StepBenchmark {

    /** Steps per iteration: the first quarters after the calibrated start. */
    public static final int STEPS = 4;

    /** A model of the fast engine. */
    @State(Scope.Benchmark)
    public static class Fast {
        /** Enterprises, about: the baseline's enterprises.scale is set to give this many. */
        @Param({"1e5", "1e6", "1e7"})
        public String enterprises;
        /** Threads of the fast engine. */
        @Param({"1", "2"})
        public int threads;

        ModelHolder holder;

        /** Builds and snapshots the model (once per fork: calibration is slow). */
        @Setup(Level.Trial)
        public void build() {
            holder = new ModelHolder(Models.started(enterprises, EnterpriseEngine.Kind.FAST, threads));
        }

        /** Puts back the state of the start before every iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            holder.reset();
        }

        /** Stops the engine's threads. */
        @TearDown(Level.Trial)
        public void close() {
            holder.close();
        }
    }

    /** A model of the reference engine: one MASON Steppable per enterprise. */
    @State(Scope.Benchmark)
    public static class Reference {
        /** Enterprises, about. */
        @Param({"1e5", "1e6"})
        public String enterprises;

        ModelHolder holder;

        /** Builds and snapshots the model. */
        @Setup(Level.Trial)
        public void build() {
            holder = new ModelHolder(Models.started(enterprises, EnterpriseEngine.Kind.REFERENCE, 1));
        }

        /** Puts back the state of the start before every iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            holder.reset();
        }

        /** Releases the model. */
        @TearDown(Level.Trial)
        public void close() {
            holder.close();
        }
    }

    /** The fast engine: enterprises as arrays, stepped in parallel blocks. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int fast(Fast state) {
        return steps(state.holder.model);
    }

    /** The reference engine. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int reference(Reference state) {
        return steps(state.holder.model);
    }

    private static int steps(YrdModel model) {
        for (int k = 0; k < STEPS; k++) {
            model.schedule.step(model);
        }
        return model.firmCount();
    }

    /**
     * Enterprise-steps run on a throwaway copy of the model before the first warm-up iteration,
     * so that the JIT has compiled the firm phases whatever the size: at 10^5 enterprises the
     * warm-up iterations alone are only a dozen steps, and C2 may still be compiling.
     */
    static final long JIT_WARM_UP_FIRM_STEPS = 3_000_000L;

    /** A model and the snapshot of its start. */
    static final class ModelHolder {
        private final Models.Snapshot start;
        YrdModel model;

        ModelHolder(YrdModel started) {
            this.model = started;
            this.start = Models.snapshot(started);
            YrdModel copy = start.restore();
            for (long firmSteps = 0; firmSteps < JIT_WARM_UP_FIRM_STEPS; firmSteps += copy.firmCount()) {
                copy.schedule.step(copy);
            }
            copy.finish();
        }

        void reset() {
            model.finish();
            model = null;
            model = start.restore();
            // The old model and the restore's buffers are garbage now: collect them here, in
            // setup, rather than let the collector run during the measured steps.
            System.gc();
        }

        void close() {
            model.finish();
        }
    }
}
