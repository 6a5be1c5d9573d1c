package yrdsim.model;

import yrdsim.scenario.EnterpriseSpec;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.SectorSpec;

/**
 * The firms of step 0 before calibration (docs/MODEL.md 5, step 1): how many there are in each
 * cell, and their revenues, drawn from a double Pareto-lognormal distribution and scaled to sum
 * exactly to each cell's share of the scenario's 2019 revenue. Firms are numbered cell by cell in
 * region-major order; their planned spending at step 0 equals their revenue.
 */
final class StartingFirms {

    /** The draw stream of step 0's construction, apart from any step's. */
    private static final long INIT_STREAM = -1;

    private final Structure st;
    private final int[] region;
    private final int[] sector;
    private final double[] revenue;
    private final double[] revenueByCell;
    private final int[] firmsByCell;

    private StartingFirms(Structure st, int n) {
        this.st = st;
        region = new int[n];
        sector = new int[n];
        revenue = new double[n];
        revenueByCell = new double[st.cells];
        firmsByCell = new int[st.cells];
    }

    /** Draws the step-0 firms of {@code scenario} with {@code seed}. */
    static StartingFirms draw(Scenario scenario, Structure st, long seed) {
        int[][] counts = cellCounts(scenario);
        StartingFirms firms = new StartingFirms(st, total(counts));
        EnterpriseSpec sizes = scenario.enterprises();
        int i = 0;
        for (int p = 0; p < st.regions; p++) {
            for (int s = 0; s < st.sectors; s++) {
                SectorSpec spec = scenario.sectors().get(s);
                int count = counts[s][p];
                if (count == 0) {
                    continue;
                }
                double target = spec.revenue() / 4 * spec.provinceShares().getOrDefault(st.regionNames[p], 0.0);
                double sum = 0;
                for (int j = 0; j < count; j++) {
                    long key = Rng.key(seed, INIT_STREAM, i + j);
                    double lnSize = sizes.sizeSigma() * Rng.normal(key, 0)
                            - Math.log(Rng.uniformOpen(key, 2)) / sizes.sizeExponent()
                            + Math.log(Rng.uniformOpen(key, 3)) / sizes.sizeLowerExponent();
                    firms.revenue[i + j] = Math.exp(lnSize);
                    sum += firms.revenue[i + j];
                }
                int c = st.cell(p, s);
                for (int j = 0; j < count; j++) {
                    firms.revenue[i + j] = target * firms.revenue[i + j] / sum;
                    firms.region[i + j] = p;
                    firms.sector[i + j] = s;
                    firms.revenueByCell[c] += firms.revenue[i + j];
                }
                firms.firmsByCell[c] = count;
                i += count;
            }
        }
        return firms;
    }

    /** The firms at step 0 before calibration: for sizing the engine. */
    static int count(Scenario scenario) {
        return total(cellCounts(scenario));
    }

    private static int total(int[][] counts) {
        int total = 0;
        for (int[] row : counts) {
            for (int n : row) {
                total += n;
            }
        }
        return total;
    }

    /**
     * Firms per (sector, region): the sector's count times {@code enterprises.scale}, split over
     * regions by revenue share with largest remainders, and at least one firm wherever the
     * sector has revenue.
     */
    static int[][] cellCounts(Scenario scenario) {
        int regions = scenario.regions().size();
        int[][] counts = new int[scenario.sectors().size()][regions];
        for (int s = 0; s < counts.length; s++) {
            SectorSpec spec = scenario.sectors().get(s);
            double[] share = new double[regions];
            int positive = 0;
            for (int p = 0; p < regions; p++) {
                share[p] = spec.provinceShares().getOrDefault(scenario.regions().get(p).name(), 0.0);
                if (share[p] > 0) {
                    positive++;
                }
            }
            if (spec.firms() == 0) {
                continue;
            }
            int total = Math.max(positive, (int) Math.round(spec.firms() * scenario.enterprises().scale()));
            largestRemainders(counts[s], share, total);
            for (int p = 0; p < regions; p++) {
                if (share[p] > 0 && counts[s][p] == 0) {
                    int largest = 0;
                    for (int q = 1; q < regions; q++) {
                        if (counts[s][q] > counts[s][largest]) {
                            largest = q;
                        }
                    }
                    counts[s][largest]--;
                    counts[s][p]++;
                }
            }
        }
        return counts;
    }

    /** Splits {@code total} over {@code share} by the largest-remainder method into {@code counts}. */
    private static void largestRemainders(int[] counts, double[] share, int total) {
        int regions = counts.length;
        int assigned = 0;
        double[] remainder = new double[regions];
        for (int p = 0; p < regions; p++) {
            counts[p] = (int) Math.floor(total * share[p]);
            remainder[p] = total * share[p] - counts[p];
            assigned += counts[p];
        }
        while (assigned < total) {
            int best = 0;
            for (int p = 1; p < regions; p++) {
                if (remainder[p] > remainder[best]) {
                    best = p;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
    }

    /** Number of firms. */
    int count() {
        return revenue.length;
    }

    /** Region of firm {@code f}. */
    int region(int f) {
        return region[f];
    }

    /** Sector of firm {@code f}. */
    int sector(int f) {
        return sector[f];
    }

    /** Cell of firm {@code f}. */
    int cell(int f) {
        return st.cell(region[f], sector[f]);
    }

    /** Step-0 revenue (and planned spending) of firm {@code f}, quarterly. */
    double revenue(int f) {
        return revenue[f];
    }

    /** Firms in cell {@code c}. */
    int inCell(int c) {
        return firmsByCell[c];
    }

    /** Revenue by cell (the scenario's targets, to round-off): the caller must not change it. */
    double[] revenueByCell() {
        return revenueByCell;
    }

    /** Firms by cell: the caller must not change it. */
    int[] firmsByCell() {
        return firmsByCell;
    }

    /** Mean of a per-firm {@code value} over each cell's firms (0 for an empty cell). */
    double[] cellMeans(double[] value) {
        double[] mean = new double[st.cells];
        for (int f = 0; f < value.length; f++) {
            mean[cell(f)] += value[f];
        }
        for (int c = 0; c < st.cells; c++) {
            mean[c] = firmsByCell[c] > 0 ? mean[c] / firmsByCell[c] : 0;
        }
        return mean;
    }
}
