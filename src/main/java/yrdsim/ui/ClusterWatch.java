package yrdsim.ui;

import yrdsim.metrics.CellShares;
import yrdsim.metrics.ClusterDetector;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * Follows cluster emergence for the GUI with the recorder's detector and thresholds, so the map
 * highlights exactly the (region, sector) cells that clusters.csv would record. Fed after every
 * step by the GUI; it reads the model and never changes it.
 */
final class ClusterWatch {

    private ClusterDetector detector;
    private double[] locationQuotient = new double[0];
    private double[] sectorShare = new double[0];
    private int emerged;
    private int active;

    /** Forgets everything: a new run starts. */
    void start(YrdModel m) {
        Structure st = m.structure();
        detector = CellShares.detector(st, m.scenario().parameters());
        locationQuotient = new double[st.cells];
        sectorShare = new double[st.cells];
        emerged = 0;
        active = 0;
    }

    /** Reads the step {@code m} has just completed. */
    void observe(YrdModel m) {
        Structure st = m.structure();
        CellShares shares = CellShares.of(st, m.totals());
        locationQuotient = shares.locationQuotient();
        sectorShare = shares.sectorShare();
        for (ClusterDetector.Event e : detector.update(m.step() - 1, locationQuotient, m.totals().firmsByCell(), sectorShare)) {
            if (e.emerged()) {
                emerged++;
            }
        }
        active = 0;
        for (int c = 0; c < st.cells; c++) {
            if (detector.isActive(c)) {
                active++;
            }
        }
    }

    /** Whether cell {@code c} is a cluster now. */
    boolean isActive(int c) {
        return detector != null && detector.isActive(c);
    }

    /** Location quotient of cell {@code c} in the last step. */
    double locationQuotient(int c) {
        return c < locationQuotient.length ? locationQuotient[c] : 0;
    }

    /** Cell {@code c}'s share of its sector's revenue in the last step. */
    double sectorShare(int c) {
        return c < sectorShare.length ? sectorShare[c] : 0;
    }

    /** Clusters active now. */
    int active() {
        return active;
    }

    /** Clusters that have emerged since the run started (a cell that dissolves and re-emerges counts twice). */
    int emerged() {
        return emerged;
    }
}
