package yrdsim.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Shapley values of n players (the model's channels) for a value function v over the subsets
 * of players, each subset a bit mask (bit i set: player i is in). The Shapley value of player i
 * is its marginal contribution averaged over every order in which the players can join:
 *
 * <pre>φ_i = Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! · [v(S ∪ {i}) − v(S)]</pre>
 *
 * <p>The values add up: v(∅) + Σ_i φ_i = v(all players) (efficiency), exactly for
 * {@link #exact} and for {@link #sampled} alike, since each sampled order telescopes from ∅ to
 * all. A player whose switch changes nothing gets 0, an additive player gets its own term, and an
 * interaction between k players is split equally among them.
 */
public final class Shapley {

    /** The most players {@link #exact} and {@link #sampled} accept: 2^n subsets fit an int mask. */
    public static final int MAX_PLAYERS = 20;

    private Shapley() {
    }

    /** The mask of all {@code n} players. */
    public static int all(int n) {
        check(n);
        return (1 << n) - 1;
    }

    /**
     * The exact Shapley values from all 2^n subsets.
     *
     * @param v the value of each subset; called for every mask in 0 .. 2^n − 1
     */
    public static double[] exact(int n, IntToDoubleFunction v) {
        check(n);
        double[] value = new double[1 << n];
        for (int mask = 0; mask < value.length; mask++) {
            value[mask] = v.applyAsDouble(mask);
        }
        // |S|!(n−|S|−1)!/n! = 1 / (n · C(n−1, |S|)).
        double[] weight = new double[n];
        for (int size = 0; size < n; size++) {
            weight[size] = 1 / (n * CombinatoricsUtils.binomialCoefficientDouble(n - 1, size));
        }
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            for (int mask = 0; mask < value.length; mask++) {
                if ((mask & bit) == 0) {
                    phi[i] += weight[Integer.bitCount(mask)] * (value[mask | bit] - value[mask]);
                }
            }
        }
        return phi;
    }

    /**
     * The Shapley values estimated from sampled orders: for each order the players join one by
     * one from ∅, each credited with what its joining adds; the estimate is the mean credit over
     * the orders. Unbiased, and exact in the limit of all n! orders equally often.
     *
     * @param orders permutations of 0 .. n − 1 (see {@link #orders})
     * @param v      the value of each subset; called only for the masks of {@link #subsets(int, List)}
     */
    public static double[] sampled(int n, List<int[]> orders, IntToDoubleFunction v) {
        check(n);
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("no orders to average over");
        }
        double[] phi = new double[n];
        for (int[] order : orders) {
            checkOrder(n, order);
            int mask = 0;
            double before = v.applyAsDouble(mask);
            for (int player : order) {
                mask |= 1 << player;
                double after = v.applyAsDouble(mask);
                phi[player] += after - before;
                before = after;
            }
        }
        for (int i = 0; i < n; i++) {
            phi[i] /= orders.size();
        }
        return phi;
    }

    /**
     * {@code count} orders of n players drawn uniformly and independently (with replacement),
     * reproducibly from {@code seed}.
     */
    public static List<int[]> orders(int n, int count, long seed) {
        check(n);
        if (count < 1) {
            throw new IllegalArgumentException("at least one order is needed, was " + count);
        }
        RandomDataGenerator random = new RandomDataGenerator(new Well19937c(seed));
        List<int[]> orders = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            orders.add(random.nextPermutation(n, n));
        }
        return orders;
    }

    /** Every subset of n players, ascending: what {@link #exact} evaluates. */
    public static List<Integer> subsets(int n) {
        check(n);
        List<Integer> all = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            all.add(mask);
        }
        return all;
    }

    /**
     * The subsets {@link #sampled} evaluates for {@code orders}, ascending, each once: ∅ and all
     * players are in every order, so there are at most (n − 1) · orders + 2.
     */
    public static List<Integer> subsets(int n, List<int[]> orders) {
        check(n);
        TreeSet<Integer> masks = new TreeSet<>();
        for (int[] order : orders) {
            checkOrder(n, order);
            int mask = 0;
            masks.add(mask);
            for (int player : order) {
                mask |= 1 << player;
                masks.add(mask);
            }
        }
        return List.copyOf(masks);
    }

    private static void check(int n) {
        if (n < 1 || n > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 1 to " + MAX_PLAYERS + ", was " + n);
        }
    }

    private static void checkOrder(int n, int[] order) {
        if (order.length != n) {
            throw new IllegalArgumentException("an order of " + order.length + " players for " + n + " players");
        }
        int seen = 0;
        for (int player : order) {
            if (player < 0 || player >= n || (seen & 1 << player) != 0) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1) + ": player " + player);
            }
            seen |= 1 << player;
        }
    }
}
