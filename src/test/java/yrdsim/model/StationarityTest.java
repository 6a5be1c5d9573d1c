package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MODEL.md 2b: with shocks off, demand growth 0 and no timeline, the calibrated economy stays
 * at its step-0 state to round-off for the whole horizon. This catches most calibration bugs.
 */
class StationarityTest {

    /** Relative tolerance: round-off accumulated over 64 steps. */
    private static final double TOLERANCE = 1e-9;

    private static double[] state(YrdModel m) {
        List<Double> values = new ArrayList<>();
        for (Province p : m.provinces()) {
            values.addAll(List.of(p.getWorkers(), p.getTalent(), p.getCapitalOwned(), p.getCapitalSupply(),
                    p.getPublicResearch(), p.getWage(), p.getTalentWage(), p.getInterestRate(), p.getTechPrice(),
                    p.getRevenue(), p.getFirms()));
        }
        for (Sector s : m.sectors()) {
            values.add(s.getPrice());
            values.add(s.getRevenue());
        }
        CellSums t = m.totals();
        for (int c = 0; c < m.structure().cells; c++) {
            values.addAll(List.of(t.revenue[c], t.workers[c], t.talent[c], t.knowledge[c], t.firms[c], t.profit[c]));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void assertStationary(Path file, List<String> extra, int steps) {
        List<String> sets = new ArrayList<>(TestModels.stationary(file));
        sets.addAll(extra);
        sets.add("time.steps=" + steps);
        YrdModel m = TestModels.started(TestModels.load(file, sets), 17, EnterpriseEngine.Kind.FAST, 2);
        m.schedule.step(m);
        double[] first = state(m);
        for (int k = 1; k < steps; k++) {
            m.schedule.step(m);
            double[] now = state(m);
            for (int i = 0; i < first.length; i++) {
                assertEquals(first[i], now[i], TOLERANCE * Math.max(1, Math.abs(first[i])),
                        "value " + i + " drifted by step " + k);
            }
        }
        m.finish();
    }

    @Test
    void twoRegionsStaysAtItsStepZeroState() {
        assertStationary(TestModels.TWO_REGIONS, List.of(), 64);
    }

    @Test
    void baselineStaysAtItsStepZeroStateForTheWholeHorizon() {
        assertStationary(TestModels.BASELINE, List.of("enterprises.scale=0.02"), 64);
    }
}
