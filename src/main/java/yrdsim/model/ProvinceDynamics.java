package yrdsim.model;

import java.io.Serializable;
import java.util.Arrays;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.RestOfChina;

/**
 * Province dynamics (docs/MODEL.md 7.5, MODEL.md step 7, MODEL-2 3), O(P²) per step: residents'
 * capital accumulates from their income and public research from the public R&amp;D share of
 * output; then workers and talent migrate by logit among the provinces and, when the delta is
 * open, the rest of China (RoC): a region with fixed pools whose wage grows at the common market
 * rate, into which moving is free and out of which each province's external barrier applies.
 * Step 0 is stationary: the saving and public R&amp;D rates, and the amenities (RoC's too), are
 * each solved from the equation they keep still, and the workers' migration speed is calibrated
 * so that the steady-state migrant stocks ({@link MigrantStocks}) match the census shares the
 * scenario gives.
 *
 * <p>Reads each province's prices, stocks and revenue, and the labour, talent, external and
 * capital barriers; writes each {@link Province}'s capital, public research, workers, talent,
 * income, barrier cost and net migration, the gross migration flows and the migrant stocks.
 */
final class ProvinceDynamics implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Bounds of the calibrated migration speed: the declared range of worker_mobility. */
    private static final double MAX_RATE = 0.5;

    private final Province[] provinces;
    /** Provinces, n; regions of the migration logit, m = n + 1 when the delta is open (RoC last). */
    private final int n;
    private final int m;
    private final RestOfChina roc;
    /** Migrants this step among provinces, [origin·n + destination]. */
    private final double[] workerFlows;
    private final double[] talentFlows;
    /** Migrants this step over all m regions, [origin·m + destination]. */
    private final double[] allWorkerFlows;
    private final double[] allTalentFlows;
    /** Work arrays of {@link #migrate}: stocks, ln wages, amenities, barriers and stocks after the move. */
    private final double[] stock;
    private final double[] lnWage;
    private final double[] amenity;
    private final double[][] barrier;
    private final double[] next;
    /** Work arrays of {@link #move}: one origin's utilities and choice probabilities. */
    private final double[] utilities;
    private final double[] choice;
    private final MigrantStocks migrants;
    /** Each province's settling rate: calibrated to its census share, or {@code settling_rate}. */
    private final double[] settling;
    /** The workers' and talent's migration speed in force (calibrated to the census, or as given). */
    private double workerRate;
    private double talentRate;
    /** The rest of China's wages at step 0 (model units) and amenities. */
    private double rocWage0;
    private double rocTalentWage0;
    private double rocAmenityWorkers;
    private double rocAmenityTalent;
    /** Net arrivals from the rest of China this step, by province. */
    private final double[] rocNetWorkers;
    private final double[] rocNetTalent;

    ProvinceDynamics(Province[] provinces, RestOfChina roc) {
        this.provinces = provinces;
        this.roc = roc;
        n = provinces.length;
        m = roc.open() ? n + 1 : n;
        workerFlows = new double[n * n];
        talentFlows = new double[n * n];
        allWorkerFlows = new double[m * m];
        allTalentFlows = new double[m * m];
        stock = new double[m];
        lnWage = new double[m];
        amenity = new double[m];
        barrier = new double[m][m];
        next = new double[m];
        utilities = new double[m];
        choice = new double[m];
        migrants = new MigrantStocks(n);
        settling = new double[n];
        rocNetWorkers = new double[n];
        rocNetTalent = new double[n];
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

    /**
     * Migration of workers and talent at step {@code step}, then natural growth and
     * talent-programme supply growth. With the labour-mobility channel off no one moves.
     */
    void migrate(Levers levers, Parameters k, boolean mobile, int step) {
        double growth = Math.pow(1 + k.marketGrowth(), step / 4.0);
        load(true, levers.talentTopUp, growth);
        barriers(levers.labor, levers.externalLabor);
        move(mobile ? workerRate : 0, k.migrationWageElasticity(), allWorkerFlows);
        migrants.step(stock, allWorkerFlows, m, settling);
        for (Province q : provinces) {
            q.netWorkers = next[q.index] - q.workers;
            q.migrantShare = next[q.index] > 0 ? migrants.migrants(q.index) / next[q.index] : 0;
            q.workers = next[q.index] * (1 + k.workerGrowth());
        }
        provincial(allWorkerFlows, workerFlows, rocNetWorkers);

        load(false, levers.talentTopUp, growth);
        barriers(levers.talent, levers.externalTalent);
        move(mobile ? talentRate : 0, k.migrationWageElasticity(), allTalentFlows);
        for (Province q : provinces) {
            q.netTalent = next[q.index] - q.talent;
            q.talent = next[q.index] * (1 + k.talentGrowth() + levers.talentSupplyGrowth[q.index]);
        }
        provincial(allTalentFlows, talentFlows, rocNetTalent);
        for (Province q : provinces) {
            q.rocNetWorkers = rocNetWorkers[q.index];
            q.rocNetTalent = rocNetTalent[q.index];
        }
    }

    /**
     * Fills the work arrays for a move of workers (or talent): each region's stock, the log wage
     * migrants see there (talent: times one plus the talent programme's top-up; the rest of
     * China's step-0 wage grown by {@code growth}) and its amenity.
     */
    private void load(boolean workers, double[] topUp, double growth) {
        for (Province q : provinces) {
            stock[q.index] = workers ? q.workers : q.talent;
            lnWage[q.index] = Logit.lnPositive(workers ? q.wage : q.talentWage * (1 + topUp[q.index]));
            amenity[q.index] = workers ? q.amenityWorkers : q.amenityTalent;
        }
        if (m > n) {
            stock[n] = workers ? roc.workers() : roc.talent();
            lnWage[n] = Logit.lnPositive((workers ? rocWage0 : rocTalentWage0) * growth);
            amenity[n] = workers ? rocAmenityWorkers : rocAmenityTalent;
        }
    }

    /** The m × m barriers of a move: among provinces as given, from RoC the external ones, to RoC none. */
    private void barriers(double[][] internal, double[] external) {
        for (int p = 0; p < m; p++) {
            for (int q = 0; q < m; q++) {
                barrier[p][q] = p < n && q < n ? internal[p][q] : p == n && q < n ? external[q] : 0;
            }
        }
    }

    /** The provinces' block of {@code all} into {@code flows}, and each province's net arrivals from RoC. */
    private void provincial(double[] all, double[] flows, double[] rocNet) {
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                flows[p * n + q] = all[p * m + q];
            }
            rocNet[p] = m > n ? all[n * m + p] - all[p * m + n] : 0;
        }
    }

    /**
     * A fraction {@code rate} of each region's {@link #stock} chooses a destination, staying
     * included, by logit on u_q = θ ln w_q + ln(1 − b_pq) + a_q, into {@link #next}. People are
     * conserved: rows of π sum to one. The rest of China's pool is fixed: what it sends and
     * receives changes the delta only.
     */
    private void move(double rate, double elasticity, double[] flows) {
        System.arraycopy(stock, 0, next, 0, m);
        Arrays.fill(flows, 0);
        for (int p = 0; p < m; p++) {
            if (stock[p] <= 0 || rate <= 0) {
                continue;
            }
            for (int q = 0; q < m; q++) {
                utilities[q] = Logit.utility(1, base(lnWage[q], barrier[p][q], elasticity), amenity[q]);
            }
            Logit.probabilities(utilities, p, choice);
            for (int q = 0; q < m; q++) {
                if (q != p) {
                    double flow = rate * stock[p] * choice[q];
                    flows[p * m + q] = flow;
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
     * Step 0: the rest of China's wages, the amenities of workers and of talent at which
     * migration moves no one on net at the step-0 wages and the status-quo barriers (MODEL.md 2b
     * step 4), then the migrant stocks, with the settling rate of each province with a census
     * share calibrated so that its steady-state stock is that share of its residents.
     *
     * @param wage       RoC's wage in model units (bn yuan per thousand persons a quarter)
     * @param censusShare each province's census migrant share, NaN where the scenario gives none
     */
    void calibrate(Levers neutral, Parameters k, double wage, double[] censusShare) {
        double workersTotal = 0;
        double wageBill = 0;
        double talentTotal = 0;
        double talentBill = 0;
        for (Province q : provinces) {
            workersTotal += q.workers;
            wageBill += q.wage * q.workers;
            talentTotal += q.talent;
            talentBill += q.talentWage * q.talent;
        }
        // RoC's talent earns the delta's talent premium over its wage (assumption, docs/MODEL.md).
        rocWage0 = wage;
        rocTalentWage0 = wageBill > 0 && talentTotal > 0 ? wage * (talentBill / talentTotal) / (wageBill / workersTotal)
                : wage;
        double[] amenityWorkers = amenities(neutral.labor, neutral.externalLabor, k, true);
        double[] amenityTalent = amenities(neutral.talent, neutral.externalTalent, k, false);
        for (Province p : provinces) {
            p.amenityWorkers = amenityWorkers[p.index];
            p.amenityTalent = amenityTalent[p.index];
        }
        if (m > n) {
            rocAmenityWorkers = amenityWorkers[n];
            rocAmenityTalent = amenityTalent[n];
        }
        workerRate = k.workerMobility();
        talentRate = Math.min(MAX_RATE, workerRate * k.talentMobilityRatio());
        Arrays.fill(settling, k.settlingRate());
        settle(neutral, k, workerRate, censusShare);
    }

    /** Destination constants that balance the step-0 moves of workers (or talent) over the m regions. */
    private double[] amenities(double[][] internal, double[] external, Parameters k, boolean workers) {
        double[] mass = new double[m];
        double[][] base = new double[m][m];
        barriers(internal, external);
        for (int p = 0; p < m; p++) {
            mass[p] = p < n ? (workers ? provinces[p].workers : provinces[p].talent)
                    : (workers ? roc.workers() : roc.talent());
        }
        for (int q = 0; q < m; q++) {
            double w = q < n ? (workers ? provinces[q].wage : provinces[q].talentWage)
                    : (workers ? rocWage0 : rocTalentWage0);
            for (int p = 0; p < m; p++) {
                base[p][q] = base(Logit.lnPositive(w), barrier[p][q], k.migrationWageElasticity());
            }
        }
        return Logit.balance(mass, base, mass);
    }

    /**
     * The migrant stocks at their steady state under the step-0 worker flows at speed
     * {@code rate}, with each census province's settling rate calibrated to its census share.
     */
    private void settle(Levers neutral, Parameters k, double rate, double[] censusShare) {
        load(true, neutral.talentTopUp, 1);
        barriers(neutral.labor, neutral.externalLabor);
        move(rate, k.migrationWageElasticity(), allWorkerFlows);
        migrants.calibrateSettling(stock, allWorkerFlows, m, censusShare, settling);
        Arrays.fill(allWorkerFlows, 0);
        for (Province q : provinces) {
            q.migrantShare = q.workers > 0 ? migrants.migrants(q.index) / q.workers : 0;
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

    /** Workers who moved between provinces in the last step, [origin·P + destination]. */
    double[] workerFlows() {
        return workerFlows;
    }

    /** Talent that moved between provinces in the last step, [origin·P + destination]. */
    double[] talentFlows() {
        return talentFlows;
    }

    /** Net arrivals of workers from the rest of China into province {@code p} in the last step. */
    double rocNetWorkers(int p) {
        return rocNetWorkers[p];
    }

    /** Net arrivals of talent from the rest of China into province {@code p} in the last step. */
    double rocNetTalent(int p) {
        return rocNetTalent[p];
    }

    /** Gross flows of workers (or talent) from RoC into province {@code p} ({@code in}) or out of it, last step. */
    double rocFlow(boolean workers, int p, boolean in) {
        if (m == n) {
            return 0;
        }
        double[] all = workers ? allWorkerFlows : allTalentFlows;
        return in ? all[n * m + p] : all[p * m + n];
    }

    /** The migrant stocks. */
    MigrantStocks migrants() {
        return migrants;
    }

    /** The workers' migration speed in force: share reconsidering each quarter. */
    double workerRate() {
        return workerRate;
    }

    /** Province {@code p}'s settling rate: the share of its migrants who obtain a local hukou each quarter. */
    double settlingRate(int p) {
        return settling[p];
    }

    /** The talent's migration speed in force. */
    double talentRate() {
        return talentRate;
    }

    /** Whether the delta exchanges people with the rest of China. */
    boolean open() {
        return m > n;
    }
}
