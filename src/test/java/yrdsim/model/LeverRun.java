package yrdsim.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * One short run of a scenario with overrides, and the quantities the lever tests compare: flows,
 * entries, innovations and R&amp;D summed over the run, and the state at its end. Two runs that
 * differ only in a policy share the seed, so their firm draws are common random numbers and the
 * difference is the policy's.
 */
final class LeverRun implements StepObserver {

    /** The test bed of two regions, A and B. */
    static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    /** The calibrated four-province baseline. */
    static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    final Structure st;
    /** Cross-border flows summed over the run, by factor, [origin·P + destination]. */
    final double[][] flows = new double[Factor.values().length][];
    /** Summed over the run, by cell. */
    final double[] entries;
    final double[] innovations;
    final double[] rd;
    final double[] subsidies;
    final double[] exits;
    /** Net talent migration into each region, summed over the run. */
    final double[] netTalent;
    /** At the end of the run, by cell. */
    final double[] revenue;
    final double[] output;
    final double[] firms;
    /** At the end of the run, by region. */
    final double[] publicResearch;
    final double[] talent;
    /** Revenue of every living firm at the end, by sector. */
    final List<List<Double>> firmRevenues = new ArrayList<>();

    private LeverRun(Structure st) {
        this.st = st;
        for (Factor f : Factor.values()) {
            flows[f.ordinal()] = new double[st.regions * st.regions];
        }
        entries = new double[st.cells];
        innovations = new double[st.cells];
        rd = new double[st.cells];
        subsidies = new double[st.cells];
        exits = new double[st.cells];
        netTalent = new double[st.regions];
        revenue = new double[st.cells];
        output = new double[st.cells];
        firms = new double[st.cells];
        publicResearch = new double[st.regions];
        talent = new double[st.regions];
        for (int s = 0; s < st.sectors; s++) {
            firmRevenues.add(new ArrayList<>());
        }
    }

    /** Runs {@code scenario} for {@code steps} quarters on the fast engine with one thread. */
    static LeverRun run(Path scenario, int steps, long seed, String... overrides) {
        List<String> all = new ArrayList<>(Arrays.asList(overrides));
        all.add("time.steps=" + steps);
        LoadedScenario loaded;
        try {
            loaded = ScenarioLoader.load(scenario, all);
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario invalid: " + e.getMessage(), e);
        }
        YrdModel m = TestModels.model(loaded, seed, EnterpriseEngine.Kind.FAST, 1);
        m.start();
        LeverRun run = new LeverRun(m.structure());
        m.addObserver(run);
        try {
            for (int k = 0; k < steps; k++) {
                m.schedule.step(m);
            }
            run.finish(m);
        } finally {
            m.finish();
        }
        return run;
    }

    @Override
    public void stepped(YrdModel m) {
        for (Factor f : Factor.values()) {
            double[] step = m.flows(f);
            for (int i = 0; i < step.length; i++) {
                flows[f.ordinal()][i] += step[i];
            }
        }
        CellSums t = m.totals();
        double[] in = m.entries();
        for (int c = 0; c < st.cells; c++) {
            entries[c] += in[c];
            innovations[c] += t.innovations[c];
            rd[c] += t.rd[c];
            subsidies[c] += t.subsidy[c];
            exits[c] += t.exits[c];
        }
        for (Province p : m.provinces()) {
            netTalent[p.getIndex()] += p.getNetMigrationTalent();
        }
    }

    private void finish(YrdModel m) {
        CellSums t = m.totals();
        System.arraycopy(t.revenue, 0, revenue, 0, st.cells);
        System.arraycopy(t.output, 0, output, 0, st.cells);
        System.arraycopy(t.firms, 0, firms, 0, st.cells);
        for (Province p : m.provinces()) {
            publicResearch[p.getIndex()] = p.getPublicResearch();
            talent[p.getIndex()] = p.getTalent();
        }
        m.engine().forEach(f -> firmRevenues.get(f.sector()).add(f.revenue()));
    }

    int region(String name) {
        return Arrays.asList(st.regionNames).indexOf(name);
    }

    int sector(String name) {
        return Arrays.asList(st.sectorNames).indexOf(name);
    }

    int cell(String region, String sector) {
        return st.cell(region(region), sector(sector));
    }

    /** Cross-border flow of {@code factor} summed over the run and over every route. */
    double crossBorder(Factor factor) {
        double sum = 0;
        for (int p = 0; p < st.regions; p++) {
            for (int q = 0; q < st.regions; q++) {
                if (p != q) {
                    sum += flows[factor.ordinal()][p * st.regions + q];
                }
            }
        }
        return sum;
    }

    /** Flow of {@code factor} from {@code origin} to {@code destination}, summed over the run. */
    double flow(Factor factor, String origin, String destination) {
        return flows[factor.ordinal()][region(origin) * st.regions + region(destination)];
    }

    /** Sum of {@code values} over the cells of {@code sector}. */
    double sectorSum(double[] values, String sector) {
        int s = sector(sector);
        double sum = 0;
        for (int p = 0; p < st.regions; p++) {
            sum += values[st.cell(p, s)];
        }
        return sum;
    }

    /** Sum of {@code values} over the IotF cells of {@code region}. */
    double iotfSum(double[] values, String region) {
        int p = region(region);
        double sum = 0;
        for (int s = 0; s < st.sectors; s++) {
            if (st.iotf[s]) {
                sum += values[st.cell(p, s)];
            }
        }
        return sum;
    }

    /** Revenue of {@code region} at the end of the run. */
    double regionRevenue(String region) {
        int p = region(region);
        double sum = 0;
        for (int s = 0; s < st.sectors; s++) {
            sum += revenue[st.cell(p, s)];
        }
        return sum;
    }

    /** Revenue of every cell at the end of the run. */
    double totalRevenue() {
        return Arrays.stream(revenue).sum();
    }

    /** Share of the largest {@code topShare} of firms in the revenue of {@code sector} at the end. */
    double topFirmShare(String sector, double topShare) {
        double[] r = firmRevenues.get(sector(sector)).stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int top = Math.max(1, (int) Math.ceil(topShare * r.length));
        double all = Arrays.stream(r).sum();
        double largest = 0;
        for (int i = r.length - top; i < r.length; i++) {
            largest += r[i];
        }
        return largest / all;
    }

    /** Emissions of the last quarter, t CO2: each cell's output times its sector's intensity (t per million yuan). */
    double emissions() {
        double total = 0;
        for (int c = 0; c < st.cells; c++) {
            total += st.emissions(st.sectorOf(c), output[c]);
        }
        return total;
    }
}
