package yrdsim.model;

/**
 * Logit choice over regions, the one mechanism behind migration, capital and licence
 * placement, and relocation. A route with utility −∞ (a barrier of 1, or a market with no
 * price) is never chosen; if no route is open the chooser stays home.
 */
public final class Logit {

    private static final int MAX_ITERATIONS = 100_000;
    private static final double TOLERANCE = 1e-14;

    private Logit() {
    }

    /** Choice probabilities ∝ exp(u[q]) written to {@code out}; all mass at {@code home} if no u is finite. */
    public static void probabilities(double[] u, int home, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            if (v > max) {
                max = v;
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(out, 0);
            out[home] = 1;
            return;
        }
        double sum = 0;
        for (int q = 0; q < u.length; q++) {
            out[q] = Math.exp(u[q] - max);
            sum += out[q];
        }
        for (int q = 0; q < u.length; q++) {
            out[q] /= sum;
        }
    }

    /**
     * A utility {@code scale · value + constant}, −∞ when either part is −∞ (a closed route or
     * an unreachable destination), whatever the scale.
     */
    public static double utility(double scale, double value, double constant) {
        if (value == Double.NEGATIVE_INFINITY || constant == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return scale * value + constant;
    }

    /** ln(1 − b): −∞ for a closed route. */
    public static double lnOpen(double barrier) {
        return barrier >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-barrier);
    }

    /** ln x, −∞ for x ≤ 0 (no market). */
    public static double lnPositive(double x) {
        return x > 0 ? Math.log(x) : Double.NEGATIVE_INFINITY;
    }

    /**
     * Placement shares of owners in each region over destination markets:
     * share_{p→q} ∝ exp(θ ln(price_q (1 − b_pq))). Used for capital and for licences.
     */
    public static void placementShares(double[] price, double[][] barrier, double theta, double[][] shares) {
        placementShares(price, barrier, theta, shares, new double[price.length]);
    }

    /** {@link #placementShares(double[], double[][], double, double[][])} with a work array {@code u} of length P. */
    public static void placementShares(double[] price, double[][] barrier, double theta, double[][] shares,
                                       double[] u) {
        int n = price.length;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double open = lnOpen(barrier[p][q]);
                double lnPrice = lnPositive(price[q]);
                u[q] = open == Double.NEGATIVE_INFINITY || lnPrice == Double.NEGATIVE_INFINITY
                        ? Double.NEGATIVE_INFINITY
                        : theta * (lnPrice + open);
            }
            probabilities(u, p, shares[p]);
        }
    }

    /**
     * The prices at which owners' logit placement clears every market: price_q = demand_q /
     * Σ_p owners_p share_pq(price). Solved in logs with damping 1/(1+θ); the update is a
     * contraction with factor θ/(1+θ) because shares depend only on relative prices.
     *
     * @param guess starting prices (regions with no demand get price 0)
     */
    public static double[] clearingPrices(double[] owners, double[] demand, double[][] barrier, double theta,
                                          double guess) {
        int n = owners.length;
        double[] price = new double[n];
        for (int q = 0; q < n; q++) {
            price[q] = demand[q] > 0 ? guess : 0;
        }
        double[][] shares = new double[n][n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            placementShares(price, barrier, theta, shares);
            double change = 0;
            for (int q = 0; q < n; q++) {
                if (demand[q] <= 0) {
                    continue;
                }
                double supply = 0;
                for (int p = 0; p < n; p++) {
                    supply += owners[p] * shares[p][q];
                }
                if (supply <= 0) {
                    price[q] = 0;
                    continue;
                }
                double step = (Math.log(demand[q] / supply) - Math.log(price[q])) / (1 + theta);
                price[q] *= Math.exp(step);
                change = Math.max(change, Math.abs(step));
            }
            if (change < TOLERANCE) {
                return price;
            }
        }
        throw new CalibrationException("market clearing prices did not converge");
    }

    /**
     * Destination constants a_q such that mass_p choosing by exp(base_pq + a_q) arrives in the
     * proportions {@code target}: Σ_p mass_p π_pq = target_q. A target of 0 gets a_q = −∞.
     * This is how amenities (and relocation constants) make step 0 free of net flows.
     */
    public static double[] balance(double[] mass, double[][] base, double[] target) {
        int n = mass.length;
        double[] a = new double[n];
        for (int q = 0; q < n; q++) {
            a[q] = target[q] > 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        double[] u = new double[n];
        double[] pi = new double[n];
        double[] inflow = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            java.util.Arrays.fill(inflow, 0);
            for (int p = 0; p < n; p++) {
                if (mass[p] <= 0) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    u[q] = base[p][q] + a[q];
                }
                probabilities(u, p, pi);
                for (int q = 0; q < n; q++) {
                    inflow[q] += mass[p] * pi[q];
                }
            }
            double change = 0;
            for (int q = 0; q < n; q++) {
                if (target[q] > 0) {
                    if (inflow[q] <= 0) {
                        throw new CalibrationException("region " + q + " cannot be reached by any open route");
                    }
                    double step = Math.log(target[q] / inflow[q]);
                    a[q] += step;
                    change = Math.max(change, Math.abs(step));
                }
            }
            if (change < TOLERANCE) {
                return a;
            }
        }
        throw new CalibrationException("destination constants did not converge");
    }
}
