package yrdsim.metrics;

import yrdsim.model.CellSums;
import yrdsim.model.Structure;

/**
 * What cluster detection reads of each (region, sector) cell in a step: its revenue location
 * quotient and its share of the sector's revenue across all regions. The recorder and the GUI
 * both compute them here, so the clusters the GUI shows are the ones clusters.csv records.
 *
 * @param locationQuotient location quotient of revenue, by cell
 * @param sectorShare      cell revenue over its sector's revenue in all regions (0 when the sector has none), by cell
 */
public record CellShares(double[] locationQuotient, double[] sectorShare) {

    /** The shares of this step's revenues {@code t}. */
    public static CellShares of(Structure st, CellSums t) {
        double total = 0;
        double[] regionRevenue = new double[st.regions];
        double[] sectorRevenue = new double[st.sectors];
        for (int c = 0; c < st.cells; c++) {
            total += t.revenue(c);
            regionRevenue[st.regionOf(c)] += t.revenue(c);
            sectorRevenue[st.sectorOf(c)] += t.revenue(c);
        }
        double[] lq = new double[st.cells];
        double[] share = new double[st.cells];
        for (int c = 0; c < st.cells; c++) {
            int s = st.sectorOf(c);
            lq[c] = Concentration.locationQuotient(t.revenue(c), regionRevenue[st.regionOf(c)], sectorRevenue[s], total);
            share[c] = sectorRevenue[s] > 0 ? t.revenue(c) / sectorRevenue[s] : 0;
        }
        return new CellShares(lq, share);
    }

    /** A detector with the cluster thresholds of {@code p} (MODEL.md section 3). */
    public static ClusterDetector detector(Structure st, yrdsim.scenario.Parameters p) {
        return new ClusterDetector(st.cells, p.clusterLq(), p.clusterMinFirms(), p.clusterMinShare(),
                p.clusterPersistence());
    }
}
