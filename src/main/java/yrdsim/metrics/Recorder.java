package yrdsim.metrics;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.model.CellSums;
import yrdsim.model.Factor;
import yrdsim.model.ModelException;
import yrdsim.model.Province;
import yrdsim.model.StepObserver;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * Observes a run and emits tidy rows: provinces, sectors and flows every step, firm snapshots
 * on request, cluster events, and a summary at the end. It reads the model and never changes
 * it; what it keeps between steps is only what the summary needs.
 *
 * <p>Every number is checked before it is written: a NaN or infinity stops the run with a
 * {@link ModelException} naming the step, the row's province, sector or flow, and the column,
 * so no table ever holds one.
 *
 * <p>A recorder is serialized with the model into a checkpoint. Its tables are not: after
 * reading a checkpoint, {@link #reattach} opens them again through a sink that continues the
 * files where the checkpoint left them.
 */
public final class Recorder implements StepObserver, Serializable {

    private static final long serialVersionUID = 1L;

    /** Columns of {@code provinces.csv}. */
    public static final List<String> PROVINCE_COLUMNS = List.of("step", "period", "province", "workers", "talent",
            "capital_supply", "wage", "talent_wage", "interest_rate", "tech_price", "revenue", "firms",
            "iotf_revenue_share", "output_per_worker", "capital_owned", "public_research", "net_migration_workers",
            "net_migration_talent", "income", "capital_barrier_cost", "subsidies");
    /** Columns of {@code sectors.csv}. */
    public static final List<String> SECTOR_COLUMNS = List.of("step", "period", "province", "sector", "iotf", "firms",
            "revenue", "employment", "talent", "knowledge", "location_quotient", "entries", "exits", "profit",
            "innovations", "capital", "subsidies", "price");
    /** Columns of {@code flows.csv}. */
    public static final List<String> FLOW_COLUMNS = List.of("step", "period", "factor", "origin", "destination",
            "amount");
    /** Columns of {@code clusters.csv}. */
    public static final List<String> CLUSTER_COLUMNS = List.of("step", "period", "province", "sector", "event",
            "value");
    /** Columns of {@code firms.csv}. */
    public static final List<String> FIRM_COLUMNS = List.of("step", "period", "id", "province", "sector", "revenue",
            "employment", "talent", "capital", "tfp", "technology", "age");

    private transient TableSink sink;
    private transient long busyNanos;
    private final int firmsEvery;
    private transient RowSink provinces;
    private transient RowSink sectors;
    private transient RowSink flows;
    private transient RowSink firms;
    private ClusterDetector detector;
    private final List<Object[]> clusterRows = new ArrayList<>();
    private int[][] thresholdStep;
    private double[] startOutputPerWorker;
    private int startFirms = -1;
    private double startRevenue;
    private final double[] crossShareSum = new double[Factor.values().length - 1];
    private int stepsRecorded;
    private double subsidiesTotal;
    private double barrierCostTotal;
    private int clustersEmerged;
    private int iotfClustersEmerged;

    /**
     * A recorder writing through {@code sink}.
     *
     * @param firmsEvery write a firm snapshot every this many steps (0: only at the last step)
     */
    public Recorder(TableSink sink, int firmsEvery) {
        this.sink = sink;
        this.firmsEvery = firmsEvery;
    }

    @Override
    public void started(YrdModel m) {
        var p = m.scenario().parameters();
        Structure st = m.structure();
        detector = CellShares.detector(st, p);
        thresholdStep = new int[st.sectors][p.revenueThresholds().size()];
        for (int[] row : thresholdStep) {
            java.util.Arrays.fill(row, -1);
        }
        try {
            openTables();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens the per-step tables again through {@code tables}, after this recorder was read from
     * a checkpoint.
     */
    public void reattach(TableSink tables) throws IOException {
        this.sink = tables;
        openTables();
    }

    private void openTables() throws IOException {
        provinces = guarded("provinces", PROVINCE_COLUMNS);
        sectors = guarded("sectors", SECTOR_COLUMNS);
        flows = guarded("flows", FLOW_COLUMNS);
        firms = guarded("firms", FIRM_COLUMNS);
    }

    private RowSink guarded(String name, List<String> columns) throws IOException {
        return new GuardedRows(name, columns, sink.open(name, columns));
    }

    @Override
    public void stepped(YrdModel m) {
        long start = System.nanoTime();
        try {
            record(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /**
     * Wall time this recorder has spent writing rows since it was created or read from a
     * checkpoint: output, not stepping (a large run's firm snapshot takes longer than its steps).
     */
    public long busyNanos() {
        return busyNanos;
    }

    private void record(YrdModel m) throws IOException {
        Structure st = m.structure();
        CellSums t = m.totals();
        int step = m.step();
        String period = m.period(step).toString();
        Province[] pv = m.provinces();

        double[] perWorker = new double[st.regions];
        for (Province p : pv) {
            perWorker[p.getIndex()] = p.getOutputPerWorker();
            subsidiesTotal += p.getSubsidies();
            barrierCostTotal += p.getCapitalBarrierCost();
            provinces.row(step, period, p.getName(), p.getWorkers(), p.getTalent(), p.getCapitalSupply(), p.getWage(),
                    p.getTalentWage(), p.getInterestRate(), p.getTechPrice(), p.getRevenue(), p.getFirms(),
                    p.getIotfRevenueShare(), p.getOutputPerWorker(), p.getCapitalOwned(), p.getPublicResearch(),
                    p.getNetMigrationWorkers(), p.getNetMigrationTalent(), p.getIncome(), p.getCapitalBarrierCost(),
                    p.getSubsidies());
        }
        if (startOutputPerWorker == null) {
            startOutputPerWorker = perWorker;
            startFirms = m.firmCount();
            startRevenue = totalRevenue(m);
        }

        double[] sectorRevenue = new double[st.sectors];
        for (int c = 0; c < st.cells; c++) {
            sectorRevenue[st.sectorOf(c)] += t.revenue(c);
        }
        CellShares cellShares = CellShares.of(st, t);
        double[] lq = cellShares.locationQuotient();
        double[] share = cellShares.sectorShare();
        double[] entries = m.entries();
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            sectors.row(step, period, st.regionNames[p], st.sectorNames[s], st.iotf[s], t.firms(c), t.revenue(c),
                    t.workers(c) + t.talent(c), t.talent(c), t.knowledge(c), lq[c], entries[c], t.exits(c),
                    t.profit(c), t.innovations(c), t.capital(c), t.subsidy(c), m.sectors()[s].getPrice());
        }

        for (Factor factor : Factor.values()) {
            double[] amount = m.flows(factor);
            for (int p = 0; p < st.regions; p++) {
                for (int q = 0; q < st.regions; q++) {
                    if (p != q) {
                        flows.row(step, period, factor.label(), st.regionNames[p], st.regionNames[q],
                                amount[p * st.regions + q]);
                    }
                }
            }
        }
        double[] cross = crossProvinceShares(m);
        for (int i = 0; i < cross.length; i++) {
            crossShareSum[i] += cross[i];
        }
        stepsRecorded++;

        for (ClusterDetector.Event e : detector.update(step, lq, t.firmsByCell(), share)) {
            int s = st.sectorOf(e.cell());
            clusterRows.add(new Object[] {e.step(), m.period(e.step()).toString(), st.regionNames[st.regionOf(e.cell())],
                st.sectorNames[s], e.emerged() ? "cluster_emerged" : "cluster_dissolved", e.locationQuotient()});
            if (e.emerged()) {
                clustersEmerged++;
                if (st.iotf[s]) {
                    iotfClustersEmerged++;
                }
            }
        }
        List<Double> thresholds = m.scenario().parameters().revenueThresholds();
        for (int s = 0; s < st.sectors; s++) {
            for (int k = 0; k < thresholds.size(); k++) {
                double annual = 4 * sectorRevenue[s];
                if (thresholdStep[s][k] < 0 && annual >= thresholds.get(k)) {
                    thresholdStep[s][k] = step;
                    clusterRows.add(new Object[] {step, period, "ALL", st.sectorNames[s],
                        thresholdEvent(thresholds.get(k)), annual});
                }
            }
        }

        boolean last = step == m.scenario().time().steps() - 1;
        if (last || (firmsEvery > 0 && (step + 1) % firmsEvery == 0)) {
            snapshot(m, step, period);
        }
    }

    private void snapshot(YrdModel m, int step, String period) throws IOException {
        Structure st = m.structure();
        Province[] pv = m.provinces();
        IOException[] failure = new IOException[1];
        m.engine().forEach(f -> {
            if (failure[0] != null) {
                return;
            }
            Province p = pv[f.province()];
            int s = f.sector();
            double workers = yrdsim.model.FirmRules.quantity(st.beta[s] * f.plan(), p.getWage());
            double talent = yrdsim.model.FirmRules.quantity(st.eta[s] * f.plan(), p.getTalentWage());
            try {
                firms.row(step, period, f.id(), p.getName(), st.sectorNames[s], f.revenue(), workers + talent, talent,
                        yrdsim.model.FirmRules.quantity(st.alpha[s] * f.plan(), p.getInterestRate()), Math.exp(f.lnA()),
                        f.tech(), f.age());
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** The event name for an annual revenue threshold in bn yuan: 500 → revenue_500bn, 1000 → revenue_1tn. */
    public static String thresholdEvent(double threshold) {
        if (threshold >= 1000 && threshold % 1000 == 0) {
            return "revenue_" + (long) (threshold / 1000) + "tn";
        }
        return "revenue_" + (threshold == Math.rint(threshold) ? Long.toString((long) threshold)
                : Double.toString(threshold)) + "bn";
    }

    /**
     * Share of each mobile factor that crossed a border this step, in {@link Factor} order
     * without firms: migrants over residents (workers, talent), capital in use owned by another
     * region over all capital in use, technology acquired from other regions over all acquired.
     */
    public static double[] crossProvinceShares(YrdModel m) {
        Structure st = m.structure();
        int n = st.regions;
        double workers = 0;
        double talent = 0;
        double capitalSupply = 0;
        for (Province p : m.provinces()) {
            workers += p.getWorkers();
            talent += p.getTalent();
            capitalSupply += p.getCapitalSupply();
        }
        double[] out = new double[4];
        out[0] = workers > 0 ? offDiagonal(m.flows(Factor.WORKERS), n) / workers : 0;
        out[1] = talent > 0 ? offDiagonal(m.flows(Factor.TALENT), n) / talent : 0;
        double foreignCapital = 0;
        for (Province owner : m.provinces()) {
            for (Province market : m.provinces()) {
                if (owner != market) {
                    foreignCapital += owner.getPlaced(market.getIndex());
                }
            }
        }
        out[2] = capitalSupply > 0 ? foreignCapital / capitalSupply : 0;
        double acquired = 0;
        CellSums t = m.totals();
        for (int c = 0; c < st.cells; c++) {
            acquired += t.licences(c);
        }
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (p != q) {
                    acquired += t.spillover(p * n + q);
                }
            }
        }
        double foreignTech = offDiagonal(m.flows(Factor.TECHNOLOGY), n);
        out[3] = acquired > 0 ? foreignTech / acquired : 0;
        return out;
    }

    private static double offDiagonal(double[] matrix, int n) {
        double sum = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (p != q) {
                    sum += matrix[p * n + q];
                }
            }
        }
        return sum;
    }

    private static double totalRevenue(YrdModel m) {
        double total = 0;
        for (Province p : m.provinces()) {
            total += p.getRevenue();
        }
        return total;
    }

    /**
     * Writes the cluster events, closes every table and returns the summary: headline figures
     * of the run as a JSON-ready map, in which every number is finite.
     */
    public Map<String, Object> finish(YrdModel m) throws IOException {
        clusterRows.sort(Comparator.<Object[]>comparingInt(r -> (Integer) r[0])
                .thenComparing(r -> (String) r[2]).thenComparing(r -> (String) r[3]).thenComparing(r -> (String) r[4]));
        try (RowSink clusters = guarded("clusters", CLUSTER_COLUMNS)) {
            for (Object[] row : clusterRows) {
                clusters.row(row);
            }
        }
        provinces.close();
        sectors.close();
        flows.close();
        firms.close();
        Map<String, Object> summary = Summary.of(m, this);
        checkFinite(m, "", summary);
        return summary;
    }

    /** Refuses a non-finite number anywhere in the summary, naming its key path. */
    private static void checkFinite(YrdModel m, String path, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkFinite(m, path.isEmpty() ? String.valueOf(k) : path + "." + k, v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkFinite(m, path + "." + i, list.get(i));
            }
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            int last = m.step() - 1;
            throw new ModelException("step " + last + " (" + m.period(last) + "): " + path + " in summary.json "
                    + (d.isNaN() ? "is not a number (NaN)" : "is infinite"));
        }
    }

    /**
     * Refuses a row holding a non-finite number, naming where it arose: the step and period,
     * the row's province, sector, factor, origin or destination, and the column.
     */
    private static final class GuardedRows implements RowSink {
        private static final List<String> KEYS = List.of("province", "sector", "factor", "origin", "destination", "id");

        private final String table;
        private final List<String> columns;
        private final RowSink rows;

        GuardedRows(String table, List<String> columns, RowSink rows) {
            this.table = table;
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Double d && !Double.isFinite(d)) {
                    throw new ModelException(where(values) + ": " + columns.get(i) + " in " + table + ".csv "
                            + (d.isNaN() ? "is not a number (NaN)" : "is infinite"));
                }
            }
            rows.row(values);
        }

        private String where(Object[] values) {
            StringBuilder out = new StringBuilder("step ").append(values[0]).append(" (").append(values[1]).append(')');
            for (int i = 2; i < values.length; i++) {
                if (KEYS.contains(columns.get(i))) {
                    out.append(", ").append(columns.get(i)).append(' ').append(values[i]);
                }
            }
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    // Accessors for Summary, which reads what was kept between steps.

    int[][] thresholdSteps() {
        return thresholdStep;
    }

    double[] startOutputPerWorker() {
        return startOutputPerWorker;
    }

    int startFirms() {
        return startFirms;
    }

    double startRevenue() {
        return startRevenue;
    }

    double[] meanCrossShares() {
        double[] mean = crossShareSum.clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] = stepsRecorded > 0 ? mean[i] / stepsRecorded : 0;
        }
        return mean;
    }

    int clustersEmerged() {
        return clustersEmerged;
    }

    int iotfClustersEmerged() {
        return iotfClustersEmerged;
    }

    ClusterDetector detector() {
        return detector;
    }

    double subsidiesTotal() {
        return subsidiesTotal;
    }

    double barrierCostTotal() {
        return barrierCostTotal;
    }
}
