package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirmRulesTest {

    @Test
    void tradingPostClearsExactly() {
        // Three bidders on one post: price = Σ bids / supply, and the quantities exhaust the supply.
        double[] bids = {3.0, 1.5, 0.5};
        double supply = 2.0;
        double price = FirmRules.tradingPostPrice(3.0 + 1.5 + 0.5, supply);
        assertEquals(2.5, price, 0);
        double bought = 0;
        for (double bid : bids) {
            bought += FirmRules.quantity(bid, price);
        }
        assertEquals(supply, bought, 1e-15);
        assertEquals(1.2, FirmRules.quantity(3.0, price), 1e-15);
    }

    @Test
    void noSupplyMeansNoMarketRatherThanInfinity() {
        assertEquals(0, FirmRules.tradingPostPrice(5, 0));
        assertEquals(0, FirmRules.quantity(5, 0));
        assertEquals(Double.NEGATIVE_INFINITY, FirmRules.priceTerm(0.3, 0.45, 0.1, 0.025, 0.05, 0));
    }

    @Test
    void backedOutTfpMakesTheOptimalPlanEqualTheTarget() {
        double alpha = 0.3;
        double beta = 0.45;
        double eta = 0.1;
        double nu = alpha + beta + eta;
        double term = FirmRules.priceTerm(alpha, beta, eta, 0.025, 0.05, 0.3);
        double lnTfp = FirmRules.backOutLnTfp(7.5, 0.2, term, nu);
        double target = Math.exp(FirmRules.lnOptimalPlan(0.2, lnTfp, term, 1 / (1 - nu)));
        assertEquals(7.5, target, 1e-12);
        // At X = X*, output times its unit value v = e^0.2 equals planned spending: the plan is a fixed point.
        double value = Math.exp(0.2) * Math.exp(FirmRules.lnOutput(lnTfp, term, nu, Math.log(target)));
        assertEquals(target, value, 1e-12);
    }

    @Test
    void steadyStateTechIsAFixedPointOfTheKnowledgeUpdate() {
        double[] weights = {1.0, 0.6, 0.0, 0.3};
        double[] averages = {12.0, 40.0, 99.0, 5.0};
        for (double licences : new double[] {0.0, 0.2, 3.0, 50.0}) {
            double c = 0.07;
            double decay = 0.03;
            double t = FirmRules.steadyStateTech(c, weights, averages, decay, licences);
            double gain = 0;
            for (int q = 0; q < weights.length; q++) {
                gain += c * weights[q] * Math.max(0, averages[q] - t);
            }
            assertEquals(t, FirmRules.nextTech(t, gain, decay, licences), 1e-12 * Math.max(1, t),
                    "licences " + licences);
        }
    }

    @Test
    void innovationProbabilityRisesWithRdAndIsZeroWithoutIt() {
        assertEquals(0, FirmRules.innovationProbability(0, 0.5, 1), 0);
        assertEquals(1 - Math.exp(-0.5), FirmRules.innovationProbability(1, 0.5, 1), 1e-15);
        assertTrue(FirmRules.innovationProbability(2, 0.5, 1) > FirmRules.innovationProbability(1, 0.5, 1));
    }

    @Test
    void lnOnePlusAgreesWithLog1pToAFewUlps() {
        double[] xs = {0, 1e-300, 1e-17, 1e-12, 1e-6, 0.001, 0.3, 1, 7.5, 22.2, 1e6, 1e300};
        for (double x : xs) {
            double exact = Math.log1p(x);
            assertEquals(exact, FirmRules.lnOnePlus(x), 4 * Math.ulp(exact), "x " + x);
        }
        for (int k = 0; k < 100_000; k++) {
            double x = Math.pow(10, -9 + 12 * k / 100_000.0);
            double exact = Math.log1p(x);
            assertEquals(exact, FirmRules.lnOnePlus(x), 4 * Math.ulp(exact), "x " + x);
        }
    }

    @Test
    void innovationDecisionsEqualTheComparisonWithTheProbability() {
        // The bounds only skip the exponential: every decision must equal u < 1 − exp(−x), over
        // x from 1e-300 to 50 and u on a grid that includes the bounds and the probability itself,
        // then ulp by ulp around the probability.
        double[] xs = {0, 1e-300, 1e-9, 1e-5, 1e-4, 0.01, 0.1, 0.3, 0.5, Math.nextUp(0.5), 1, 1.5, 2, 3, 50};
        for (double x : xs) {
            double p = FirmRules.innovationProbability(x, 1, 1);
            double lower = x - 0.5 * x * x;
            double[] us = {0, lower, Math.nextDown(lower), Math.nextUp(lower), Math.nextDown(p), p, Math.nextUp(p), x,
                Math.nextDown(x), 0.999};
            for (double u : us) {
                if (u >= 0 && u < 1) {
                    assertEquals(u < p, FirmRules.innovates(u, x), "u " + u + ", x " + x);
                }
            }
            for (int k = 0; k < 1000; k++) {
                double u = k / 1000.0;
                assertEquals(u < p, FirmRules.innovates(u, x), "u " + u + ", x " + x);
            }
            // Around the probability, ulp by ulp.
            double u = p;
            for (int k = 0; k < 64; k++) {
                u = Math.nextDown(u);
            }
            for (int k = 0; k < 128; k++, u = Math.nextUp(u)) {
                if (u >= 0 && u < 1) {
                    assertEquals(u < p, FirmRules.innovates(u, x), "u " + u + ", x " + x);
                }
            }
        }
        // Seed 7: 200,000 exponents x log-uniform on [1e-12, 10], u within 40 ulps of the probability.
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            double x = Math.pow(10, -12 + 13 * random.nextDouble());
            double p = FirmRules.innovationProbability(x, 1, 1);
            double u = p + (random.nextInt(81) - 40) * Math.ulp(p);
            if (u >= 0 && u < 1) {
                assertEquals(u < p, FirmRules.innovates(u, x), "u " + u + ", x " + x);
            }
        }
        assertEquals(0, FirmRules.innovationRate(0.5, 0), "no R&D scale: no innovation");
        assertEquals(false, FirmRules.innovates(0, 0), "x = 0: no innovation, even for u = 0");
    }

    @Test
    void shocksOnTheRevenueScaleHaveMeanOneInRevenue() {
        // E[exp(shock/(1−ν))] = E[exp(N(−σ²/2, σ))] = 1, checked over the counter-based normals.
        // Seed 42, 200,000 draws: the standard error of the mean is about 0.1/√200000 = 2.2e-4,
        // so a tolerance of 1.5e-3 is about seven standard errors.
        double nu = 0.85;
        double sigma = 0.1;
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double z = Rng.normal(Rng.key(42, 0, i), 0);
            sum += Math.exp(FirmRules.gibratShock(nu, sigma, z) / (1 - nu));
        }
        assertEquals(1.0, sum / n, 1.5e-3);
    }

    @Test
    void theClearingPriceSellsTheOutputToIsoelasticAndIntermediateDemand() {
        // Only isoelastic demand: P = (Y/D)^(-1/eps).
        assertEquals(Math.pow(2, -0.5), Demand.clearingPrice(100, 0, 200, 2, 1), 1e-14);
        // Only intermediate orders of fixed value: P = I/Y.
        assertEquals(0.25, Demand.clearingPrice(0, 50, 200, 3, 1), 1e-14);
        // Both: the price sells exactly the output.
        double p = Demand.clearingPrice(80, 30, 150, 2.5, 3);
        assertEquals(150, 80 * Math.pow(p, -2.5) + 30 / p, 1e-10);
    }

    @Test
    void theValueShareKeepsValueAddedNetOfTaxPlusTheSubsidy() {
        assertEquals((1 - 0.78) * (1 - 0.05), FirmRules.valueShare(0, 0.78, 0.05), 1e-15);
        assertEquals((1 - 0.78) * (1 - 0.05) + 0.01, FirmRules.valueShare(0.01, 0.78, 0.05), 1e-15);
        assertEquals(0.22 * 1.3 - 0.02, FirmRules.unitValue(0.22, 1.3, 0.02), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, FirmRules.lnPositive(FirmRules.unitValue(0.22, 1, 0.3)));
    }

    /**
     * The volatility table reproduces σ (X/X̄)^−β to a relative 10^−6 over the clipped range, for
     * β from 0.05 to the declared maximum 0.5; beyond a factor of 100 either side the factor of
     * 100 applies; with β = 0 every firm has σ.
     */
    @Test
    void shockSdFollowsThePowerOfRelativeSizeWithinItsRange() {
        double sigma = 0.1;
        assertEquals(sigma, FirmRules.shockSd(sigma, FirmRules.volatilityFactors(0), 3, -2), 0);
        for (double beta : new double[] {0.05, 0.15, 0.5}) {
            double[] factors = FirmRules.volatilityFactors(beta);
            for (double rel = -4.6; rel <= 4.6; rel += 0.0137) {
                double exact = sigma * Math.exp(-beta * rel);
                assertEquals(exact, FirmRules.shockSd(sigma, factors, rel + 1.5, 1.5), 1e-6 * exact, "beta " + beta
                        + ", ln relative size " + rel);
            }
            double atEdge = sigma * Math.pow(FirmRules.VOLATILITY_SIZE_RANGE, -beta);
            assertEquals(atEdge, FirmRules.shockSd(sigma, factors, 50, 0), 1e-12 * atEdge);
            assertEquals(sigma / Math.pow(FirmRules.VOLATILITY_SIZE_RANGE, -beta),
                    FirmRules.shockSd(sigma, factors, -50, 0), 1e-9);
        }
    }
}
