package yrdsim.model;

import java.io.Serializable;
import java.util.Arrays;
import yrdsim.scenario.Parameters;

/**
 * Province dynamics (docs/MODEL.md 7.5, MODEL.md step 7), O(P²) per step: residents' capital
 * accumulates from their income and public research from the public R&amp;D share of output;
 * then workers and talent migrate by logit. Step 0 is made stationary by the saving and public
 * R&amp;D rates and by the amenities, each solved from the equation it keeps still.
 *
 * <p>Reads each province's prices, stocks and revenue, and the labour, talent and capital
 * barriers; writes each {@link Province}'s capital, public research, workers, talent, income,
 * barrier cost and net migration, and the gross migration flows.
 */
final class ProvinceDynamics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Province[] provinces;
    /** Migrants this step, [origin·P + destination]. */
    private final double[] workerFlows;
    private final double[] talentFlows;
    /** Work arrays of {@link #migrate}: stocks, ln wages, amenities and stocks after the move, by region. */
    private final double[] stock;
    private final double[] lnWage;
    private final double[] amenity;
    private final double[] next;
    /** Work arrays of {@link #move}: one origin's utilities and choice probabilities. */
    private final double[] utilities;
    private final double[] choice;

    ProvinceDynamics(Province[] provinces) {
        this.provinces = provinces;
        int n = provinces.length;
        workerFlows = new double[n * n];
        talentFlows = new double[n * n];
        stock = new double[n];
        lnWage = new double[n];
        amenity = new double[n];
        next = new double[n];
        utilities = new double[n];
        choice = new double[n];
    }

    /**
     * Capital and public research. Income is earned by this quarter's residents before they
     * migrate: wages, talent wages, the capital rent net of barriers, and any talent-programme
     * top-up the province pays.
     */
    void accumulate(Levers levers, Parameters k) {
        for (Province owner : provinces) {
            int p = owner.index;
            owner.income = income(owner, provinces, levers.capital[p]) + Government.talentTransfer(levers, owner);
            owner.barrierCost = barrierCost(owner, provinces, levers.capital[p]);
            double before = owner.capitalOwned;
            double after = (1 - k.capitalDepreciation()) * before + owner.savingRate * owner.income;
            if (before > 0) {
                double scale = after / before;
                for (int q = 0; q < owner.placed.length; q++) {
                    owner.placed[q] *= scale;
                }
            } else {
                owner.placed[p] += after;
            }
            owner.capitalOwned = after;
            owner.publicResearch = (1 - k.publicResearchDepreciation()) * owner.publicResearch
                    + Government.publicResearchInflow(levers, owner);
        }
    }

    /** Residents' income: wages, talent wages, and the rent of capital placed in each market net of the barrier. */
    static double income(Province owner, Province[] markets, double[] capitalBarrier) {
        double capitalIncome = 0;
        for (Province market : markets) {
            capitalIncome += owner.placed[market.index] * market.rent * (1 - capitalBarrier[market.index]);
        }
        return owner.wage * owner.workers + owner.talentWage * owner.talent + capitalIncome;
    }

    /** Capital rent this owner loses to barriers: the deadweight wedge. */
    static double barrierCost(Province owner, Province[] markets, double[] capitalBarrier) {
        double lost = 0;
        for (Province market : markets) {
            lost += owner.placed[market.index] * market.rent * capitalBarrier[market.index];
        }
        return lost;
    }

    /** Migration of workers and talent, then natural growth and talent-programme supply growth. */
    void migrate(Levers levers, Parameters k) {
        for (Province q : provinces) {
            stock[q.index] = q.workers;
            lnWage[q.index] = Logit.lnPositive(q.wage);
            amenity[q.index] = q.amenityWorkers;
        }
        move(k.workerMobility(), levers.labor, k.migrationWageElasticity(), workerFlows);
        for (Province q : provinces) {
            q.netWorkers = next[q.index] - q.workers;
            q.workers = next[q.index] * (1 + k.workerGrowth());
        }

        for (Province q : provinces) {
            stock[q.index] = q.talent;
            lnWage[q.index] = Logit.lnPositive(q.talentWage * (1 + levers.talentTopUp[q.index]));
            amenity[q.index] = q.amenityTalent;
        }
        move(k.talentMobility(), levers.talent, k.migrationWageElasticity(), talentFlows);
        for (Province q : provinces) {
            q.netTalent = next[q.index] - q.talent;
            q.talent = next[q.index] * (1 + k.talentGrowth() + levers.talentSupplyGrowth[q.index]);
        }
    }

    /**
     * A fraction {@code rate} of each region's {@link #stock} chooses a destination, staying
     * included, by logit on u_q = θ ln w_q + ln(1 − b_pq) + a_q, into {@link #next}. People are
     * conserved: rows of π sum to one.
     */
    private void move(double rate, double[][] barrier, double elasticity, double[] flows) {
        int n = stock.length;
        System.arraycopy(stock, 0, next, 0, n);
        Arrays.fill(flows, 0);
        for (int p = 0; p < n; p++) {
            if (stock[p] <= 0 || rate <= 0) {
                continue;
            }
            for (int q = 0; q < n; q++) {
                utilities[q] = Logit.utility(1, base(lnWage[q], barrier[p][q], elasticity), amenity[q]);
            }
            Logit.probabilities(utilities, p, choice);
            for (int q = 0; q < n; q++) {
                if (q != p) {
                    double flow = rate * stock[p] * choice[q];
                    flows[p * n + q] = flow;
                    next[p] -= flow;
                    next[q] += flow;
                }
            }
        }
    }

    /** The part of a migrant's utility before the amenity: θ ln w_q + ln(1 − b_pq). */
    private static double base(double lnWage, double barrier, double elasticity) {
        return Logit.utility(elasticity, lnWage, 0) + Logit.lnOpen(barrier);
    }

    /**
     * Step 0: the amenities of workers and of talent at which migration moves no one on net at
     * the step-0 wages and the status-quo barriers (MODEL.md 2b step 4).
     */
    static void calibrateAmenities(Province[] provinces, Levers neutral, Parameters k) {
        int n = provinces.length;
        double[] workers = new double[n];
        double[] talent = new double[n];
        double[][] workerBase = new double[n][n];
        double[][] talentBase = new double[n][n];
        for (Province p : provinces) {
            workers[p.index] = p.workers;
            talent[p.index] = p.talent;
            for (Province q : provinces) {
                workerBase[p.index][q.index] = base(Logit.lnPositive(q.wage), neutral.labor[p.index][q.index],
                        k.migrationWageElasticity());
                talentBase[p.index][q.index] = base(Logit.lnPositive(q.talentWage), neutral.talent[p.index][q.index],
                        k.migrationWageElasticity());
            }
        }
        double[] amenityWorkers = Logit.balance(workers, workerBase, workers);
        double[] amenityTalent = Logit.balance(talent, talentBase, talent);
        for (Province p : provinces) {
            p.amenityWorkers = amenityWorkers[p.index];
            p.amenityTalent = amenityTalent[p.index];
        }
    }

    /**
     * Step 0: the saving rate that keeps each province's capital, and the public R&amp;D rate that
     * keeps its public research, at their step-0 levels: depreciation over income, or revenue.
     */
    static void calibrateRates(Province[] provinces, Levers neutral, Parameters k) {
        for (Province owner : provinces) {
            owner.income = income(owner, provinces, neutral.capital[owner.index]);
            owner.savingRate = owner.income > 0 ? k.capitalDepreciation() * owner.capitalOwned / owner.income : 0;
            owner.publicRdRate = owner.revenue > 0
                    ? k.publicResearchDepreciation() * owner.publicResearch / owner.revenue : 0;
        }
    }

    /** Workers who moved between regions in the last step, [origin·P + destination]. */
    double[] workerFlows() {
        return workerFlows;
    }

    /** Talent that moved between regions in the last step, [origin·P + destination]. */
    double[] talentFlows() {
        return talentFlows;
    }
}
