package yrdsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.TestModels;
import yrdsim.model.YrdModel;

/**
 * MODEL-2 6 and 9: technology gives no increasing returns to size, so growth is independent of
 * size (Gibrat), while volatility falls with size (Stanley et al. 1996). Measured with the same
 * statistics the calibration matches ({@link FirmDynamics}) on the baseline at 3% of its firms,
 * 20 quarters (4 yearly growth pairs per firm), seeds 1 to 10.
 *
 * <p>Tolerances: the mean over seeds of the growth–size slope within ±0.02 (the bound;
 * the first model gave +0.027); the volatility–size slope negative in the mean and its 95%
 * interval below 0. Counterfactual: with {@code volatility_size_elasticity = 0} the volatility
 * slope is less negative (its mean is above the mechanism's by at least 0.03; what remains comes from selection: small firms that shrink exit).
 */
class GibratTest {

    private static final int SEEDS = 10;
    private static final int STEPS = 20;

    private static Map<String, Double> statistics(long seed, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("enterprises.scale=0.03");
        all.add("time.steps=" + STEPS);
        YrdModel m = TestModels.model(TestModels.load(TestModels.BASELINE, all), seed, EnterpriseEngine.Kind.FAST, 2);
        FirmDynamics dynamics = new FirmDynamics();
        m.addObserver(dynamics);
        m.start();
        for (int k = 0; k < STEPS; k++) {
            m.schedule.step(m);
        }
        m.finish();
        return dynamics.statistics();
    }

    private static SummaryStatistics[] slopes(String... sets) {
        SummaryStatistics growth = new SummaryStatistics();
        SummaryStatistics volatility = new SummaryStatistics();
        for (long seed = 1; seed <= SEEDS; seed++) {
            Map<String, Double> s = statistics(seed, sets);
            growth.addValue(s.get("growth_size_slope"));
            volatility.addValue(s.get("volatility_size_slope"));
        }
        return new SummaryStatistics[] {growth, volatility};
    }

    @Test
    void growthIsIndependentOfSizeAndVolatilityFallsWithIt() {
        SummaryStatistics[] with = slopes();
        SummaryStatistics[] without = slopes("parameters.volatility_size_elasticity=0");
        String report = "growth-size slope " + with[0].getMean() + " (sd " + with[0].getStandardDeviation()
                + "), volatility-size slope " + with[1].getMean() + " (sd " + with[1].getStandardDeviation()
                + "); without the size elasticity " + without[1].getMean();
        System.out.println("GibratTest: " + report);
        assertEquals(0, with[0].getMean(), 0.02, report);
        double half = 2.262 * with[1].getStandardDeviation() / Math.sqrt(SEEDS);
        assertTrue(with[1].getMean() + half < 0, report);
        assertTrue(without[1].getMean() > with[1].getMean() + 0.03, report);
    }
}
