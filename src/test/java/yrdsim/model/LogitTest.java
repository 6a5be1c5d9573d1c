package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogitTest {

    @Test
    void probabilitiesAreASoftmaxAndClosedRoutesGetNothing() {
        double[] out = new double[3];
        Logit.probabilities(new double[] {0, Math.log(3), Double.NEGATIVE_INFINITY}, 0, out);
        assertEquals(0.25, out[0], 1e-15);
        assertEquals(0.75, out[1], 1e-15);
        assertEquals(0, out[2], 0);
    }

    @Test
    void withEveryRouteClosedTheChooserStaysHome() {
        double[] out = new double[3];
        Logit.probabilities(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY}, 1, out);
        assertEquals(1, out[1], 0);
        assertEquals(0, out[0] + out[2], 0);
    }

    @Test
    void placementSharesFollowNetReturnsToThePowerTheta() {
        // Two markets, returns 0.02 and 0.03, barrier 0.5 from region 0 to 1, θ = 2:
        // weights 0.02² and (0.03·0.5)² = 0.0004 and 0.000225, shares 0.64 and 0.36.
        double[][] barrier = {{0, 0.5}, {0.5, 0}};
        double[][] shares = new double[2][2];
        Logit.placementShares(new double[] {0.02, 0.03}, barrier, 2, shares);
        assertEquals(0.64, shares[0][0], 1e-12);
        assertEquals(0.36, shares[0][1], 1e-12);
        assertEquals(1, shares[1][0] + shares[1][1], 1e-15);
    }

    @Test
    void clearingPricesClearEveryMarketAndConserveOwners() {
        double[] owners = {100, 40, 10};
        double[] demand = {2.0, 1.5, 1.0};
        double[][] barrier = {{0, 0.2, 0.3}, {0.2, 0, 0.25}, {0.3, 0.25, 0}};
        double[] price = Logit.clearingPrices(owners, demand, barrier, 5, 0.02);
        double[][] shares = new double[3][3];
        Logit.placementShares(price, barrier, 5, shares);
        double placed = 0;
        for (int q = 0; q < 3; q++) {
            double supply = 0;
            for (int p = 0; p < 3; p++) {
                supply += owners[p] * shares[p][q];
            }
            placed += supply;
            assertEquals(demand[q], price[q] * supply, 1e-12, "market " + q + " clears");
        }
        assertEquals(150, placed, 1e-10, "placement conserves the owners' stocks");
    }

    @Test
    void balancedConstantsMakeInflowsEqualTargets() {
        double[] mass = {2300, 11000, 7000, 2700};
        double[][] base = new double[4][4];
        double[] wage = {0.16, 0.10, 0.09, 0.11};
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                base[p][q] = Math.log(wage[q]) + (p == q ? 0 : Math.log1p(-0.3 - 0.05 * q));
            }
        }
        double[] a = Logit.balance(mass, base, mass);
        double[] inflow = new double[4];
        double[] u = new double[4];
        double[] pi = new double[4];
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                u[q] = base[p][q] + a[q];
            }
            Logit.probabilities(u, p, pi);
            for (int q = 0; q < 4; q++) {
                inflow[q] += mass[p] * pi[q];
            }
        }
        for (int q = 0; q < 4; q++) {
            assertEquals(mass[q], inflow[q], 1e-9 * mass[q]);
        }
    }

    @Test
    void openRoutesWithEqualUtilitiesGiveConstantsProportionalToSize() {
        // MODEL.md 2b: with logit choice and open routes, balance means exp(u_q) ∝ N_q.
        double[] mass = {1, 3};
        double[][] base = new double[2][2];
        double[] a = Logit.balance(mass, base, mass);
        assertEquals(Math.log(3), a[1] - a[0], 1e-12);
    }
}
