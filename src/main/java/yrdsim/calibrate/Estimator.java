package yrdsim.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import yrdsim.run.Progress;

/**
 * The method of simulated moments: minimises
 * J(θ) = (m(θ) − m*)ᵀ W (m(θ) − m*), W diagonal, where m(θ) is the mean of the moments over R
 * replications with the same R seeds at every θ (common random numbers, so J is a deterministic
 * function of θ and differences between points are not blurred by different draws).
 *
 * <p>The optimiser is Commons Math's {@link CMAESOptimizer} (Hansen's covariance matrix
 * adaptation evolution strategy) on the parameters scaled to [0, 1] within their bounds: it
 * needs no derivatives, which an agent-based model does not have (its moments jump when a firm
 * enters or exits), it is invariant to rescaling and rotation of the parameters, and it copes
 * with the ruggedness simulated objectives keep even with common random numbers. It starts at
 * the parameter file's start values with a step size of {@value #SIGMA} of each range and the
 * default population 4 + ⌊3 ln p⌋, and stops after {@code maxEvaluations} points of θ. Its
 * random generator is seeded, so the points it asks for depend only on the moments it is told.
 *
 * <p>The estimate is the best point evaluated. A point where a replication failed, or where a
 * moment is undefined in every replication, has J = {@value #PENALTY}, which keeps the search away.
 *
 * <p>The R replications of a point run in parallel on the injected executor (the optimiser asks
 * for one point at a time). Finished replications are kept in an {@link EvaluationStore}, so a
 * rerun after a kill replays the search from the store and reaches the same estimate.
 */
public final class Estimator {

    /** CMA-ES's initial step size, in units of each parameter's range. */
    static final double SIGMA = 0.3;
    /** The objective at a point where the model failed or a moment is undefined. */
    static final double PENALTY = 1e15;

    private final Simulator simulator;
    private final List<ParameterFile.Parameter> parameters;
    private final double[] target;
    private final double[] weight;
    private final long[] seeds;
    private final EvaluationStore store;
    private final ExecutorService pool;
    private final Progress progress;
    private final int totalRuns;
    private final AtomicInteger runsDone = new AtomicInteger();
    private final List<TracePoint> trace = new ArrayList<>();
    private TracePoint best;

    /**
     * One point the optimiser evaluated.
     *
     * @param evaluation 1-based position in the search
     * @param theta      the parameters
     * @param objective  J(θ)
     * @param best       the lowest J so far
     */
    public record TracePoint(int evaluation, double[] theta, double objective, double best) {
    }

    /**
     * An estimator.
     *
     * @param target         the target values m*
     * @param weight         the diagonal of W
     * @param seeds          the R seeds used at every point
     * @param plannedRuns    runs the progress display counts to (evaluations, Jacobian and all, times R)
     */
    public Estimator(Simulator simulator, List<ParameterFile.Parameter> parameters, double[] target, double[] weight,
                     long[] seeds, EvaluationStore store, ExecutorService pool, Progress progress, int plannedRuns) {
        this.simulator = simulator;
        this.parameters = List.copyOf(parameters);
        this.target = target.clone();
        this.weight = weight.clone();
        this.seeds = seeds.clone();
        this.store = store;
        this.pool = pool;
        this.progress = progress;
        this.totalRuns = plannedRuns;
    }

    /** The R replications at {@code theta}, in seed order: from the store, or run (in parallel) and stored. */
    public Simulator.Replication[] replicate(double[] theta) {
        return replicate(List.of(theta)).get(0);
    }

    /** The replications of several points at once (the Jacobian's), all in parallel. */
    public List<Simulator.Replication[]> replicate(List<double[]> points) {
        List<Simulator.Replication[]> out = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (double[] theta : points) {
            Simulator.Replication[] reps = new Simulator.Replication[seeds.length];
            out.add(reps);
            for (int r = 0; r < seeds.length; r++) {
                Simulator.Replication known = store.get(theta, seeds[r]);
                if (known != null) {
                    reps[r] = known;
                    tick();
                    continue;
                }
                int slot = r;
                long seed = seeds[r];
                double[] at = theta.clone();
                running.add(pool.submit(() -> {
                    Simulator.Replication rep = simulator.simulate(at, seed);
                    store.put(at, seed, rep);
                    reps[slot] = rep;
                    tick();
                    return null;
                }));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                running.forEach(x -> x.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
        return out;
    }

    private void tick() {
        int done = runsDone.incrementAndGet();
        synchronized (progress) {
            progress.step(Math.min(done, totalRuns), totalRuns);
        }
    }

    /** The mean moments of replications, or null when one failed or a moment has no value in any. */
    public static double[] mean(Simulator.Replication[] reps) {
        int k = -1;
        for (Simulator.Replication r : reps) {
            if (r.isFailure()) {
                return null;
            }
            k = r.moments().length;
        }
        double[] mean = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            int n = 0;
            for (Simulator.Replication r : reps) {
                if (!Double.isNaN(r.moments()[i])) {
                    sum += r.moments()[i];
                    n++;
                }
            }
            if (n == 0) {
                return null;
            }
            mean[i] = sum / n;
        }
        return mean;
    }

    /** J at mean moments {@code m}, or {@link #PENALTY} when they are undefined. */
    public double objective(double[] m) {
        if (m == null) {
            return PENALTY;
        }
        double j = 0;
        for (int i = 0; i < m.length; i++) {
            double d = m[i] - target[i];
            j += weight[i] * d * d;
        }
        return Double.isFinite(j) ? Math.min(j, PENALTY) : PENALTY;
    }

    /** θ in the parameters' units from a point of the unit cube. */
    double[] fromUnit(double[] u) {
        double[] theta = new double[u.length];
        for (int j = 0; j < u.length; j++) {
            theta[j] = parameters.get(j).fromUnit(Math.min(1, Math.max(0, u[j])));
        }
        return theta;
    }

    /**
     * Runs the search for at most {@code maxEvaluations} points and returns the best one.
     *
     * @param optimiserSeed seeds CMA-ES's generator
     */
    public TracePoint minimise(int maxEvaluations, long optimiserSeed) {
        int p = parameters.size();
        double[] start = new double[p];
        double[] sigma = new double[p];
        double[] lower = new double[p];
        double[] upper = new double[p];
        for (int j = 0; j < p; j++) {
            start[j] = parameters.get(j).toUnit(parameters.get(j).start());
            sigma[j] = SIGMA;
            upper[j] = 1;
        }
        int population = 4 + (int) Math.floor(3 * Math.log(p));
        CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(optimiserSeed),
                false, null);
        ObjectiveFunction f = new ObjectiveFunction(u -> evaluate(fromUnit(u)));
        try {
            cmaes.optimize(new MaxEval(maxEvaluations), f, GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(population));
        } catch (TooManyEvaluationsException e) {
            // The budget is the usual end of the search on a simulated objective.
        }
        return best;
    }

    /** Evaluates J at {@code theta} and records it in the trace. */
    double evaluate(double[] theta) {
        double j = objective(mean(replicate(theta)));
        double bestSoFar = best == null ? j : Math.min(best.objective(), j);
        TracePoint point = new TracePoint(trace.size() + 1, theta.clone(), j, bestSoFar);
        trace.add(point);
        if (best == null || j < best.objective()) {
            best = point;
        }
        return j;
    }

    /** The search so far, one point per evaluation. */
    public List<TracePoint> trace() {
        return List.copyOf(trace);
    }

    /** The seeds of the replications. */
    public long[] seeds() {
        return seeds.clone();
    }
}
