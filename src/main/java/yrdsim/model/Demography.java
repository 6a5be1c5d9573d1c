package yrdsim.model;

import org.apache.commons.math3.special.Erf;

/**
 * Entry (MODEL.md step 8). Counts are Poisson per cell, drawn by inversion of one uniform of
 * {@code state.random} per cell in cell order; each entrant's own draws come from the counter-based stream keyed by its id, so both
 * engines create identical entrants.
 */
final class Demography {

    private Demography() {
    }

    static void enter(YrdModel m) {
        Structure st = m.st;
        CellSums t = m.totals;
        var params = m.params;
        java.util.Arrays.fill(m.entries, 0);
        double meanTalent = 0;
        for (Province p : m.provinces) {
            meanTalent += p.talent / st.regions;
        }
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            if (m.ctx.producePriceTerm[c] == Double.NEGATIVE_INFINITY) {
                continue; // a cell without a market for one of its inputs admits no one
            }
            double mean;
            Sector sector = m.sectors[s];
            if (st.iotf[s]) {
                Province province = m.provinces[p];
                double talentIndex = meanTalent > 0
                        ? Math.pow(province.talent / meanTalent, params.iotfEntryTalentExponent())
                        : 0;
                double knowledge = t.knowledge[c]
                        + province.publicResearch * FirmRules.TECH_UNITS_PER_BN * m.researchWeight[c];
                mean = m.iotfEntryRate * talentIndex * knowledge / sector.knowledgeNorm
                        * (1 + m.levers.incubation[p]);
            } else {
                double profitRate = t.revenue[c] > 0 ? t.profit[c] / t.revenue[c] : 0;
                mean = sector.entryRate * (t.firms[c] + params.entryN0())
                        * Math.max(0, profitRate - params.entryHurdle());
            }
            Guards.entry(m, p, s, mean);
            int count = m.poisson(mean);
            Guards.entry(m, p, s, count);
            for (int k = 0; k < count; k++) {
                addEntrant(m, p, s, c);
            }
        }
    }

    private static void addEntrant(YrdModel m, int p, int s, int c) {
        Structure st = m.st;
        CellSums t = m.totals;
        Sector sector = m.sectors[s];
        long id = m.nextId++;
        double meanPlan;
        if (t.firms[c] > 0) {
            meanPlan = t.planEnd[c] / t.firms[c];
        } else {
            double plans = 0;
            double firms = 0;
            for (int q = 0; q < st.regions; q++) {
                plans += t.planEnd[st.cell(q, s)];
                firms += t.firms[st.cell(q, s)];
            }
            meanPlan = firms > 0 ? plans / firms : sector.meanRevenue0;
        }
        double plan = m.params.entrantSize() * meanPlan;
        double lnA;
        if (Double.isNaN(sector.lnAMean)) {
            // No incumbents anywhere: the sector prior makes the entrant's small plan optimal today.
            lnA = FirmRules.backOutLnTfp(plan, Math.log(sector.price), m.ctx.producePriceTerm[c], st.nu[s])
                    - m.ctx.cellTerm[c];
        } else {
            lnA = sector.lnAMean + sector.lnASd * Rng.normal(Rng.key(m.seed(), m.step, id), 0);
        }
        m.engine.add(id, p, s, lnA, 0, plan, 0);
        t.firms[c] += 1;
        t.planEnd[c] += plan;
        m.entries[c] += 1;
    }

    /** Largest mean inverted by direct search: e^−mean stays a normal double below about 708. */
    private static final double DIRECT_INVERSION_LIMIT = 500;

    /**
     * The Poisson count with {@code mean} at cumulative probability {@code u}: the smallest k
     * with F(k) ≥ u. Monotone in u and in the mean, so two scenarios on the same uniform draw
     * comparable counts. Up to a mean of 500 by direct search of the distribution (O(mean), no
     * allocation); above it, where e^−mean underflows, by the normal approximation with continuity
     * correction (the Poisson's skewness 1/√mean is then below 0.05).
     */
    static int poissonInverse(double u, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean > DIRECT_INVERSION_LIMIT) {
            double z = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
            return (int) Math.max(0, Math.floor(mean + Math.sqrt(mean) * z + 0.5));
        }
        int k = 0;
        double p = Math.exp(-mean);
        double cumulative = p;
        while (u > cumulative && p > 0) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
