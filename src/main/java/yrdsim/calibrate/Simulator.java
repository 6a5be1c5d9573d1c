package yrdsim.calibrate;

/**
 * What a calibration estimates against: the moments of one replication of a model at parameter
 * values θ (in the parameter file's units) with a seed. The method of simulated moments needs
 * nothing else from the model, so the estimator is tested on a cheap model behind this interface
 * and run on yrdsim's through {@link ModelSimulator}.
 */
@FunctionalInterface
public interface Simulator {

    /**
     * One replication: its moments (NaN where undefined in this run), or a failure (a numeric
     * guard, a step-0 equilibrium that cannot be built), which the optimiser treats as a point to
     * avoid.
     *
     * @param moments the moments, in target order; null when the run failed
     * @param failure why the run failed, or null
     */
    record Replication(double[] moments, String failure) {
        /** A run that gave moments. */
        public static Replication of(double[] moments) {
            return new Replication(moments.clone(), null);
        }

        /** A run that failed. */
        public static Replication failed(String why) {
            return new Replication(null, why);
        }

        /** Whether the run failed. */
        public boolean isFailure() {
            return moments == null;
        }
    }

    /** The moments of one replication at {@code theta} with {@code seed}. Safe to call from several threads. */
    Replication simulate(double[] theta, long seed);
}
