package yrdsim.model;

/**
 * The aggregates of a step (MODEL.md step 2, taken at the end of the step for the next one):
 * each region's revenue, IotF revenue, subsidies and Jacobs diversity, each sector's revenue,
 * and the mean and spread of its firms' ln A, which entrants draw from.
 */
final class Aggregates {

    private Aggregates() {
    }

    /** Region and sector totals of this step's settled firms, and the diversity for the next step. */
    static void summarise(Structure st, CellSums t, Province[] provinces, Sector[] sectors) {
        for (Sector sector : sectors) {
            sector.revenue = 0;
        }
        for (Province province : provinces) {
            int p = province.index;
            double revenue = 0;
            double iotf = 0;
            double subsidies = 0;
            for (int s = 0; s < st.sectors; s++) {
                int c = st.cell(p, s);
                revenue += t.revenue[c];
                subsidies += t.subsidy[c];
                sectors[s].revenue += t.revenue[c];
                if (st.iotf[s]) {
                    iotf += t.revenue[c];
                }
            }
            province.revenue = revenue;
            province.iotfRevenue = iotf;
            province.subsidies = subsidies;
            province.diversity = Agglomeration.diversity(st, t.revenue, p, revenue);
        }
        for (Sector sector : sectors) {
            int s = sector.index;
            double n = 0;
            for (int p = 0; p < st.regions; p++) {
                n += t.firms[st.cell(p, s)];
            }
            sector.lnAMean = n > 0 ? t.lnA[s] / n : Double.NaN;
            sector.lnASd = n > 1 ? Math.sqrt(Math.max(0, t.lnA2[s] / n - sector.lnAMean * sector.lnAMean)) : 0;
        }
    }
}
