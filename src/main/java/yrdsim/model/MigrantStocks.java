package yrdsim.model;

import java.io.Serializable;

/**
 * Migrant stocks (docs/MODEL.md 7.5, MODEL-2 3): the workers living in each province whose
 * hukou is in another province or in the rest of China, the quantity the 2020 census counts.
 * Movers leave every province in proportion to its residents of each origin; an arrival whose
 * hukou is in the province of arrival is a native again; each quarter a share of migrants
 * settles (obtains a local hukou). The same step runs in the dynamics and, iterated to its fixed
 * point, in the calibration of the workers' migration speed to the census shares.
 *
 * <p>Origins are indexed by province, and {@code n} (the number of provinces) is the rest of
 * China; the stock of a province's own natives is not kept (residents less migrants).
 */
final class MigrantStocks implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final double TOLERANCE = 1e-13;

    private final int n;
    /** N[q][o]: residents of province q with hukou in origin o (o = n: the rest of China; o = q unused). */
    private final double[][] stock;
    /** Work array of {@link #step}. */
    private final double[][] next;

    MigrantStocks(int provinces) {
        n = provinces;
        stock = new double[n][n + 1];
        next = new double[n][n + 1];
    }

    /**
     * One quarter: N'[q][o] = N[q][o](1 − ℓ_q − σ) + Σ_{p≠q} F_pq · (share of origin o among p's
     * residents), where ℓ_q is the share of q's residents who left and σ the settling rate.
     * Arrivals from the rest of China all hold its hukou.
     *
     * @param residents each province's residents before the move
     * @param flows     movers [origin·m + destination] over m = n regions, or n + 1 with the rest of
     *                  China last
     * @param m         the side of {@code flows}
     */
    void step(double[] residents, double[] flows, int m, double[] settling) {
        for (int q = 0; q < n; q++) {
            double left = 0;
            for (int r = 0; r < m; r++) {
                left += r != q ? flows[q * m + r] : 0;
            }
            double stay = residents[q] > 0 ? 1 - left / residents[q] - settling[q] : 1 - settling[q];
            for (int o = 0; o <= n; o++) {
                next[q][o] = o == q ? 0 : stock[q][o] * stay;
            }
            for (int p = 0; p < m; p++) {
                double arrivals = p != q ? flows[p * m + q] : 0;
                if (arrivals <= 0) {
                    continue;
                }
                if (p == n) {
                    next[q][n] += arrivals;
                    continue;
                }
                double migrants = 0;
                for (int o = 0; o <= n; o++) {
                    migrants += stock[p][o];
                }
                double perResident = arrivals / residents[p];
                for (int o = 0; o <= n; o++) {
                    if (o != q) {
                        next[q][o] += perResident * (o == p ? residents[p] - migrants : stock[p][o]);
                    }
                }
            }
        }
        for (int q = 0; q < n; q++) {
            System.arraycopy(next[q], 0, stock[q], 0, n + 1);
        }
    }

    /**
     * The stocks at which {@link #step} is stationary for flows that do not change residents
     * (step 0: no net migration), from empty stocks; replaces the current stocks.
     */
    void steadyState(double[] residents, double[] flows, int m, double[] settling) {
        for (double[] row : stock) {
            java.util.Arrays.fill(row, 0);
        }
        double total = 0;
        for (double r : residents) {
            total += r;
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double before = migrants();
            step(residents, flows, m, settling);
            if (Math.abs(migrants() - before) <= TOLERANCE * total) {
                return;
            }
        }
        throw new CalibrationException("migrant stocks did not settle (settling_rate too small?)");
    }

    /**
     * Step 0: the settling rate of every province with a census share at which its steady-state
     * migrant stock is that share of its residents, the others keeping {@code settling}'s rate;
     * the stocks are left at that steady state. In the steady state
     * σ_q = (A_q − R_q) / M_q − ℓ_q, with A_q the arrivals, R_q those of them whose hukou is in
     * q (returning natives), M_q the census stock and ℓ_q the share of residents who leave; R_q
     * depends on the other provinces' stocks, so this iterates to a fixed point.
     *
     * @param census each province's census share, NaN for none
     * @throws CalibrationException a province receives too few arrivals to hold its census
     *                              share even if no migrant ever settled
     */
    void calibrateSettling(double[] residents, double[] flows, int m, double[] census, double[] settling) {
        for (int iteration = 0; iteration < 1000; iteration++) {
            steadyState(residents, flows, m, settling);
            double change = 0;
            for (int q = 0; q < n; q++) {
                if (Double.isNaN(census[q]) || residents[q] <= 0) {
                    continue;
                }
                double arrivals = 0;
                double returning = 0;
                double left = 0;
                for (int p = 0; p < m; p++) {
                    if (p != q) {
                        arrivals += flows[p * m + q];
                        left += flows[q * m + p];
                        returning += p < n && residents[p] > 0 ? flows[p * m + q] / residents[p] * stock[p][q] : 0;
                    }
                }
                double sigma = (arrivals - returning) / (census[q] * residents[q]) - left / residents[q];
                if (!(sigma > 0)) {
                    throw new CalibrationException("province " + q + ": its census migrant share of "
                            + Math.round(1000 * census[q]) / 10.0 + "% cannot hold even if no migrant ever settled: "
                            + "too few arrivals; raise parameters.worker_mobility or lower its external barrier");
                }
                change = Math.max(change, Math.abs(sigma - settling[q]));
                settling[q] = sigma;
            }
            if (change < 1e-13) {
                steadyState(residents, flows, m, settling);
                return;
            }
        }
        throw new CalibrationException("the settling rates did not converge");
    }

    /** Migrants living anywhere in the delta. */
    private double migrants() {
        double sum = 0;
        for (double[] row : stock) {
            for (double v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** Residents of province {@code q} whose hukou is elsewhere. */
    double migrants(int q) {
        double sum = 0;
        for (double v : stock[q]) {
            sum += v;
        }
        return sum;
    }

    /** Residents of province {@code q} with hukou in {@code origin} ({@code n}: the rest of China). */
    double from(int q, int origin) {
        return stock[q][origin];
    }
}
