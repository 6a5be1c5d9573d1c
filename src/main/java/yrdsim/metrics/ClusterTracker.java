package yrdsim.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import yrdsim.model.CellSums;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Parameters;

/**
 * Tracks clusters through a run (MODEL.md section 3): cells that emerge and dissolve as
 * clusters, and the first step at which each sector's annual revenue reaches each of the
 * paper's yardsticks (500 bn and 1 tn yuan). Its events become {@code clusters.csv} at the end,
 * in order of step, province, sector and event.
 */
final class ClusterTracker implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ClusterDetector detector;
    private final List<Double> thresholds;
    /** Step at which each sector first reached each threshold, −1 if not yet. */
    private final int[][] thresholdStep;
    private final List<RunTables.ClusterRow> events = new ArrayList<>();
    private int emerged;
    private int iotfEmerged;

    ClusterTracker(Structure st, Parameters p) {
        detector = CellShares.detector(st, p);
        thresholds = List.copyOf(p.revenueThresholds());
        thresholdStep = new int[st.sectors][thresholds.size()];
        for (int[] row : thresholdStep) {
            java.util.Arrays.fill(row, -1);
        }
    }

    /** Takes this step's cells into account. */
    void update(YrdModel m, CellShares shares) {
        Structure st = m.structure();
        CellSums t = m.totals();
        int step = m.step();
        for (ClusterDetector.Event e : detector.update(step, shares.locationQuotient(), t.firmsByCell(),
                shares.sectorShare())) {
            int s = st.sectorOf(e.cell());
            events.add(new RunTables.ClusterRow(e.step(), m.period(e.step()).toString(),
                    st.regionName(st.regionOf(e.cell())), st.sectorName(s),
                    e.emerged() ? "cluster_emerged" : "cluster_dissolved", e.locationQuotient(), null));
            if (e.emerged()) {
                emerged++;
                if (st.iotf(s)) {
                    iotfEmerged++;
                }
            }
        }
        double[] sectorRevenue = new double[st.sectors];
        for (int c = 0; c < st.cells; c++) {
            sectorRevenue[st.sectorOf(c)] += t.revenue(c);
        }
        String period = m.period(step).toString();
        for (int s = 0; s < st.sectors; s++) {
            for (int k = 0; k < thresholds.size(); k++) {
                double annual = 4 * sectorRevenue[s];
                if (thresholdStep[s][k] < 0 && annual >= thresholds.get(k)) {
                    thresholdStep[s][k] = step;
                    events.add(new RunTables.ClusterRow(step, period, RunTables.WHOLE_DELTA, st.sectorName(s),
                            thresholdEvent(thresholds.get(k)), null, annual));
                }
            }
        }
    }

    /** The event name for an annual revenue threshold in bn yuan: 500 → revenue_500bn, 1000 → revenue_1tn. */
    static String thresholdEvent(double threshold) {
        if (threshold >= 1000 && threshold % 1000 == 0) {
            return "revenue_" + (long) (threshold / 1000) + "tn";
        }
        return "revenue_" + (threshold == Math.rint(threshold) ? Long.toString((long) threshold)
                : Double.toString(threshold)) + "bn";
    }

    /** Every event so far, by step, province, sector and event. */
    List<RunTables.ClusterRow> events() {
        List<RunTables.ClusterRow> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingInt(RunTables.ClusterRow::step).thenComparing(RunTables.ClusterRow::province)
                .thenComparing(RunTables.ClusterRow::sector).thenComparing(RunTables.ClusterRow::event));
        return sorted;
    }

    /** The step sector {@code s} first reached threshold {@code k}, or −1. */
    int thresholdStep(int s, int k) {
        return thresholdStep[s][k];
    }

    /** The thresholds, bn yuan per year. */
    List<Double> thresholds() {
        return thresholds;
    }

    /** Whether cell {@code c} is a cluster now. */
    boolean isActive(int c) {
        return detector.isActive(c);
    }

    /** Clusters that emerged so far. */
    int emerged() {
        return emerged;
    }

    /** IotF clusters that emerged so far. */
    int iotfEmerged() {
        return iotfEmerged;
    }
}
