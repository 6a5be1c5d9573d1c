package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MODEL-2 9, items 2-4: the channels of an open delta move what they should, each with its
 * counterfactual (the channel switched off, or the delta closed). Every run is the baseline at 3%
 * of its firms (or the two-regions test bed) on a fixed seed, so the pairs share their draws.
 */
class OpenDeltaTest {

    private static final long SEED = 7;

    /** Runs {@code steps} quarters; {@code each} sees the model after every step. */
    private static YrdModel run(Path file, int steps, StepObserver each, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        if (file.equals(TestModels.BASELINE)) {
            all.add("enterprises.scale=0.03");
        }
        all.add("time.steps=" + steps);
        YrdModel m = TestModels.model(TestModels.load(file, all), SEED, EnterpriseEngine.Kind.FAST, 2);
        m.addObserver(each);
        m.start();
        for (int k = 0; k < steps; k++) {
            m.schedule.step(m);
        }
        m.finish();
        return m;
    }

    /** Knowledge created by province, summed over the run. */
    private static double[] created(int steps, String... sets) {
        double[] sum = new double[4];
        run(TestModels.BASELINE, steps, m -> {
            for (Province p : m.provinces()) {
                sum[p.getIndex()] += p.getKnowledgeCreated();
            }
        }, sets);
        return sum;
    }

    /**
     * Knowledge: creation is fed by the talent a cell reaches across technology barriers, so
     * with the technology barrier at 0 every province creates more, in the first quarter (same
     * state, only the reach differs) and over two years. Without the creation channel the first
     * quarter's creation does not depend on the barrier at all.
     */
    @Test
    void aLowerTechnologyBarrierRaisesKnowledgeCreationInEveryProvince() {
        double[] open1 = created(1, "barriers.technology.scale=0");
        double[] status1 = created(1);
        double[] open8 = created(8, "barriers.technology.scale=0");
        double[] status8 = created(8);
        for (int p = 0; p < 4; p++) {
            assertTrue(open1[p] > status1[p], "province " + p + " quarter 1: " + open1[p] + " vs " + status1[p]);
            assertTrue(open8[p] > status8[p], "province " + p + " two years: " + open8[p] + " vs " + status8[p]);
        }
        assertArrayEquals(created(1, "channels.creation=false"),
                created(1, "channels.creation=false", "barriers.technology.scale=0"), 0,
                "without the creation channel the barrier does not reach creation");
    }

    /** The delta's talent and output per worker (revenue over workers and talent) after {@code steps}. */
    private static double[] people(int steps, String... sets) {
        double[] out = new double[2];
        run(TestModels.BASELINE, steps, m -> {
            double talent = 0;
            double people = 0;
            double revenue = 0;
            for (Province p : m.provinces()) {
                talent += p.getTalent();
                people += p.getWorkers() + p.getTalent();
                revenue += p.getRevenue();
            }
            out[0] = talent;
            out[1] = revenue / people;
        }, sets);
        return out;
    }

    /**
     * Labour: lower hukou barriers on the rest of China bring the delta more talent; lower
     * barriers between provinces move people to where they produce more, raising aggregate output
     * per worker. Counterfactual: a closed delta (no rest of China) gains no talent from the
     * external barriers, to the last bit. Four years.
     */
    @Test
    void lowerLabourBarriersRaiseTheDeltasTalentAndOutputPerWorker() {
        double[] status = people(16);
        double[] external = people(16, "barriers.external.scale=0");
        double[] internal = people(16, "barriers.labor.scale=0");
        System.out.println("OpenDeltaTest: talent " + status[0] + " -> " + external[0] + " (external barriers 0); "
                + "output per worker " + status[1] + " -> " + internal[1] + " (labour barriers 0)");
        assertTrue(external[0] > status[0], "talent " + external[0] + " vs " + status[0]);
        assertTrue(internal[1] > status[1], "output per worker " + internal[1] + " vs " + status[1]);
        String[] closed = {"rest_of_china.workers=0", "rest_of_china.talent=0"};
        double[] closedStatus = people(16, closed);
        String[] closedFree = Arrays.copyOf(closed, 3);
        closedFree[2] = "barriers.external.scale=0";
        assertEquals(closedStatus[0], people(16, closedFree)[0], 0, "a closed delta ignores the external barriers");
    }

