package yrdsim.model;

import java.io.Serializable;

/**
 * Goods markets (docs/MODEL.md 7.2, MODEL.md step 5): one isoelastic demand curve per sector,
 * P_s = P̄_s (Y_s / Ȳ_s(t))^(−1/ε_s), whose Ȳ grows at g_s a year. Calibrated so that step-0
 * output sells at price 1.
 *
 * <p>Reads output by cell ({@link CellSums}); writes each {@link Sector}'s demand shifter, output
 * and price, and the prices firms see ({@link StepContext#lnPlanPrice}, {@link StepContext#price}).
 */
final class GoodsMarkets implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Structure st;
    private final Sector[] sectors;
    private final CellSums totals;
    private final Guards guards;

    GoodsMarkets(Structure st, Sector[] sectors, CellSums totals, Guards guards) {
        this.st = st;
        this.sectors = sectors;
        this.totals = totals;
        this.guards = guards;
    }

    /** Step 0: demand curves through each sector's step-0 output at price 1. */
    static void calibrate(Structure st, Sector[] sectors, double[] revenueByCell, double[] dataRevenue) {
        for (Sector sector : sectors) {
            int s = sector.index;
            double revenue = 0;
            for (int p = 0; p < st.regions; p++) {
                revenue += revenueByCell[st.cell(p, s)];
            }
            sector.priceShifter = 1;
            sector.price = 1;
            sector.demandShifter0 = revenue > 0 ? revenue : dataRevenue[s] / 4;
            sector.demandShifter = sector.demandShifter0;
            sector.output = revenue;
            sector.revenue = revenue;
        }
    }

    /** Start of a step: demand grown to this step, and last step's prices for the plans. */
    void prepare(StepContext x, int step) {
        for (Sector sector : sectors) {
            int s = sector.index;
            sector.demandShifter = sector.demandShifter0 * Math.pow(1 + st.demandGrowth[s], step / 4.0);
            x.lnPlanPrice[s] = Math.log(sector.price);
        }
    }

    /** After production: each sector's price clears its market for this step's output. */
    void clear(StepContext x) {
        for (Sector sector : sectors) {
            int s = sector.index;
            double output = 0;
            for (int p = 0; p < st.regions; p++) {
                output += totals.output[st.cell(p, s)];
            }
            sector.output = output;
            if (output > 0) {
                double before = sector.price;
                sector.price = FirmRules.sectorPrice(sector.priceShifter, output, sector.demandShifter, st.epsilon[s]);
                guards.finitePositive(-1, s, "price", sector.price);
                guards.plausibleChange(-1, s, "price", before, sector.price);
            }
            // With no output there is no trade and no price discovery: the last price stands.
            x.price[s] = sector.price;
        }
    }
}
