package yrdsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.run.Progress;

/**
 * Parameter recovery on yrdsim's own model, reduced to fit the suite: two-regions (2,200
 * firms) for 16 quarters. Moments are simulated at known parameters on data seeds that the
 * calibration does not use, with standard errors from those replications; the calibration
 * (CMA-ES, 100 points, 3 replications on common seeds) must recover each parameter within two
 * of its sandwich standard errors.
 */
class ModelRecoveryTest {

    @TempDir
    Path tmp;

    private static final double[] TRUTH = {0.012, 0.15};
    private static final int DATA_REPLICATIONS = 6;

    @Test
    void recoversTheExitHazardAndTheGrowthShockWithinTwoStandardErrors() throws Exception {
        Path targets = tmp.resolve("targets.yaml");
        Files.writeString(targets, """
                targets:
                  - {id: exit_rate, value: 0, se: 1, source: synthetic, statistic: "sum(sectors.exits) / (sum(sectors.firms) / 4)"}
                  - {id: growth_sd, value: 0, se: 1, source: synthetic, statistic: firm_dynamics.growth_sd}
                  - {id: kurtosis, value: 0, se: 1, source: synthetic, statistic: firm_dynamics.growth_kurtosis}
                """);
        Path paramsFile = tmp.resolve("params.yaml");
        Files.writeString(paramsFile, """
                set:
                  time.steps: 16
                parameters:
                  parameters.exit_hazard: {min: 0.001, max: 0.03, start: 0.005}
                  parameters.gibrat_sigma: {min: 0.03, max: 0.3, start: 0.08}
                """);
        TargetFile t = TargetFile.read(targets);
        ParameterFile params = ParameterFile.read(paramsFile);
        ModelSimulator model = ModelSimulator.prepare(Path.of("scenarios/two-regions.yaml"), params, List.of(), t);
        int k = t.targets().size();
        double[][] data = new double[DATA_REPLICATIONS][];
        for (int r = 0; r < DATA_REPLICATIONS; r++) {
            data[r] = model.simulate(TRUTH, 777_000 + r).moments();
        }
        double[] target = new double[k];
        double[] variance = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double sq = 0;
            for (double[] d : data) {
                sum += d[i];
                sq += d[i] * d[i];
            }
            target[i] = sum / DATA_REPLICATIONS;
            variance[i] = (sq - DATA_REPLICATIONS * target[i] * target[i]) / (DATA_REPLICATIONS - 1) / DATA_REPLICATIONS;
        }
        double[] weight = new double[k];
        for (int i = 0; i < k; i++) {
            weight[i] = 1 / variance[i];
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Estimator e = new Estimator(model, params.parameters(), target, weight, new long[] {11, 12, 13},
                    new EvaluationStore(), pool, Progress.NONE, 1);
            double[] theta = e.minimise(100, 3).theta();
            List<double[]> points = Inference.jacobianPoints(theta, params.parameters());
            Inference inf = Inference.of(theta, target, weight, variance, e.replicate(theta), e.replicate(points),
                    points);
            for (int j = 0; j < 2; j++) {
                double se = inf.standardError(j);
                assertTrue(se > 0 && se < 0.2 * (params.parameters().get(j).max() - params.parameters().get(j).min()),
                        "an informative standard error for " + params.paths().get(j) + ": " + se);
                assertTrue(Math.abs(theta[j] - TRUTH[j]) < 2 * se, params.paths().get(j) + ": estimate " + theta[j]
                        + ", truth " + TRUTH[j] + ", se " + se);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
