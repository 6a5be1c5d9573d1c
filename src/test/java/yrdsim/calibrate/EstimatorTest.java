package yrdsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import yrdsim.run.Progress;

/**
 * The estimator and its inference on {@link ToyModel}, where the truth is known and a
 * calibration takes milliseconds: recovery of the parameters from moments simulated at known
 * values, and the sandwich standard errors against a parametric bootstrap.
 */
class EstimatorTest {

    private static final double[] TRUTH = {0.5, 1.5};
    /** Replications behind the synthetic data's moments, and behind each point of the calibration. */
    private static final int DATA_REPLICATIONS = 8;
    private static final int REPLICATIONS = 4;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** The sd of each moment of one replication at the truth, from 2,000 replications (seeds 10^6 on). */
    private static double[] replicationSd() {
        ToyModel toy = new ToyModel();
        double[][] m = new double[3][2000];
        for (int r = 0; r < 2000; r++) {
            double[] x = toy.simulate(TRUTH, 1_000_000 + r).moments();
            for (int i = 0; i < 3; i++) {
                m[i][r] = x[i];
            }
        }
        double[] sd = new double[3];
        for (int i = 0; i < 3; i++) {
            sd[i] = new StandardDeviation().evaluate(m[i]);
        }
        return sd;
    }

    /** Synthetic data: the mean moments of DATA_REPLICATIONS runs at the truth, on seeds from {@code dataSeed}. */
    private static double[] data(long dataSeed) {
        ToyModel toy = new ToyModel();
        double[] mean = new double[3];
        for (int r = 0; r < DATA_REPLICATIONS; r++) {
            double[] x = toy.simulate(TRUTH, dataSeed + r).moments();
            for (int i = 0; i < 3; i++) {
                mean[i] += x[i] / DATA_REPLICATIONS;
            }
        }
        return mean;
    }

    private record Result(double[] theta, Inference inference) {
    }

    private static Result calibrate(double[] target, double[] se, long simulationSeed) {
        long[] seeds = new long[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            seeds[r] = simulationSeed + r;
        }
        double[] weight = new double[3];
        double[] variance = new double[3];
        for (int i = 0; i < 3; i++) {
            variance[i] = se[i] * se[i];
            weight[i] = 1 / variance[i];
        }
        Estimator e = new Estimator(new ToyModel(), ToyModel.PARAMETERS, target, weight, seeds, new EvaluationStore(),
                POOL, Progress.NONE, 1);
        double[] theta = e.minimise(150, 7).theta();
        List<double[]> points = Inference.jacobianPoints(theta, ToyModel.PARAMETERS);
        Inference inf = Inference.of(theta, target, weight, variance, e.replicate(theta), e.replicate(points), points);
        return new Result(theta, inf);
    }

    private static double[] dataSe() {
        double[] sd = replicationSd();
        return Arrays.stream(sd).map(s -> s / Math.sqrt(DATA_REPLICATIONS)).toArray();
    }

    @Test
    void recoversEachParameterWithinTwoStandardErrors() {
        double[] se = dataSe();
        Result r = calibrate(data(500), se, 9000);
        for (int j = 0; j < 2; j++) {
            double sej = r.inference().standardError(j);
            assertTrue(sej > 0 && sej < 0.5, "a finite, informative standard error: " + sej);
            assertTrue(Math.abs(r.theta()[j] - TRUTH[j]) < 2 * sej, "parameter " + j + ": estimate "
                    + r.theta()[j] + ", truth " + TRUTH[j] + ", se " + sej);
        }
        assertEquals(1, r.inference().dof());
        assertTrue(r.inference().pValue() > 0.01, "the model is true, so J is not extreme: p = "
                + r.inference().pValue());
    }

    /**
     * Sandwich standard errors against a parametric bootstrap: 120 calibrations, each on new
     * synthetic data (data seeds 10^4·b) and new simulation seeds, with the weights fixed. The
     * bootstrap's sd of the estimates is compared with the root mean sandwich variance of the
     * same calibrations (one calibration's sandwich is itself uncertain by about a fifth here,
     * its simulation covariance resting on 4 replications). The bootstrap sd is uncertain by
     * about 1/√(2·119) = 6.5%, so 30% is over four of its standard errors.
     */
    @Test
    void sandwichStandardErrorsMatchAParametricBootstrapWithin30Percent() {
        double[] se = dataSe();
        int boot = 120;
        double[][] estimates = new double[2][boot];
        double[] variance = new double[2];
        for (int b = 0; b < boot; b++) {
            Result r = calibrate(data(10_000L * (b + 1)), se, 5_000_000L + 100L * b);
            for (int j = 0; j < 2; j++) {
                estimates[j][b] = r.theta()[j];
                variance[j] += r.inference().covariance()[j][j] / boot;
            }
        }
        for (int j = 0; j < 2; j++) {
            double bootSd = new StandardDeviation().evaluate(estimates[j]);
            double sandwich = Math.sqrt(variance[j]);
            double ratio = sandwich / bootSd;
            assertTrue(ratio > 0.7 && ratio < 1.3, "parameter " + j + ": sandwich " + sandwich + ", bootstrap "
                    + bootSd + " (ratio " + ratio + ")");
        }
    }
}
