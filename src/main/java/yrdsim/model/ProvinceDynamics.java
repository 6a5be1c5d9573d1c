package yrdsim.model;

/**
 * Province dynamics, O(P²) per step (MODEL.md step 7): residents' capital and public research
 * accumulate, then workers and talent migrate by logit.
 */
final class ProvinceDynamics {

    private ProvinceDynamics() {
    }

    /**
     * Capital and public research. Income is earned by this quarter's residents before they
     * migrate: wages, talent wages and the capital rent net of barriers.
     */
    static void accumulate(YrdModel m) {
        Province[] provinces = m.provinces;
        var params = m.params;
        for (Province owner : provinces) {
            int p = owner.index;
            double capitalIncome = 0;
            double lost = 0;
            for (Province market : provinces) {
                int q = market.index;
                double rent = owner.placed[q] * market.rent;
                capitalIncome += rent * (1 - m.levers.capital[p][q]);
                lost += rent * m.levers.capital[p][q];
            }
            owner.income = owner.wage * owner.workers + owner.talentWage * owner.talent + capitalIncome;
            owner.barrierCost = lost;
            double before = owner.capitalOwned;
            double after = (1 - params.capitalDepreciation()) * before + owner.savingRate * owner.income;
            if (before > 0) {
                double scale = after / before;
                for (int q = 0; q < owner.placed.length; q++) {
                    owner.placed[q] *= scale;
                }
            } else {
                owner.placed[p] += after;
            }
            owner.capitalOwned = after;
            owner.publicResearch = (1 - params.publicResearchDepreciation()) * owner.publicResearch
                    + (owner.publicRdRate + m.levers.extraPublicRd[p]) * owner.revenue;
        }
    }

    /** Migration of workers and talent, then natural growth and talent-programme supply growth. */
    static void migrate(YrdModel m) {
        Province[] provinces = m.provinces;
        int n = provinces.length;
        var params = m.params;
        Scratch scratch = m.scratch;
        double[] stock = scratch.a;
        double[] lnWage = scratch.b;
        double[] amenity = scratch.c;
        double[] next = scratch.d;

        for (Province q : provinces) {
            stock[q.index] = q.workers;
            lnWage[q.index] = Logit.lnPositive(q.wage);
            amenity[q.index] = q.amenityWorkers;
        }
        move(stock, params.workerMobility(), lnWage, m.levers.labor, params.migrationWageElasticity(), amenity,
                m.flowWorkers, next, scratch);
        for (Province q : provinces) {
            q.netWorkers = next[q.index] - q.workers;
            q.workers = next[q.index] * (1 + params.workerGrowth());
        }

        for (Province q : provinces) {
            stock[q.index] = q.talent;
            lnWage[q.index] = Logit.lnPositive(q.talentWage * (1 + m.levers.talentTopUp[q.index]));
            amenity[q.index] = q.amenityTalent;
        }
        move(stock, params.talentMobility(), lnWage, m.levers.talent, params.migrationWageElasticity(), amenity,
                m.flowTalent, next, scratch);
        for (Province q : provinces) {
            q.netTalent = next[q.index] - q.talent;
            q.talent = next[q.index] * (1 + params.talentGrowth() + m.levers.talentSupplyGrowth[q.index]);
        }
    }

    /**
     * A fraction {@code rate} of each region's stock chooses a destination, staying included, by
     * logit on u_q = θ ln w_q + ln(1 − b_pq) + a_q. People are conserved: rows of π sum to one.
     * Utilities and probabilities go to {@code scratch.u} and {@code scratch.pi}.
     */
    static void move(double[] stock, double rate, double[] lnWage, double[][] barrier, double elasticity,
                     double[] amenity, double[] flows, double[] next, Scratch scratch) {
        int n = stock.length;
        double[] u = scratch.u;
        double[] pi = scratch.pi;
        System.arraycopy(stock, 0, next, 0, n);
        java.util.Arrays.fill(flows, 0);
        for (int p = 0; p < n; p++) {
            if (stock[p] <= 0 || rate <= 0) {
                continue;
            }
            for (int q = 0; q < n; q++) {
                u[q] = Logit.utility(1, Logit.utility(elasticity, lnWage[q], 0) + Logit.lnOpen(barrier[p][q]),
                        amenity[q]);
            }
            Logit.probabilities(u, p, pi);
            for (int q = 0; q < n; q++) {
                if (q != p) {
                    double flow = rate * stock[p] * pi[q];
                    flows[p * n + q] = flow;
                    next[p] -= flow;
                    next[q] += flow;
                }
            }
        }
    }

    /** The utility base θ ln w_q + ln(1 − b_pq) used by migration, for calibrating amenities. */
    static double[][] migrationBase(double[] lnWage, double[][] barrier, double elasticity) {
        int n = lnWage.length;
        double[][] base = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                base[p][q] = Logit.utility(elasticity, lnWage[q], 0) + Logit.lnOpen(barrier[p][q]);
            }
        }
        return base;
    }
}
