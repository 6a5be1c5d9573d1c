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
 * Allocation per step of the fast engine in steady state, read with {@code -prof gc}
 * ({@code gc.alloc.rate.norm}: bytes per step, all threads of the fork). Unlike
 * {@link StepBenchmark} the model is not restored between iterations: the restore allocates the
 * whole model, and {@code -prof gc} counts iteration setup. The model keeps running from its
 * start instead, {@value #STEPS} steps per iteration, 56 steps in all: near enough to the start
 * that the economy has not grown out of its firm table (growing it is allocation for new firms,
 * not per-step garbage). The time scores of this benchmark are not the step figures.
 *
 * <p>JMH itself allocates about 5.7 kB per single-shot iteration (results, timestamps), which
 * {@code gc.alloc.rate.norm} divides by the {@value #STEPS} steps like the model's own:
 * {@link #harness} measures that part alone, to be subtracted.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AllocationBenchmark {

    /** Steps per iteration. */
    public static final int STEPS = 8;

    /** A running model of the fast engine. */
    @State(Scope.Benchmark)
    public static class Running {
        /** Enterprises, about. */
        @Param({"1e5", "1e6", "1e7"})
        public String enterprises;
        /** Threads of the fast engine. */
        @Param({"2"})
        public int threads;

        YrdModel model;

        /** Builds the model. */
        @Setup(Level.Trial)
        public void build() {
            model = Models.started(enterprises, EnterpriseEngine.Kind.FAST, threads);
        }

        /** Stops the engine's threads. */
        @TearDown(Level.Trial)
        public void close() {
            model.finish();
        }
    }

    /** Steps of a model that keeps running. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int fastStep(Running state) {
        for (int k = 0; k < STEPS; k++) {
            state.model.schedule.step(state.model);
        }
        return state.model.firmCount();
    }

    /** The control: an iteration that does nothing, so its allocation is the harness's own. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int harness() {
        return STEPS;
    }
}
