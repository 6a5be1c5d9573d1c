package yrdsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * ({@code gc.alloc.rate.norm}: bytes per step, all threads). Unlike {@link StepBenchmark} the
 * model is not restored between iterations, because the restore itself allocates the whole
 * model and {@code -prof gc} counts iteration setup; the model simply keeps running, which is
 * what steady state means here. The time scores of this benchmark are not the step figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AllocationBenchmark {

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

    /** One step of a model that keeps running. */
    @Benchmark
    public int fastStep(Running state) {
        state.model.schedule.step(state.model);
        return state.model.firmCount();
    }
}
