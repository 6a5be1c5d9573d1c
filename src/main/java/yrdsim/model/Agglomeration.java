package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Parameters;

/**
 * Agglomeration (docs/MODEL.md 7.1, MODEL.md step 2): the MAR term of a cell's employment, the
 * Jacobs term of its region's diversity and the development-zone term, which every firm of the
 * cell adds to ln Ã. The step and the step-0 calibration both compute the term and the
 * diversity here.
 *
 * <p>Reads last step's employment by cell ({@link CellSums}), each region's diversity
 * ({@link Province}) and the zone levers; writes {@link StepContext#cellTerm}.
 */
final class Agglomeration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Structure st;
    private final Province[] provinces;
    private final CellSums totals;

    Agglomeration(Structure st, Province[] provinces, CellSums totals) {
        this.st = st;
        this.provinces = provinces;
        this.totals = totals;
    }

    /** Step 2: the term of every cell from last step's aggregates. */
    void prepare(StepContext x, Levers levers, Parameters k) {
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            x.cellTerm[c] = term(st, k, c, totals.workers[c] + totals.talent[c], provinces[p].diversity,
                    levers.lnZone[p]);
        }
    }

    /** φ^MAR ln(1 + E/E0) + φ^Jac D + ln zone of cell {@code c} with {@code employment} workers and talent. */
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
