package yrdsim.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Factor markets (docs/MODEL.md 7.1, MODEL.md step 4): Shapley–Shubik trading posts for capital,
 * workers, talent and licences in every region. Firms bid the shares α, β, η, τ of their planned
 * spending; each price is the bids over the supply, and every market clears exactly. The step
 * and the step-0 calibration take bids and prices from the same functions here.
 *
 * <p>Reads planned spending by cell ({@link CellSums#plan}) and each region's supplies; writes
 * each {@link Province}'s prices and the price terms and prices firms see.
 */
final class FactorMarkets implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Structure st;
    private final Province[] provinces;
    private final CellSums totals;
    private final Guards guards;
    /** This step's bids by region and factor. */
    private final Bids bids;

    FactorMarkets(Structure st, Province[] provinces, CellSums totals, Guards guards) {
        this.st = st;
        this.provinces = provinces;
        this.totals = totals;
        this.guards = guards;
        this.bids = new Bids(st.regions);
    }

    /** Bids of every region's firms on its four markets: Σ over the region's cells of e_s × spending. */
    static final class Bids implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[] capital;
        final double[] workers;
        final double[] talent;
        final double[] tech;

        Bids(int regions) {
            capital = new double[regions];
            workers = new double[regions];
            talent = new double[regions];
            tech = new double[regions];
        }

        /** The bids of {@code spendingByCell}: α, β, η and τ of each cell's spending, summed by region. */
        Bids of(Structure st, double[] spendingByCell) {
            Arrays.fill(capital, 0);
            Arrays.fill(workers, 0);
            Arrays.fill(talent, 0);
            Arrays.fill(tech, 0);
            for (int c = 0; c < st.cells; c++) {
                int p = st.regionOf(c);
                int s = st.sectorOf(c);
                capital[p] += st.alpha[s] * spendingByCell[c];
                workers[p] += st.beta[s] * spendingByCell[c];
                talent[p] += st.eta[s] * spendingByCell[c];
                tech[p] += st.tau[s] * spendingByCell[c];
            }
            return this;
        }
    }

    /** Step 3, before the plans: the price term of each cell at last step's factor prices. */
    void preparePlans(StepContext x) {
        for (int c = 0; c < st.cells; c++) {
            x.planPriceTerm[c] = priceTerm(st, c, provinces[st.regionOf(c)]);
        }
    }

    /** α ln(α/r) + β ln(β/w) + η ln(η/h) of cell {@code c} at the prices of {@code where}. */
    static double priceTerm(Structure st, int c, Province where) {
        int s = st.sectorOf(c);
        return FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s], where.rent, where.wage, where.talentWage);
    }

    /** Step 4: every trading post clears on this step's plans; firms then see the new prices. */
    void clear(StepContext x) {
        bids.of(st, totals.plan);
        for (Province province : provinces) {
            int p = province.index;
            double rent = province.rent;
            double wage = province.wage;
            double talentWage = province.talentWage;
            prices(province, bids);
            guards.finiteNonNegative(p, -1, "interest_rate", province.rent);
            guards.finiteNonNegative(p, -1, "wage", province.wage);
            guards.finiteNonNegative(p, -1, "talent_wage", province.talentWage);
            guards.finiteNonNegative(p, -1, "tech_price", province.techPrice);
            guards.plausibleChange(p, -1, "interest_rate", rent, province.rent);
            guards.plausibleChange(p, -1, "wage", wage, province.wage);
            guards.plausibleChange(p, -1, "talent_wage", talentWage, province.talentWage);
            x.rent[p] = province.rent;
            x.wage[p] = province.wage;
            x.talentWage[p] = province.talentWage;
            x.techPrice[p] = province.techPrice;
            x.inverseTalentWage[p] = FirmRules.inverse(province.talentWage);
            x.inverseTechPrice[p] = FirmRules.inverse(province.techPrice);
        }
        for (int c = 0; c < st.cells; c++) {
            x.producePriceTerm[c] = priceTerm(st, c, provinces[st.regionOf(c)]);
        }
    }

    /**
     * The trading-post price of each of {@code q}'s markets: its bids over its supply. The step
     * prices with it, and so does step 0 from the calibrated bids and supplies.
     */
    static void prices(Province q, Bids bids) {
        int p = q.index;
        q.rent = FirmRules.tradingPostPrice(bids.capital[p], q.capitalSupply);
        q.wage = FirmRules.tradingPostPrice(bids.workers[p], q.workers);
        q.talentWage = FirmRules.tradingPostPrice(bids.talent[p], q.talent);
        q.techPrice = FirmRules.tradingPostPrice(bids.tech[p], q.techSupply);
    }
}
