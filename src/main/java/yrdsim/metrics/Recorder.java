package yrdsim.metrics;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
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
 * Observes a run and emits tidy rows: the tables declared in {@link RunTables} (provinces,
 * sectors and flows every step, firm snapshots on request, cluster events at the end), and the
 * summary, built from {@link RunTotals} and {@link ClusterTracker}. It reads the model and never
 * changes it.
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

    private final int firmsEvery;
    private RunStamp stamp;
    private transient TableSink sink;
    private transient long busyNanos;
    private transient RowSink provinces;
    private transient RowSink sectors;
    private transient RowSink flows;
    private transient RowSink firms;
    private transient RowSink demand;
    private final RunTotals totals = new RunTotals();
    private ClusterTracker clusters;

    /**
     * A recorder writing through {@code sink}, its rows stamped as the run {@code SCENARIO-sSEED}
     * of the model it observes.
     *
     * @param firmsEvery write a firm snapshot every this many steps (0: only at the last step)
     */
    public Recorder(TableSink sink, int firmsEvery) {
        this(sink, firmsEvery, null);
    }

    /**
     * A recorder writing through {@code sink}, every row stamped with {@code stamp}.
     *
     * @param firmsEvery write a firm snapshot every this many steps (0: only at the last step)
     * @param stamp      the run's columns in every table, or null for {@code SCENARIO-sSEED}
     */
    public Recorder(TableSink sink, int firmsEvery, RunStamp stamp) {
        this.sink = sink;
        this.firmsEvery = firmsEvery;
        this.stamp = stamp;
    }

    @Override
    public void started(YrdModel m) {
        if (stamp == null) {
            String name = m.scenario().name();
            stamp = RunStamp.of(RunStamp.runId(name, m.seed(), List.of()), name, m.seed());
        }
        clusters = new ClusterTracker(m.structure(), m.scenario().parameters());
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
        provinces = guarded(RunTables.PROVINCES);
        sectors = guarded(RunTables.SECTORS);
        flows = guarded(RunTables.FLOWS);
        firms = guarded(RunTables.FIRMS);
        demand = guarded(RunTables.DEMAND);
    }

    private RowSink guarded(TableLayout<?> table) throws IOException {
        return new GuardedRows(table.name(), table.header(), table.open(sink, stamp));
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
        for (Province p : m.provinces()) {
            RunTables.PROVINCES.write(provinces, new RunTables.ProvinceRow(step, period, p, m.government()));
        }
        totals.update(m);

        CellShares shares = CellShares.of(st, t);
        double[] entries = m.entries();
        for (int c = 0; c < st.cells; c++) {
            RunTables.SECTORS.write(sectors, new RunTables.CellRow(step, period, st, t, c,
                    shares.locationQuotient()[c], entries[c], m.sectors()[st.sectorOf(c)].getPrice()));
        }
        for (Factor factor : Factor.values()) {
            double[] amount = m.flows(factor);
            for (int p = 0; p < st.regions; p++) {
                for (int q = 0; q < st.regions; q++) {
                    if (p != q) {
                        RunTables.FLOWS.write(flows, new RunTables.FlowRow(step, period, factor.label(),
                                st.regionName(p), st.regionName(q), amount[p * st.regions + q]));
                    }
                }
            }
        }
        for (int s = 0; s < st.sectors; s++) {
            RunTables.DEMAND.write(demand, new RunTables.DemandRow(step, period, st, m.demand(), s,
                    m.sectors()[s].getPrice(), m.sectors()[s].getOutput()));
        }
        clusters.update(m, shares);

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
            if (failure[0] == null) {
                try {
                    RunTables.FIRMS.write(firms, new RunTables.FirmRow(step, period, st, pv[f.province()], f));
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Writes the cluster events, closes every table and returns the summary: headline figures
     * of the run as a JSON-ready map, in which every number is finite.
     */
    public Map<String, Object> finish(YrdModel m) throws IOException {
        try (RowSink events = guarded(RunTables.CLUSTERS)) {
            for (RunTables.ClusterRow row : clusters.events()) {
                RunTables.CLUSTERS.write(events, row);
            }
        }
        provinces.close();
        sectors.close();
        flows.close();
        firms.close();
        demand.close();
        Map<String, Object> summary = Summary.of(m, totals, clusters);
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
}
