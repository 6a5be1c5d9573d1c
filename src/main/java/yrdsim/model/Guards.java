package yrdsim.model;

/**
 * Numeric guards: a non-finite or negative value in a stock, price or output stops the run
 * with a message that names the step, region, sector and variable (MODEL.md 2b). They check
 * aggregates, which carry any bad firm value into their cell.
 */
final class Guards {

    private Guards() {
    }

    static void finiteNonNegative(YrdModel m, int p, int s, String variable, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw failure(m, p, s, variable, value);
        }
    }

    static void finitePositive(YrdModel m, int p, int s, String variable, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw failure(m, p, s, variable, value);
        }
    }

    static void finite(YrdModel m, int p, int s, String variable, double value) {
        if (!Double.isFinite(value)) {
            throw failure(m, p, s, variable, value);
        }
    }

    /**
     * The largest factor by which a price may move in one quarter. Beyond it the model has left
     * the region where its equations describe an economy (a runaway cobweb, a market emptied by
     * one firm); the run stops rather than report such numbers as results.
     */
    static final double MAX_PRICE_CHANGE = 100;

    /** Stops the run if a price moved by more than {@link #MAX_PRICE_CHANGE} in one step. */
    static void plausibleChange(YrdModel m, int p, int s, String variable, double before, double after) {
        if (before > 0 && after > 0 && (after > MAX_PRICE_CHANGE * before || before > MAX_PRICE_CHANGE * after)) {
            throw new ModelException(where(m, p, s) + ": " + variable + " moved from " + before + " to " + after
                    + " in one quarter (more than " + (int) MAX_PRICE_CHANGE
                    + "-fold); the dynamics are unstable with these settings");
        }
    }

    /** Every firm sum of every cell after the settle phase. */
    static void checkCells(YrdModel m) {
        Structure st = m.st;
        CellSums t = m.totals;
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            finiteNonNegative(m, p, s, "revenue", t.revenue[c]);
            finiteNonNegative(m, p, s, "output", t.output[c]);
            finiteNonNegative(m, p, s, "employment", t.workers[c]);
            finiteNonNegative(m, p, s, "talent", t.talent[c]);
            finiteNonNegative(m, p, s, "capital", t.capital[c]);
            finiteNonNegative(m, p, s, "knowledge", t.knowledge[c]);
            finiteNonNegative(m, p, s, "planned_spending", t.planEnd[c]);
            finite(m, p, s, "profit", t.profit[c]);
        }
        for (int s = 0; s < st.sectors; s++) {
            finite(m, -1, s, "ln_tfp", t.lnA[s]);
        }
    }

    /** A province's stocks after its dynamics. */
    static void province(YrdModel m, Province province) {
        int p = province.index;
        finiteNonNegative(m, p, -1, "workers", province.workers);
        finiteNonNegative(m, p, -1, "talent", province.talent);
        finiteNonNegative(m, p, -1, "capital_owned", province.capitalOwned);
        finiteNonNegative(m, p, -1, "public_research", province.publicResearch);
        for (double placed : province.placed) {
            finiteNonNegative(m, p, -1, "capital_placed", placed);
        }
    }

    /**
     * Entry of {@code entrants} (expected or drawn) into a cell: an entry rate that explodes
     * would otherwise exhaust memory rather than stop with a message.
     */
    static void entry(YrdModel m, int p, int s, double entrants) {
        finiteNonNegative(m, p, s, "entrants", entrants);
        if (m.engine.size() + entrants > yrdsim.scenario.Scenario.MAX_ENTERPRISES) {
            throw new ModelException(where(m, p, s) + ": " + Math.round(entrants) + " entrants would take the run past "
                    + yrdsim.scenario.Scenario.MAX_ENTERPRISES + " enterprises (entry is exploding)");
        }
    }

    private static ModelException failure(YrdModel m, int p, int s, String variable, double value) {
        String what = Double.isNaN(value) ? "is not a number (NaN)"
                : Double.isInfinite(value) ? "is infinite" : "is negative (" + value + ")";
        return new ModelException(where(m, p, s) + ": " + variable + " " + what);
    }

    private static String where(YrdModel m, int p, int s) {
        StringBuilder where = new StringBuilder("step ").append(m.step).append(" (").append(m.period(m.step)).append(')');
        if (p >= 0) {
            where.append(", province ").append(m.st.regionNames[p]);
        }
        if (s >= 0) {
            where.append(", sector ").append(m.st.sectorNames[s]);
        }
        return where.toString();
    }
}
