package yrdsim.model;

/**
 * A firm's factor use (MODEL.md step 4): a trading post gives a firm that bids the share e of
 * its planned spending X the quantity e·X/price, so K = αX/r, L = βX/w, H = ηX/h and licences
 * τX/θ. This is the one place that derives it: the settle phase, the recorder's firm snapshot,
 * the summary and the GUI's firm inspector all call it.
 *
 * <p>It multiplies by the inverse price: the firm loop takes the inverse once per region and
 * step, not a division per firm, and everyone else uses the same arithmetic so that a firm's
 * reported talent is the talent its spillovers were computed with, bit for bit.
 */
public final class FactorUse {

    private FactorUse() {
    }

    /** e·X·(1/price): the quantity bought with the share {@code elasticity} of {@code plan}; 0 without a market. */
    public static double quantity(double elasticity, double plan, double inversePrice) {
        return elasticity * plan * inversePrice;
    }

    /** Workers L = βX/w of a firm of sector {@code s} in {@code where}, at its prices of the last step. */
    public static double workers(Structure st, int s, double plan, Province where) {
        return quantity(st.beta[s], plan, FirmRules.inverse(where.wage));
    }

    /** Talent H = ηX/h. */
    public static double talent(Structure st, int s, double plan, Province where) {
        return quantity(st.eta[s], plan, FirmRules.inverse(where.talentWage));
    }

    /** Capital K = αX/r. */
    public static double capital(Structure st, int s, double plan, Province where) {
        return quantity(st.alpha[s], plan, FirmRules.inverse(where.rent));
    }

    /** Employment: workers plus talent. */
    public static double employment(Structure st, int s, double plan, Province where) {
        return workers(st, s, plan, where) + talent(st, s, plan, where);
    }
}
