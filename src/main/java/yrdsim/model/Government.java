package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Parameters;

/**
 * Government (docs/MODEL.md 7.8; MODEL-2 section 7): every province runs a budget. It pays for
 * public research, innovation platforms, subsidies, talent programmes and entry grants, collects
 * the carbon price, and finances the rest with a proportional tax on its firms' value added,
 * balanced every quarter.
 *
 * <p>Firms plan, and reckon their profit, on the tax rate that balanced last quarter's budget;
 * at the end of the quarter the province sets the rate that balances this one, and the
 * difference is settled on its cells' profits, so the budget balances to round-off and firms
 * pay exactly what it spent. At step 0 the rate is the one that pays for the public research
 * that keeps the research stock stationary.
 *
 * <p>Outside this package it is read only: the recorder and the GUI read rates and spending.
 *
 * <p>Reads the settled cell sums, each province's revenue, talent and talent wage and the
 * levers; writes the value shares firms plan with ({@link StepContext#valueShare} and the
 * rest), the tax rates, and the spending by lever.
 */
public final class Government implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A tax above this share of value added leaves firms nothing to pay their factors: the run stops. */
    static final double MAX_TAX_RATE = 0.9;

    /** What a province spends its budget on, and the carbon revenue it collects. */
    public enum Item {
        /** Public research at the status-quo rate. */
        PUBLIC_RESEARCH("public_research"),
        /** Extra public research of innovation platforms. */
        INNOVATION_PLATFORMS("innovation_platforms"),
        /** Division-of-labour output subsidies. */
        DIVISION_OF_LABOR("division_of_labor"),
        /** Flagship output subsidies. */
        FLAGSHIP_SUPPORT("flagship_support"),
        /** Little-giant R&amp;D subsidies. */
        LITTLE_GIANTS("little_giants"),
        /** Innovation-alliance R&amp;D subsidies. */
        INNOVATION_ALLIANCES("innovation_alliances"),
        /** Talent-programme wage top-ups paid to the province's talent. */
        TALENT_PROGRAM("talent_program"),
        /** IotF entry grants of the last quarter. */
        IOTF_INCUBATION("iotf_incubation");

        private final String label;

        Item(String label) {
            this.label = label;
        }

        /** The name in output tables. */
        public String label() {
            return label;
        }
    }

    private final Structure st;
    private final Province[] provinces;
    private final Sector[] sectors;
    private final CellSums totals;
    private final Guards guards;
    /** The status-quo rate calibrated at step 0. */
    private final double[] calibratedTax;
    /** The rate firms plan on: last quarter's balancing rate. */
    private final double[] expectedTax;
    /** This quarter's balancing rate. */
    private final double[] taxRate;
    private final double[] valueAdded;
    private final double[] carbonRevenue;
    private final double[] emissions;
    /** Spending by province and {@link Item}, this quarter. */
    private final double[][] spending;
    /** Entry grants paid at the end of this quarter, spent in the next one's budget. */
    private final double[] grants;

    Government(Structure st, Province[] provinces, Sector[] sectors, CellSums totals, Guards guards) {
        this.st = st;
        this.provinces = provinces;
        this.sectors = sectors;
        this.totals = totals;
        this.guards = guards;
        int n = st.regions;
        expectedTax = new double[n];
        calibratedTax = new double[n];
        taxRate = new double[n];
        valueAdded = new double[n];
        carbonRevenue = new double[n];
        emissions = new double[n];
        spending = new double[n][Item.values().length];
        grants = new double[n];
    }

    /**
     * Step 0: the tax rate that pays for the public research keeping each province's research
     * stock stationary (δ_G G_p), on its step-0 value added.
     */
    void calibrate(Parameters k, double[] revenueByCell) {
        for (Province q : provinces) {
            double added = 0;
            for (int s = 0; s < st.sectors; s++) {
                added += valueAdded(s, revenueByCell[st.cell(q.index, s)]);
            }
            double research = k.publicResearchDepreciation() * q.publicResearch;
            valueAdded[q.index] = added;
            taxRate[q.index] = added > 0 ? research / added : 0;
            expectedTax[q.index] = taxRate[q.index];
            calibratedTax[q.index] = taxRate[q.index];
            spending[q.index][Item.PUBLIC_RESEARCH.ordinal()] = research;
        }
    }

    /** (1 − m) R: the value added of revenue R of sector {@code s}. */
    double valueAdded(int s, double revenue) {
        return (1 - st.intermediateShare[s]) * revenue;
    }

    /** κ of a status-quo cell: no subsidy, the province's step-0 tax (for calibration). */
    double calibratedValueShare(int c) {
        int s = st.sectorOf(c);
        return FirmRules.valueShare(0, st.intermediateShare[s], taxRate[st.regionOf(c)]);
    }

    /** Start of a step: the value firms keep of a unit of output, cell by cell, on the expected tax. */
    void prepare(StepContext x, Levers levers) {
        for (int s = 0; s < st.sectors; s++) {
            x.rdShare[s] = st.rho[s] * (1 - st.intermediateShare[s]);
            x.carbonCost[s] = carbonCost(levers, s);
        }
        for (int c = 0; c < st.cells; c++) {
            int s = st.sectorOf(c);
            double share = FirmRules.valueShare(levers.cellSubsidy[c], st.intermediateShare[s],
                    expectedTax[st.regionOf(c)]);
            x.valueShare[c] = share;
            x.keepShare[c] = share - x.rdShare[s];
            x.planValue[c] = FirmRules.unitValue(share, sectors[s].price, x.carbonCost[s]);
            x.lnPlanValue[c] = FirmRules.lnPositive(x.planValue[c]);
        }
    }

    /** c_s: the carbon price (yuan per t) times the emissions of a unit of output, in bn yuan per bn yuan of output. */
    static double carbonCost(Levers levers, int s, Structure st) {
        return levers.carbonPrice * st.emissions(s, 1) * 1e-9;
    }

    private double carbonCost(Levers levers, int s) {
        return carbonCost(levers, s, st);
    }

    /**
     * End of a step, after the firms settled: this quarter's spending by item, the carbon
     * revenue, and the tax rate that balances the budget; the difference from the rate firms
     * reckoned with is settled on each cell's profit.
     */
    void balance(Levers levers) {
        for (Province q : provinces) {
            int p = q.index;
            double added = 0;
            double carbon = 0;
            double emitted = 0;
            double[] item = spending[p];
            java.util.Arrays.fill(item, 0);
            for (int s = 0; s < st.sectors; s++) {
                int c = st.cell(p, s);
                added += valueAdded(s, totals.revenue[c]);
                carbon += carbonCost(levers, s) * totals.output[c];
                emitted += st.emissions(s, totals.output[c]);
                item[Item.DIVISION_OF_LABOR.ordinal()] += totals.subsidyDivision[c];
                item[Item.FLAGSHIP_SUPPORT.ordinal()] += totals.subsidyFlagship[c];
                item[Item.LITTLE_GIANTS.ordinal()] += totals.subsidyLittleGiants[c];
                item[Item.INNOVATION_ALLIANCES.ordinal()] += totals.subsidyAlliance[c];
            }
            item[Item.PUBLIC_RESEARCH.ordinal()] = q.publicRdRate * q.revenue;
            item[Item.INNOVATION_PLATFORMS.ordinal()] = levers.extraPublicRd[p] * q.revenue;
            item[Item.TALENT_PROGRAM.ordinal()] = talentTransfer(levers, q);
            item[Item.IOTF_INCUBATION.ordinal()] = grants[p];
            grants[p] = 0;
            double total = totalSpending(p);
            valueAdded[p] = added;
            carbonRevenue[p] = carbon;
            emissions[p] = emitted;
            taxRate[p] = added > 0 ? (total - carbon) / added : 0;
            guards.finite(p, -1, "tax_rate", taxRate[p]);
            if (taxRate[p] > MAX_TAX_RATE) {
                throw guards.stop(p, -1, "the budget needs a tax of " + Math.round(100 * taxRate[p])
                        + "% of value added: its policies cost more than its firms can pay");
            }
            for (int s = 0; s < st.sectors; s++) {
                int c = st.cell(p, s);
                totals.profit[c] += (expectedTax[p] - taxRate[p]) * valueAdded(s, totals.revenue[c]);
            }
            expectedTax[p] = taxRate[p];
        }
    }

    /** The talent-programme top-up the province pays its talent this quarter: top-up × talent wage × talent. */
    static double talentTransfer(Levers levers, Province q) {
        return levers.talentTopUp[q.index] * q.talentWage * q.talent;
    }

    /** Public research financed this quarter: the status-quo share and any platform's extra share of revenue. */
    static double publicResearchInflow(Levers levers, Province q) {
        return (q.publicRdRate + levers.extraPublicRd[q.index]) * q.revenue;
    }

    /** Records an IotF entry grant, paid from the next quarter's budget. */
    void grant(int p, double amount) {
        grants[p] += amount;
    }

    // ------------------------------------------------------------------ read access

    /** The status-quo tax rate of province {@code p} calibrated at step 0, share of value added. */
    public double calibratedTaxRate(int p) {
        return calibratedTax[p];
    }

    /** The tax rate that balanced province {@code p}'s last budget, share of value added. */
    public double taxRate(int p) {
        return taxRate[p];
    }

    /** Province {@code p}'s value added in the last quarter. */
    public double valueAdded(int p) {
        return valueAdded[p];
    }

    /** Carbon revenue of province {@code p} in the last quarter. */
    public double carbonRevenue(int p) {
        return carbonRevenue[p];
    }

    /** Emissions of province {@code p}'s firms in the last quarter, t CO2. */
    public double emissions(int p) {
        return emissions[p];
    }

    /** All of province {@code p}'s spending in the last quarter. */
    public double totalSpending(int p) {
        double total = 0;
        for (double v : spending[p]) {
            total += v;
        }
        return total;
    }

    /** Spending of province {@code p} on {@code item} in the last quarter. */
    public double spending(int p, Item item) {
        return spending[p][item.ordinal()];
    }
}
