package yrdsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import yrdsim.model.CellSums;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.Province;
import yrdsim.model.Sector;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;
import yrdsim.output.Manifest;
import yrdsim.output.RunFailure;
import yrdsim.output.Verification;
import yrdsim.scenario.LoadedScenario;

/**
 * Settings at the edge of what is valid run to the end with every invariant holding at every
 * step: each factor market clears (what firms use equals what is supplied, or nothing when the
 * market has no supply or no demand), people are conserved by migration, the firm count
 * matches the cell sums, every stock and price is finite and non-negative; and the run
 * directory is complete with no NaN or Infinity in any table.
 */
class ExtremeSettingsTest {

    private static final Path SCENARIO = Path.of("scenarios/two-regions.yaml");
    private static final int STEPS = 12;
    /** Relative tolerance of the market-clearing sums: a few roundings per firm. */
    private static final double CLEARING = 1e-9;

    @TempDir
    Path tmp;

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("all barriers 0", List.of("barriers.labor.scale=0", "barriers.capital.scale=0",
                        "barriers.technology.scale=0")),
                Arguments.of("all barriers 1 as written", List.of("barriers.labor.default=1",
                        "barriers.capital.default=1", "barriers.technology.default=1")),
                Arguments.of("all barriers 1 by scale", List.of("barriers.labor.scale=100",
                        "barriers.capital.scale=100", "barriers.technology.scale=100")),
                Arguments.of("zero talent in a province", List.of("regions.A.talent=0")),
                Arguments.of("zero workers in a province", List.of("regions.B.workers=0")),
                Arguments.of("no talent anywhere", List.of("regions.A.talent=0", "regions.B.talent=0")),
                // Every lever on at once, each high but together within what the budgets can pay;
                // beyond that the run stops with the budget's message (see everySubsidyAtItsTop...).
                Arguments.of("every subsidy lever on at once", List.of("policies.division_of_labor.A.iotf=0.2",
                        "policies.division_of_labor.B.traditional=0.02", "policies.flagship_support.rate=0.02",
                        "policies.flagship_support.top_percent=100", "policies.flagship_support.sectors=[iotf, traditional]",
                        "policies.little_giants.rate=0.02", "policies.little_giants.max_revenue=1000",
                        "policies.little_giants.min_rd_share=0", "policies.innovation_alliances.members=[A, B]",
                        "policies.innovation_alliances.rd_subsidy=0.02", "policies.innovation_alliances.spillover_boost=10",
                        "policies.innovation_alliances.barrier_cut=1", "policies.iotf_incubation.A=10",
                        "policies.innovation_platforms.B=0.05", "policies.talent_program.A.wage_top_up=1",
                        "policies.talent_program.A.barrier_cut=0", "policies.talent_program.A.supply_growth=0",
                        "policies.talent_program.B.wage_top_up=0", "policies.talent_program.B.barrier_cut=1",
                        "policies.talent_program.B.supply_growth=0", "policies.development_zones.B=1")),
                Arguments.of("one firm per cell", List.of("enterprises.scale=1e-6")),
                Arguments.of("no IotF firms at start", List.of("sectors.iotf.firms=0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void runsToTheEndWithEveryInvariantHolding(String name, List<String> settings) throws Exception {
        List<String> overrides = new ArrayList<>(List.of("enterprises.scale=0.2"));
        overrides.addAll(settings);
        RunOptions o = new RunOptions(SCENARIO, overrides, 4L, STEPS, 1, EnterpriseEngine.Kind.FAST, tmp.resolve("run"),
                false, 4, 0, true);

        LoadedScenario loaded = Runner.load(o);
        YrdModel model = new YrdModel(loaded, 4L, Engines.of(EnterpriseEngine.Kind.FAST, 1));
        model.start();
        try {
            for (int k = 0; k < STEPS; k++) {
                stepAndCheck(model);
            }
        } finally {
            model.finish();
        }

        RunResult result = Runner.run(o, Progress.NONE);
        Verification v = Verification.of(result.directory());
        assertTrue(v.intact(), v.problem());
        try (Stream<Path> files = Files.list(result.directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json")).toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains("NaN") || text.contains("Infinity"), file.getFileName() + " holds a non-finite number");
            }
        }
        assertEquals(1 + 2 * STEPS, Files.readAllLines(result.directory().resolve("provinces.csv")).size(),
                "one header and a row per step and province");
    }

    /**
     * Every subsidy at the top of its valid range at once costs several times the value the
     * firms add: the run stops at the first quarter with a message naming the province and the
     * tax it would need (exit 1), and the rows written so far stay in the partial tables.
     */
    @Test
    void aBudgetTheFirmsCannotPayStopsTheRunWithTheTaxItWouldNeed() throws Exception {
        List<String> overrides = List.of("enterprises.scale=0.2", "policies.division_of_labor.A.iotf=0.2",
                "policies.division_of_labor.A.traditional=0.2", "policies.flagship_support.rate=0.05",
                "policies.flagship_support.top_percent=100", "policies.little_giants.rate=1",
                "policies.little_giants.max_revenue=1000", "policies.little_giants.min_rd_share=0");
        RunOptions o = new RunOptions(SCENARIO, overrides, 4L, STEPS, 1, EnterpriseEngine.Kind.FAST, tmp.resolve("broke"),
                false, 4, 0, true);
        RunFailure e = assertThrows(RunFailure.class, () -> Runner.run(o, Progress.NONE));
        assertTrue(e.getMessage().matches("step 0 \\(2020Q1\\), province A: the budget needs a tax of \\d+% of value "
                + "added: its policies cost more than its firms can pay"), e.getMessage());
        assertEquals("failed", Manifest.read(tmp.resolve("broke")).path("status").asText());
    }

    private static void stepAndCheck(YrdModel m) {
        Province[] pv = m.provinces();
        int n = pv.length;
        double[] workers = new double[n];
        double[] talent = new double[n];
        for (Province p : pv) {
            workers[p.getIndex()] = p.getWorkers();
            talent[p.getIndex()] = p.getTalent();
        }
        m.schedule.step(m);

        int step = m.step() - 1;
        Structure st = m.structure();
        CellSums t = m.totals();
        double firms = 0;
        for (int c = 0; c < st.cells; c++) {
            firms += t.firms(c);
        }
        assertEquals(m.firmCount(), firms, 1e-9, "firm count at step " + step);
        double workersAfter = 0;
        double talentAfter = 0;
        for (Province p : pv) {
            int q = p.getIndex();
            String at = "step " + step + ", province " + p.getName() + ": ";
            double usedWorkers = 0;
            double usedTalent = 0;
            double usedCapital = 0;
            double usedLicences = 0;
            for (int s = 0; s < st.sectors; s++) {
                int c = st.cell(q, s);
                usedWorkers += t.workers(c);
                usedTalent += t.talent(c);
                usedCapital += t.capital(c);
                usedLicences += t.licences(c);
            }
            clears(at + "workers", workers[q], p.getWage(), usedWorkers);
            clears(at + "talent", talent[q], p.getTalentWage(), usedTalent);
            clears(at + "capital", p.getCapitalSupply(), p.getInterestRate(), usedCapital);
            clears(at + "licences", p.getTechSupply(), p.getTechPrice(), usedLicences);
            for (double v : new double[] {p.getWorkers(), p.getTalent(), p.getCapitalOwned(), p.getCapitalSupply(),
                p.getPublicResearch(), p.getWage(), p.getTalentWage(), p.getInterestRate(), p.getTechPrice(),
                p.getRevenue(), p.getFirms(), p.getIotfRevenueShare(), p.getOutputPerWorker(), p.getIncome(),
                p.getSubsidies(), p.getCapitalBarrierCost()}) {
                assertTrue(Double.isFinite(v) && v >= 0, at + "a stock or price is " + v);
            }
            assertTrue(Double.isFinite(p.getNetMigrationWorkers()) && Double.isFinite(p.getNetMigrationTalent()), at);
            workersAfter += p.getWorkers();
            talentAfter += p.getTalent();
        }
        double growthW = m.scenario().parameters().workerGrowth();
        double growthH = m.scenario().parameters().talentGrowth();
        assertEquals(sum(workers) * (1 + growthW), workersAfter, 1e-9 * Math.max(1, sum(workers)),
                "workers conserved at step " + step);
        assertEquals(sum(talent) * (1 + growthH), talentAfter, 1e-9 * Math.max(1, sum(talent)),
                "talent conserved at step " + step);
        for (Sector s : m.sectors()) {
            assertTrue(Double.isFinite(s.getPrice()) && s.getPrice() > 0, "step " + step + ", sector " + s.getName());
            assertTrue(Double.isFinite(s.getRevenue()) && s.getRevenue() >= 0, "step " + step + ", sector " + s.getName());
        }
    }

    /** A trading post clears: with a price, firms use exactly the supply; without one, nothing. */
    private static void clears(String what, double supply, double price, double used) {
        if (price > 0) {
            assertEquals(supply, used, CLEARING * supply, what + " used differs from supply");
        } else {
            assertEquals(0, used, 0, what + " used without a market");
        }
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
