package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Channels;
import yrdsim.scenario.Parameters;

/**
 * Agglomeration (docs/MODEL.md 7.1, MODEL.md step 2): the MAR term of a cell's employment, the
 * Jacobs term of its region's diversity and the development-zone term, which every firm of the
 * cell adds to ln Ã. The step and the step-0 calibration both compute the term and the
 * diversity here.
 *
 * <p>Reads last step's employment by cell ({@link CellSums}) with the labour and talent barriers, each region's diversity
 * ({@link Province}) and the zone levers; writes {@link StepContext#cellTerm}.
 */
final class Agglomeration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Structure st;
    private final Province[] provinces;
    private final CellSums totals;
    /** The cross-border part of each cell's effective employment at step 0 (held when the channel is off). */
    private final double[] crossBorder0;

    Agglomeration(Structure st, Province[] provinces, CellSums totals) {
        this.st = st;
        this.provinces = provinces;
        this.totals = totals;
        crossBorder0 = new double[st.cells];
    }

    /**
     * Step 2: the term of every cell from last step's aggregates. Without the agglomeration
     * channel the employment other provinces add is held at its step-0 level.
     */
    void prepare(StepContext x, Levers levers, Parameters k, Channels channels) {
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            double own = totals.workers[c] + totals.talent[c];
            double across = channels.agglomeration() ? crossBorder(st, levers, totals.workers, totals.talent, c)
                    : crossBorder0[c];
            x.cellTerm[c] = term(st, k, c, own + across, provinces[p].diversity, levers.lnZone[p]);
        }
    }

    /**
     * The employment other provinces add to cell {@code c}'s (MODEL-2 5):
     * Σ_{j≠q} ω_jq [(1 − b^L_jq) W_js + (1 − b^H_jq) H_js], workers across the labour barrier and
     * talent across the talent barrier, both discounted by distance. A cell's effective
     * employment Ẽ is its own workers and talent plus this.
     */
    static double crossBorder(Structure st, Levers levers, double[] workers, double[] talent, int c) {
        int q = st.regionOf(c);
        int s = st.sectorOf(c);
        double sum = 0;
        for (int j = 0; j < st.regions; j++) {
            if (j != q) {
                int from = st.cell(j, s);
                sum += st.distanceDecay[j][q]
                        * ((1 - levers.labor[j][q]) * workers[from] + (1 - levers.talent[j][q]) * talent[from]);
            }
        }
        return sum;
    }

    /** Step 0: the cross-border employment of every cell at the status-quo barriers. */
    double[] calibrate(Levers neutral, double[] workers, double[] talent) {
        for (int c = 0; c < st.cells; c++) {
            crossBorder0[c] = crossBorder(st, neutral, workers, talent, c);
        }
        return crossBorder0;
    }

    /** φ^MAR ln(1 + Ẽ/E0) + φ^Jac D + ln zone of cell {@code c} with effective employment {@code employment}. */
    static double term(Structure st, Parameters k, int c, double employment, double diversity, double lnZone) {
        int s = st.sectorOf(c);
        return FirmRules.cellTerm(st.phiMar[s], employment, k.agglomerationScale(), st.phiJacobs[s], diversity, lnZone);
    }

    /** Jacobs diversity 1 − Σ_s (Y_ps/Y_p)² of region {@code p} from revenue by cell; 0 without revenue. */
    static double diversity(Structure st, double[] revenueByCell, int p, double regionRevenue) {
        double squares = 0;
        for (int s = 0; s < st.sectors && regionRevenue > 0; s++) {
            double share = revenueByCell[st.cell(p, s)] / regionRevenue;
            squares += share * share;
        }
        return regionRevenue > 0 ? 1 - squares : 0;
    }
}
