package yrdsim.model.fast;

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
import yrdsim.bench.Models;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.FirmRules;
import yrdsim.model.YrdModel;

/**
 * Two lower bounds for one fast-engine step, on one thread, over the very arrays of a started
 * model's {@link FirmTable} (this class sits in the engine's package to reach them).
 *
 * <ul>
 *   <li>{@link #memory}: the memory floor. Three plain streaming passes, one per firm phase,
 *       that load and store exactly the arrays that phase loads and stores, with one addition
 *       per value: what the step would cost if arithmetic were free.</li>
 *   <li>{@link #compute}: the compute floor. Per living firm, the transcendental functions the
 *       step evaluates on its common path (see {@code FirmPhases}), on values loaded from the
 *       same arrays, and nothing else: what the step would cost if memory, branches and
 *       bookkeeping were free.</li>
 * </ul>
 *
 * <p>Score: milliseconds per pass over all firms, directly comparable with a one-thread step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FloorBenchmark {

    /** The firm table of a started fast-engine model. */
    @State(Scope.Benchmark)
    public static class Table {
        /** Enterprises, about. */
        @Param({"1e5", "1e6", "1e7"})
        public String enterprises;

        YrdModel model;
        FirmTable t;

        /** Builds the model and takes its table. */
        @Setup(Level.Trial)
        public void build() {
            model = Models.started(enterprises, EnterpriseEngine.Kind.FAST, 1);
            t = ((FastEngine) model.engine()).table();
        }

        /** Releases the model. */
        @TearDown(Level.Trial)
        public void close() {
            model.finish();
        }
    }

    /** The memory floor: the step's loads and stores, phase by phase, without its arithmetic. */
    @Benchmark
    public double memory(Table state) {
        FirmTable t = state.t;
        int n = t.size;
        double acc = 0;
        // Plan: reads province, sector, lnA, tech, revenue, lnPlan; writes lnTfp, plan and lnPlan.
        for (int i = 0; i < n; i++) {
            if (t.live[i]) {
                double v = t.lnA[i] + t.tech[i] + t.revenue[i] + t.lnPlan[i] + t.province[i] + t.sector[i];
                t.lnTfp[i] = v;
                t.plan[i] = t.plan[i] + 0.0 * v;
                t.lnPlan[i] = t.lnPlan[i] + 0.0 * v;
                acc += v;
            }
        }
        // Produce: reads province, sector, plan, lnPlan, lnTfp; writes output.
        for (int i = 0; i < n; i++) {
            if (t.live[i]) {
                double v = t.plan[i] + t.lnPlan[i] + t.lnTfp[i] + t.province[i] + t.sector[i];
                t.output[i] = v;
                acc += v;
            }
        }
        // Settle: reads id, province, sector, plan, output, revenue, lnA, tech, age, losses;
        // writes lnA, tech, revenue, age, losses.
        for (int i = 0; i < n; i++) {
            if (t.live[i]) {
                double v = t.plan[i] + t.output[i] + t.revenue[i] + t.id[i] + t.province[i] + t.sector[i];
                t.lnA[i] = t.lnA[i] + 0.0 * v;
                t.tech[i] = t.tech[i] + 0.0 * v;
                t.revenue[i] = t.revenue[i] + 0.0 * v;
                t.age[i] = t.age[i] + 1;
                t.losses[i] = (short) (t.losses[i] & 0xff);
                acc += v;
            }
        }
        return acc;
    }

    /**
     * The compute floor: the transcendental functions one step evaluates for every firm, alone:
     * ln(1+T) (a log and a division, {@link FirmRules#lnOnePlus}) and the exponential of the
     * smoothed plan in the plan phase, and the exponential of output in the production phase
     * (firms keep ln X, so neither phase takes a log of the plan). The settle phase has none on
     * its common path (ziggurat normals; the innovation test needs an exponential only for a few
     * percent of firms).
     */
    @Benchmark
    public double compute(Table state) {
        FirmTable t = state.t;
        int n = t.size;
        double acc = 0;
        for (int i = 0; i < n; i++) {
            if (t.live[i]) {
                double lnTfp = t.lnA[i] + 0.1 * FirmRules.lnOnePlus(t.tech[i]);
                double target = Math.exp(lnTfp * 0.5);
                double output = Math.exp(lnTfp + 0.7 * t.lnPlan[i]);
                acc += target + output;
            }
        }
        return acc;
    }
}
