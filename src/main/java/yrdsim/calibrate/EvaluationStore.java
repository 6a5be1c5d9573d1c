package yrdsim.calibrate;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finished replications by (parameter values, seed): what lets a killed calibration resume. The
 * optimiser is deterministic given its seeded generator and the moments it is told, so a rerun
 * asks for the same points in the same order, finds them here and goes on where the kill
 * stopped it. Keys are the exact values (their shortest round-trip decimal text).
 */
public class EvaluationStore {

    private final Map<String, Simulator.Replication> done = new ConcurrentHashMap<>();

    /** The key of a replication. */
    static String key(double[] theta, long seed) {
        StringBuilder b = new StringBuilder().append(seed);
        for (double v : theta) {
            b.append(',').append(v);
        }
        return b.toString();
    }

    /** The replication at {@code theta} and {@code seed} if it is done, or null. */
    Simulator.Replication get(double[] theta, long seed) {
        return done.get(key(theta, seed));
    }

    /** Records a finished replication (subclasses also keep it on disk). */
    void put(double[] theta, long seed, Simulator.Replication r) throws IOException {
        remember(theta, seed, r);
    }

    /** Keeps a replication in memory only (one read back from disk). */
    final void remember(double[] theta, long seed, Simulator.Replication r) {
        done.put(key(theta, seed), r);
    }

    /** Replications held. */
    int size() {
        return done.size();
    }

    /** Copies for a replication kept in memory. */
    static double[] copy(double[] v) {
        return v == null ? null : Arrays.copyOf(v, v.length);
    }
}
