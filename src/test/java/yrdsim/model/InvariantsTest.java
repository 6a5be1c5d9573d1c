package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.LoadedScenario;

/**
 * The invariants of MODEL.md section 4, checked after every step of full runs with shocks,
 * entry, exit and relocation on. Tolerances are relative round-off: 1e-10.
 */
class InvariantsTest {

    private static final double TOLERANCE = 1e-10;

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), what);
    }

    /** Checks clearing and conservation after each step. */
    private static final class Checker implements StepObserver {
        double workers = -1;
        double talent = -1;
        double arrivedWorkers;
        double arrivedTalent;
        int steps;

        @Override
        public void stepped(YrdModel m) {
            Structure st = m.structure();
            CellSums t = m.totals();
            double allWorkers = 0;
            double allTalent = 0;
            for (Province p : m.provinces()) {
                double usedWorkers = 0;
                double usedTalent = 0;
                double usedCapital = 0;
                double bought = 0;
                double workerBids = 0;
                for (int s = 0; s < st.sectors; s++) {
                    int c = st.cell(p.getIndex(), s);
                    usedWorkers += t.workers[c];
                    usedTalent += t.talent[c];
                    usedCapital += t.capital[c];
                    bought += t.licences[c];
                    workerBids += st.beta[s] * t.plan[c];
                }
                String where = "step " + m.step() + " " + p.getName();
                // Residents who worked this step: today's stock less this step's net migration.
                close(p.getWorkers() - p.getNetMigrationWorkers(), usedWorkers, where + ": workers clear");
                close(p.getTalent() - p.getNetMigrationTalent(), usedTalent, where + ": talent clears");
                close(p.getCapitalSupply(), usedCapital, where + ": capital clears");
                close(p.getTechSupply(), bought, where + ": licences clear");
                close(workerBids, p.getWage() * (p.getWorkers() - p.getNetMigrationWorkers()),
                        where + ": bids equal price times supply");
                double placed = 0;
                for (Province q : m.provinces()) {
                    placed += p.getPlaced(q.getIndex());
                }
                close(p.getCapitalOwned(), placed, where + ": placement conserves the owner's capital");
                allWorkers += p.getWorkers();
                allTalent += p.getTalent();
                arrivedWorkers += p.getRocNetWorkers();
                arrivedTalent += p.getRocNetTalent();
            }
            if (workers < 0) {
                workers = allWorkers;
                talent = allTalent;
                arrivedWorkers = 0;
                arrivedTalent = 0;
            }
            // The delta is open: its people change only by the net arrivals from the rest of China.
            close(workers + arrivedWorkers, allWorkers, "step " + m.step() + ": migration conserves workers");
            close(talent + arrivedTalent, allTalent, "step " + m.step() + ": migration conserves talent");
            steps++;
        }
    }

    private static void checkRun(LoadedScenario loaded, int steps) {
        YrdModel m = TestModels.model(loaded, 11, EnterpriseEngine.Kind.FAST, 2);
        Checker checker = new Checker();
        m.addObserver(checker);
        m.start();
        for (int k = 0; k < steps; k++) {
            m.schedule.step(m);
        }
        m.finish();
        assertEquals(steps, checker.steps);
    }

    @Test
    void marketsClearAndFactorsAreConservedInTwoRegions() {
        checkRun(TestModels.load(TestModels.TWO_REGIONS, List.of("time.steps=24")), 24);
    }

    @Test
    void marketsClearAndFactorsAreConservedInTheBaseline() {
        checkRun(TestModels.load(TestModels.BASELINE, List.of("enterprises.scale=0.02", "time.steps=12")), 12);
    }

    @Test
    void calibrationReproducesThePapersRevenuesAtStepZero() {
        LoadedScenario loaded = TestModels.load(TestModels.BASELINE, List.of("enterprises.scale=0.05",
                "time.steps=1"));
        YrdModel m = TestModels.started(loaded, 3, EnterpriseEngine.Kind.FAST, 1);
        m.schedule.step(m);
        for (Sector sector : m.sectors()) {
            double target = loaded.scenario().sectors().get(sector.getIndex()).revenue() / 4;
            assertEquals(target, sector.getRevenue(), 1e-3 * target, sector.getName() + " (MODEL.md 4: to 0.1%)");
            // In fact it holds to round-off, by construction.
            assertEquals(target, sector.getRevenue(), 1e-9 * target, sector.getName());
        }
        m.finish();
    }

    @Test
    void closedRoutesLetNoFactorCrossABorder() {
        List<String> sets = new ArrayList<>(List.of("time.steps=16", "enterprises.scale=0.02",
                "barriers.labor.scale=100", "barriers.capital.scale=100", "barriers.technology.scale=100"));
        LoadedScenario loaded = TestModels.load(TestModels.BASELINE, sets);
        YrdModel m = TestModels.started(loaded, 5, EnterpriseEngine.Kind.FAST, 1);
        for (double b : m.levers().labor[0]) {
            assertTrue(b == 0 || b == 1);
        }
        double[] crossed = new double[Factor.values().length];
        int regions = m.structure().regions;
        for (int k = 0; k < 16; k++) {
            m.schedule.step(m);
            for (Factor f : Factor.values()) {
                double[] flows = m.flows(f);
                for (int p = 0; p < regions; p++) {
                    for (int q = 0; q < regions; q++) {
                        if (p != q) {
                            crossed[f.ordinal()] += flows[p * regions + q];
                        }
                    }
                }
            }
        }
        for (Factor f : Factor.values()) {
            assertEquals(0.0, crossed[f.ordinal()], 0, f.label() + " crossed a closed border");
        }
        m.finish();
    }
}
