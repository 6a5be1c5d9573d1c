package yrdsim.sweep;

import yrdsim.model.Rng;

/**
 * The seed of every run of a sweep, derived from the sweep seed by counter-based mixing (as
 * the model's own random numbers are), so any run's seed is known without running the others.
 */
public final class Seeds {

    /** Seeds are in [0, 2^31): short enough to read in results.csv and to type on a command line. */
    static final int SHIFT = 33;
    /** The design-point slot used for common seeds, which no real point uses. */
    private static final long COMMON = -1;

    private Seeds() {
    }

    /**
     * The seed of replication {@code replication} at design point {@code point}. With
     * {@code common}, replication r has the same seed at every point (common random numbers:
     * differences between points are then not blurred by different draws).
     */
    public static long of(long sweepSeed, int point, int replication, boolean common) {
        return Rng.key(sweepSeed, common ? COMMON : point, replication) >>> SHIFT;
    }
}
