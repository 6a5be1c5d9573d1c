package yrdsim.model;

/**
 * Counter-based random numbers: every draw is a pure function of (seed, step, firm id, draw
 * number), mixed with SplitMix64's finaliser. No generator state is shared between firms or
 * threads, so a firm's draws are the same whichever thread, block or engine steps it.
 *
 * <p>Cost: two 64-bit mixes per firm per step for the key, one per draw.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-53;

    private Rng() {
    }

    /** SplitMix64's output function: a bijective 64-bit mix with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of one firm's draws in one step. Negative steps are used while building step 0. */
    public static long key(long seed, long step, long id) {
        return mix(mix(seed * GOLDEN + step) + id * GOLDEN);
    }

    /** Draw number {@code k} under {@code key}, uniform on [0, 1). */
    public static double uniform(long key, int k) {
        return (mix(key + (k + 1) * GOLDEN) >>> 11) * TO_UNIT;
    }

    /** Draw number {@code k} under {@code key}, uniform on (0, 1]: safe to take the log of. */
    public static double uniformOpen(long key, int k) {
        return ((mix(key + (k + 1) * GOLDEN) >>> 11) + 1) * TO_UNIT;
    }

    /**
     * A standard normal from draws {@code k} and {@code k+1} (Box–Muller, cosine branch).
     * The sine branch is {@link #normalSine}; together they are independent.
     */
    public static double normal(long key, int k) {
        double radius = Math.sqrt(-2 * Math.log(uniformOpen(key, k)));
        return radius * Math.cos(2 * Math.PI * uniform(key, k + 1));
    }

    /** The sine branch of {@link #normal} with the same draws: independent of it. */
    public static double normalSine(long key, int k) {
        double radius = Math.sqrt(-2 * Math.log(uniformOpen(key, k)));
        return radius * Math.sin(2 * Math.PI * uniform(key, k + 1));
    }
}
