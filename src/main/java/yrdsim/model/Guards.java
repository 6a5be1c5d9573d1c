package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Period;
import yrdsim.scenario.Scenario;

/**
 * Numeric guards: a non-finite or negative value in a stock, price or output stops the run
 * with a message that names the step, region, sector and variable (MODEL.md 2b). They check
 * aggregates, which carry any bad firm value into their cell. One instance per model; the model
 * tells it the step being run, so the submodels that hold it need not know the schedule.
 */
final class Guards implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The largest factor by which a price may move in one quarter. Beyond it the model has left
     * the region where its equations describe an economy (a runaway cobweb, a market emptied by
     * one firm); the run stops rather than report such numbers as results.
     */
    static final double MAX_PRICE_CHANGE = 100;

    private final Structure st;
    private final Period start;
    private int step;

    Guards(Structure st, Period start) {
        this.st = st;
        this.start = start;
    }

    /** The step whose values are checked from now on. */
    void at(int step) {
        this.step = step;
    }

    void finiteNonNegative(int p, int s, String variable, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw failure(p, s, variable, value);
        }
    }

    void finitePositive(int p, int s, String variable, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw failure(p, s, variable, value);
        }
    }

    void finite(int p, int s, String variable, double value) {
        if (!Double.isFinite(value)) {
            throw failure(p, s, variable, value);
        }
    }

    /** Stops the run if a price moved by more than {@link #MAX_PRICE_CHANGE} in one step. */
    void plausibleChange(int p, int s, String variable, double before, double after) {
        if (before > 0 && after > 0 && (after > MAX_PRICE_CHANGE * before || before > MAX_PRICE_CHANGE * after)) {
            throw new ModelException(where(p, s) + ": " + variable + " moved from " + before + " to " + after
                    + " in one quarter (more than " + (int) MAX_PRICE_CHANGE
                    + "-fold); the dynamics are unstable with these settings");
        }
    }

    /** Every firm sum of every cell after the settle phase. */
    void checkCells(CellSums t) {
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            finiteNonNegative(p, s, "revenue", t.revenue[c]);
            finiteNonNegative(p, s, "output", t.output[c]);
            finiteNonNegative(p, s, "employment", t.workers[c]);
            finiteNonNegative(p, s, "talent", t.talent[c]);
            finiteNonNegative(p, s, "capital", t.capital[c]);
            finiteNonNegative(p, s, "knowledge", t.knowledge[c]);
            finiteNonNegative(p, s, "planned_spending", t.planEnd[c]);
            finite(p, s, "profit", t.profit[c]);
        }
        for (int s = 0; s < st.sectors; s++) {
            finite(-1, s, "ln_tfp", t.lnA[s]);
        }
    }

    /** A province's stocks after its dynamics. */
    void province(Province province) {
        int p = province.index;
        finiteNonNegative(p, -1, "workers", province.workers);
        finiteNonNegative(p, -1, "talent", province.talent);
        finiteNonNegative(p, -1, "capital_owned", province.capitalOwned);
        finiteNonNegative(p, -1, "public_research", province.publicResearch);
        for (double placed : province.placed) {
            finiteNonNegative(p, -1, "capital_placed", placed);
        }
    }

    /**
     * Entry of {@code entrants} (expected or drawn) into a cell of an economy of {@code firms}:
     * an entry rate that explodes would otherwise exhaust memory rather than stop with a message.
     */
    void entry(int p, int s, double entrants, int firms) {
        finiteNonNegative(p, s, "entrants", entrants);
        if (firms + entrants > Scenario.MAX_ENTERPRISES) {
            throw new ModelException(where(p, s) + ": " + Math.round(entrants) + " entrants would take the run past "
                    + Scenario.MAX_ENTERPRISES + " enterprises (entry is exploding)");
        }
    }

    /** A failure at this step in region {@code p} and sector {@code s} (−1: none), saying {@code what}. */
    ModelException stop(int p, int s, String what) {
        return new ModelException(where(p, s) + ": " + what);
    }

    private ModelException failure(int p, int s, String variable, double value) {
        String what = Double.isNaN(value) ? "is not a number (NaN)"
                : Double.isInfinite(value) ? "is infinite" : "is negative (" + value + ")";
        return new ModelException(where(p, s) + ": " + variable + " " + what);
    }

    private String where(int p, int s) {
        StringBuilder where = new StringBuilder("step ").append(step).append(" (").append(start.plus(step)).append(')');
        if (p >= 0) {
            where.append(", province ").append(st.regionNames[p]);
        }
        if (s >= 0) {
            where.append(", sector ").append(st.sectorNames[s]);
        }
        return where.toString();
    }
}
