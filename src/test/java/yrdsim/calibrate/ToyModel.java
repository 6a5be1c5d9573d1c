package yrdsim.calibrate;

import java.util.List;
import java.util.Random;
import yrdsim.scenario.Location;

/**
 * A cheap stochastic model behind the {@link Simulator} interface, for tests of the estimator
 * that need thousands of calibrations: with θ = (a, b) and a seed, three independent streams
 * of {@value #DRAWS} standard normals z1, z2, z3 give the moments
 * m1 = a + b·mean(z1), m2 = b·sd(z2) and m3 = mean(exp(0.3a + 0.2b·z3)): three moments, two
 * parameters (one overidentifying restriction), each moment smooth in θ for a fixed seed, as
 * with common random numbers.
 */
final class ToyModel implements Simulator {

    static final int DRAWS = 200;

    static final List<ParameterFile.Parameter> PARAMETERS = List.of(
            new ParameterFile.Parameter("a", -2, 2, 0, new Location("toy", 1, 1)),
            new ParameterFile.Parameter("b", 0.2, 3, 1, new Location("toy", 2, 1)));

    @Override
    public Replication simulate(double[] theta, long seed) {
        Random rng = new Random(seed);
        double a = theta[0];
        double b = theta[1];
        double s1 = 0;
        double s2 = 0;
        double ss2 = 0;
        double s3 = 0;
        for (int i = 0; i < DRAWS; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            double z3 = rng.nextGaussian();
            s1 += z1;
            s2 += z2;
            ss2 += z2 * z2;
            s3 += Math.exp(0.3 * a + 0.2 * b * z3);
        }
        double mean2 = s2 / DRAWS;
        double sd2 = Math.sqrt((ss2 - DRAWS * mean2 * mean2) / (DRAWS - 1));
        return Replication.of(new double[] {a + b * s1 / DRAWS, b * sd2, s3 / DRAWS});
    }
}
