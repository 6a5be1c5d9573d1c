package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.LoadedScenario;

/**
 * What the second-generation model must show (MODEL-2 section 9, items 1, 5, 6 and 7; item 6,
 * carbon, is in {@link LeverDirectionTest}). Every test runs the baseline at a small scale on a
 * fixed seed; tolerances are stated on each test.
 */
class ModelTwoTest {

    /** Official 2019 average wages, yuan a year (shared/data/yrd-2019-official.csv). */
    private static final double[] OFFICIAL_WAGE = {149377, 96527, 99654, 79037};

    private static IotfShare iotfShare(List<String> sets, int steps, long seed) {
        List<String> all = new ArrayList<>(sets);
        all.add("enterprises.scale=0.05");
        all.add("time.steps=" + steps);
        YrdModel m = TestModels.started(TestModels.load(TestModels.BASELINE, all), seed, EnterpriseEngine.Kind.FAST, 2);
        IotfShare share = new IotfShare();
        m.addObserver(share);
        for (int k = 0; k < steps; k++) {
            m.schedule.step(m);
        }
        m.finish();
        return share;
    }

    /** The delta's IotF share of revenue after every step. */
    private static final class IotfShare implements StepObserver {
        final List<Double> path = new ArrayList<>();

        @Override
        public void stepped(YrdModel m) {
            double iotf = 0;
            double all = 0;
            for (Province p : m.provinces()) {
                iotf += p.getIotfRevenueShare() * p.getRevenue();
                all += p.getRevenue();
            }
            path.add(iotf / all);
        }

        double first() {
            return path.get(0);
        }

        double last() {
            return path.get(path.size() - 1);
        }
    }

    /**
     * MODEL-2 9.1: with the same (zero) extra demand growth for every sector, as the baseline
     * has it, the IotF share of revenue still rises by 2035, through adoption and productivity.
     * Seed 20200101, 5% of the firms. Tolerance: at least a fifth above its start (the full
     * baseline goes from 1.13% to 1.47%, docs/MODEL.md).
     */
    @Test
    void theIotfShareRisesWithTheSameDemandGrowthForEverySector() {
        LoadedScenario loaded = TestModels.load(TestModels.BASELINE, List.of());
        for (var sector : loaded.scenario().sectors()) {
            assertEquals(0.0, loaded.scenario().sectorParams(loaded.scenario().sectorIndex(sector.name())).demandGrowth(),
                    sector.name() + " has a demand premium");
        }
        IotfShare share = iotfShare(List.of(), 64, 20200101);
        assertTrue(share.last() > 1.2 * share.first(), "IotF share " + share.first() + " -> " + share.last());
    }

    /**
     * MODEL-2 9.5: the step-0 wage of each province is the official average wage (the workers are
     * calibrated to it), so the ranking Shanghai > Zhejiang ≈ Jiangsu > Anhui holds and relative
     * wages are within 15% of the data (in fact to round-off).
     */
    @Test
    void stepZeroWagesFollowTheOfficialRanking() {
        YrdModel m = TestModels.started(TestModels.load(TestModels.BASELINE, List.of("enterprises.scale=0.05")), 3,
                EnterpriseEngine.Kind.FAST, 1);
        double[] wage = new double[4];
        for (Province p : m.provinces()) {
            wage[p.getIndex()] = p.getWage() / Calibrator.yuanPerYear(1);
        }
        m.finish();
        assertTrue(wage[0] > wage[2] && wage[2] > wage[3] && wage[1] > wage[3], java.util.Arrays.toString(wage));
        assertEquals(1, wage[2] / wage[1], 0.05, "Zhejiang and Jiangsu within 5% of each other");
        for (int p = 0; p < 4; p++) {
            double relative = (wage[p] / wage[0]) / (OFFICIAL_WAGE[p] / OFFICIAL_WAGE[0]);
            assertEquals(1, relative, 0.15, "province " + p + " relative to Shanghai");
            assertEquals(OFFICIAL_WAGE[p], wage[p], 1e-6 * OFFICIAL_WAGE[p], "province " + p);
        }
    }

    /**
     * MODEL-2 7: every province's budget balances every quarter to round-off, with every costly
     * lever of the integration package on: the value-added tax plus the carbon revenue pays for
     * the spending. Integration at 2% of the firms, 12 quarters, seed 7; tolerance 1e-9 relative.
     */
    @Test
    void everyBudgetBalancesEveryQuarter() {
        LoadedScenario loaded = TestModels.load(java.nio.file.Path.of("scenarios/integration.yaml"),
                List.of("enterprises.scale=0.02", "time.steps=12"));
        YrdModel m = TestModels.started(loaded, 7, EnterpriseEngine.Kind.FAST, 2);
        int[] checked = {0};
        m.addObserver(model -> {
            Government g = model.government();
            for (Province p : model.provinces()) {
                int q = p.getIndex();
                double revenue = g.taxRate(q) * g.valueAdded(q) + g.carbonRevenue(q);
                double spending = g.totalSpending(q);
                assertEquals(spending, revenue, 1e-9 * Math.max(1, spending), "step " + model.step() + " " + p);
                assertTrue(spending > 0);
                checked[0]++;
            }
        });
        for (int k = 0; k < 12; k++) {
            m.schedule.step(m);
        }
        m.finish();
        assertEquals(48, checked[0]);
    }

    /**
     * MODEL-2 9.7 and 11: the baseline run to 2050Q4 (124 quarters) with every growth term on
     * stays within the guards (a guard would throw), the IotF share stays far below 1 (below a
     * quarter; it is about 5% in 2050), and adoption saturates: no IotF input ever holds more than
     * adoption_ceiling of the inputs it competes for. 5% of the firms, seed 11.
     */
    @Test
    void aRunTo2050StaysWithinTheGuardsAndAdoptionSaturates() {
        List<String> sets = List.of("enterprises.scale=0.05", "time.steps=124");
        YrdModel m = TestModels.started(TestModels.load(TestModels.BASELINE, sets), 11, EnterpriseEngine.Kind.FAST, 2);
        IotfShare share = new IotfShare();
        m.addObserver(share);
        double ceiling = m.scenario().parameters().adoptionCeiling();
        double[] highest = {0};
        m.addObserver(model -> {
            for (int s = 0; s < model.structure().sectors; s++) {
                highest[0] = Math.max(highest[0], model.demand().adoption(s));
            }
        });
        for (int k = 0; k < 124; k++) {
            m.schedule.step(m);
        }
        m.finish();
        assertTrue(share.last() > share.first() && share.last() < 0.25, "IotF share in 2050 " + share.last());
        assertTrue(highest[0] > 0 && highest[0] <= ceiling, "highest adoption " + highest[0]);
    }
}