    /** Each cell's agglomeration term in the first quarter. */
    private static double[] cellTerms(String... sets) {
        double[][] out = new double[1][];
        run(TestModels.BASELINE, 1, m -> out[0] = m.context().cellTerm.clone(), sets);
        return out[0];
    }

    /**
     * Agglomeration across borders: with the labour barriers at 0 every cell counts more of its
     * neighbours' employment, so its agglomeration term is larger in the first quarter (same
     * employment, only the barriers differ). Without the channel the terms are identical.
     */
    @Test
    void theCrossBorderAgglomerationGainIsLargerWhenBarriersAreLower() {
        double[] open = cellTerms("barriers.labor.scale=0");
        double[] status = cellTerms();
        for (int c = 0; c < open.length; c++) {
            assertTrue(open[c] > status[c], "cell " + c + ": " + open[c] + " vs " + status[c]);
        }
        assertArrayEquals(cellTerms("channels.agglomeration=false"),
                cellTerms("channels.agglomeration=false", "barriers.labor.scale=0"), 0);
    }

    /** Region A's wage over region B's, less one, after {@code steps}, in two identical regions with a TFP gain in A. */
    private static double wageGap(int steps, String... sets) {
        List<String> all = new ArrayList<>(List.of("regions.0.talent=50", "regions.0.public_research=10",
                "policies.development_zones.A=0.1"));
        all.addAll(List.of(sets));
        double[] gap = new double[1];
        run(TestModels.TWO_REGIONS, steps, m -> gap[0] = m.provinces()[0].getWage() / m.provinces()[1].getWage() - 1,
                all.toArray(String[]::new));
        return gap[0];
    }

    /**
     * Wages: two identical regions, a 10% TFP gain (a development zone) in A from step 1. With
     * free movement of labour the wage gap after eight years is smaller than with closed borders
     * (the barrier at its cap of 1). The size of the difference is printed and stated in
     * docs/MODEL.md.
     */
    @Test
    void freeLabourClosesMoreOfTheWageGapThanClosedBorders() {
        double free = wageGap(32, "barriers.labor.scale=0");
        double closed = wageGap(32, "barriers.labor.scale=100");
        System.out.println("OpenDeltaTest: wage gap after 8 years, free labour " + free + ", closed " + closed);
        assertTrue(closed > 0, "the TFP gain raises A's wage: " + closed);
        assertTrue(free < closed, "free " + free + " vs closed " + closed);
    }

    /**
     * Census: at the assumed migration speed, each province with a census migrant share has its
     * settling rate calibrated so that its step-0 migrant stock is that share of its residents.
     * Checked: each share to 1e-8, every settling rate between 0 and the speed-independent bound
     * of 1 a quarter, and (out of sample, printed for docs/MODEL.md) Anhui's share of Shanghai's
     * migrants, 23-28% in the data.
     */
    @Test
    void stepZeroMigrantStocksMatchTheCensus() {
        YrdModel m = TestModels.started(TestModels.load(TestModels.BASELINE, List.of("enterprises.scale=0.02")), SEED,
                EnterpriseEngine.Kind.FAST, 1);
        double[] census = {0.4214, 0.1216, 0.2507};
        StringBuilder report = new StringBuilder("OpenDeltaTest: migrant shares model/census, settling rate:");
        for (int p = 0; p < 4; p++) {
            Province q = m.provinces()[p];
            report.append(' ').append(q.getName()).append(' ').append(q.getMigrantShare())
                    .append(p < 3 ? "/" + census[p] : "").append(", ").append(m.settlingRate(p)).append(';');
        }
        report.append(" Anhui's share of Shanghai's ").append(m.migrantsFrom(0, 3) / m.migrants(0))
                .append(" (23-28% in the data); worker rate ").append(m.workerMigrationRate());
        System.out.println(report);
        for (int p = 0; p < 3; p++) {
            assertEquals(census[p], m.provinces()[p].getMigrantShare(), 1e-8, report.toString());
            assertTrue(m.settlingRate(p) > 0 && m.settlingRate(p) < 1, report.toString());
        }
        m.finish();
    }
}
