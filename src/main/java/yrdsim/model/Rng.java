package yrdsim.model;

/**
 * Counter-based random numbers: every draw is a pure function of (seed, step, firm id, draw
 * number), mixed with SplitMix64's finaliser. No generator state is shared between firms or
 * threads, so a firm's draws are the same whichever thread, block or engine steps it.
 *
 * <p>Cost: one 64-bit mix per firm per step for the key, one per uniform draw, and for a
 * normal one mix and a table look-up in 99% of draws (ziggurat, below).
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-53;

    /**
     * The ziggurat of Marsaglia and Tsang (2000) with 256 layers of equal area {@link #AREA}
     * under the half-normal density f(x) = exp(−x²/2): layer i covers [0, X[i]] × [F[i], F[i+1]],
     * layer 0 is the base strip holding the tail beyond {@link #TAIL}. Constants from Doornik
     * (2005), "An improved ziggurat method to generate normal random samples".
     */
    private static final int LAYERS = 256;
    private static final double TAIL = 3.6541528853610088;
    private static final double AREA = 4.92867323399e-3;
    private static final double[] X = new double[LAYERS + 1];
    private static final double[] F = new double[LAYERS + 1];

    static {
        double fTail = Math.exp(-0.5 * TAIL * TAIL);
        X[0] = AREA / fTail;
        X[1] = TAIL;
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2 * Math.log(AREA / X[i] + Math.exp(-0.5 * X[i] * X[i])));
        }
        X[LAYERS] = 0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
        F[0] = 0;
    }

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
        return firmKey(stepKey(seed, step), id);
    }

    /** The part of {@link #key} shared by every firm in a step: computed once per step, not per firm. */
    public static long stepKey(long seed, long step) {
        return mix(seed * GOLDEN + step);
    }

    /** {@link #key} from the step's {@link #stepKey}. */
    public static long firmKey(long stepKey, long id) {
        return mix(stepKey + id * GOLDEN);
    }

    /** The 64 random bits of draw number {@code k} under {@code key}. */
    static long bits(long key, int k) {
        return mix(key + (k + 1) * GOLDEN);
    }

    /** Draw number {@code k} under {@code key}, uniform on [0, 1). */
    public static double uniform(long key, int k) {
        return (bits(key, k) >>> 11) * TO_UNIT;
    }

    /** Draw number {@code k} under {@code key}, uniform on (0, 1]: safe to take the log of. */
    public static double uniformOpen(long key, int k) {
        return ((bits(key, k) >>> 11) + 1) * TO_UNIT;
    }

    /** {@code z} with the sign given by bit 8 of {@code r}, without a branch (it is a coin toss). */
    private static double signed(double z, long r) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(z) ^ ((r & LAYERS) << 55));
    }

    /**
     * A standard normal, draw number {@code k} under {@code key}, by the ziggurat method. Its 64
     * bits pick the layer (8 bits), the sign (1 bit) and the abscissa (53 bits); the rare draws
     * that fall outside the fast region (1.2%) continue on a SplitMix64 sequence seeded by those
     * bits, so the result is still a pure function of (key, k), and draw k uses no other draw
     * number.
     */
    public static double normal(long key, int k) {
        long r = bits(key, k);
        long stream = r;
        while (true) {
            int i = (int) r & (LAYERS - 1);
            double z = (r >>> 11) * TO_UNIT * X[i];
            if (z < X[i + 1]) {
                return signed(z, r);
            }
            if (i == 0) {
                // The tail beyond TAIL, by Marsaglia's (1964) exponential rejection.
                double a;
                double b;
                do {
                    stream += GOLDEN;
                    a = -Math.log(((mix(stream) >>> 11) + 1) * TO_UNIT) / TAIL;
                    stream += GOLDEN;
                    b = -Math.log(((mix(stream) >>> 11) + 1) * TO_UNIT);
                } while (b + b < a * a);
                return signed(TAIL + a, r);
            }
            stream += GOLDEN;
            double y = F[i] + (mix(stream) >>> 11) * TO_UNIT * (F[i + 1] - F[i]);
            if (y < Math.exp(-0.5 * z * z)) {
                return signed(z, r);
            }
            stream += GOLDEN;
            r = mix(stream);
        }
    }
}
