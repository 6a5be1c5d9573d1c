package yrdsim.model;

import java.util.Arrays;
import java.util.stream.IntStream;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;

/**
 * Builds step 0 as a stationary equilibrium that reproduces the scenario's revenues exactly
 * (MODEL.md 2b; docs/MODEL.md section 5). It inverts the dynamics rather than restating them:
 * every step calls the submodels' own equations with step-0 values and solves for the unknowns
 * (prices, knowledge, TFP, amenities, fixed costs, rates, demand curves, entry rates and
 * relocation constants). The steps run in MODEL.md 2b's order, each a method below; each needs
 * what the ones before it set.
 *
 * <p>Calibration runs with the status-quo levers: barrier matrices as written and every policy
 * off. Policies, and barrier scales other than 1, act from step 0 as departures from it.
 */
final class Calibrator {

    private final Scenario scenario;
    private final Parameters k;
    private final Structure st;
    private final Province[] provinces;
    private final Sector[] sectors;
    private final CellSums totals;
    private final Demography demography;
    private final Government government;
    private final Levers neutral;
    private final StartingFirms firms;
    /** Step-0 plan X = κR of each firm: its value added net of the status-quo tax. */
    private final double[] plan;
    /** Step-0 plans by cell, and ln v = ln κ of each cell (price 1, no carbon price). */
    private final double[] planByCell;
    private final double[] lnValue;
    /** Step-0 bids of each region's firms, from their revenues. */
    private final FactorMarkets.Bids bids;
    /** Step-0 employment by cell. */
    private final double[] workersByCell;
    private final double[] talentByCell;
    /** Step-0 knowledge of each firm. */
    private double[] tech;
    /** Step-0 agglomeration and price terms by cell. */
    private final double[] cellTerm;
    private final double[] priceTerm;
    /** Loss-making firms at step 0 by sector. */
    private final int[] lossFirms;

    private Calibrator(Scenario scenario, Structure st, Province[] provinces, Sector[] sectors, CellSums totals,
                       Demography demography, Government government, long seed) {
        this.scenario = scenario;
        this.k = scenario.parameters();
        this.st = st;
        this.provinces = provinces;
        this.sectors = sectors;
        this.totals = totals;
        this.demography = demography;
        this.government = government;
        this.neutral = Levers.neutral(scenario, st);
        this.firms = StartingFirms.draw(scenario, st, seed);
        this.plan = new double[firms.count()];
        this.planByCell = new double[st.cells];
        this.lnValue = new double[st.cells];
        this.bids = new FactorMarkets.Bids(st.regions);
        this.workersByCell = new double[st.cells];
        this.talentByCell = new double[st.cells];
        this.cellTerm = new double[st.cells];
        this.priceTerm = new double[st.cells];
        this.lossFirms = new int[st.sectors];
    }

    /**
     * Calibrates the model's state to step 0 and adds its firms to {@code engine}.
     *
     * @param placement  places capital and licences at the clearing prices
     * @param demography receives its entry rates, relocation constants and research weights
     * @return the number of step-0 firms
     */
    static int calibrate(Scenario scenario, long seed, Structure st, Province[] provinces, Sector[] sectors,
                         CellSums totals, Submodels submodels, EnterpriseEngine engine) {
        Calibrator c = new Calibrator(scenario, st, provinces, sectors, totals, submodels.demography(),
                submodels.government(), seed);
        c.plans();
        c.factorPrices(submodels.placement());
        c.knowledge();
        double[] lnA = c.tfp(submodels.agglomeration());
        submodels.dynamics().calibrate(c.neutral, c.k, yuanPerYear(scenario.restOfChina().wage()), c.censusShares());
        double[] profit = c.fixedCosts();
        ProvinceDynamics.calibrateRates(provinces, c.neutral, c.k);
        Demography demography = submodels.demography();
        submodels.demand().calibrate(c.k, c.sectorSums(c.firms.revenueByCell()), c.lnTfpByRevenue(lnA));
        c.lastStep(lnA, profit);
        submodels.knowledge().calibrateCreation(c.neutral, c.k);
        demography.calibrateEntry(c.k, c.firms.firmsByCell(), c.firms.revenueByCell(), totals.profit,
                totals.knowledge, c.lossFirms);
        demography.calibrateRelocation(c.k, c.neutral, c.lnValue, c.cellTerm, c.priceTerm, c.movers());
        int n = c.firms.count();
        for (int f = 0; f < n; f++) {
            engine.add(f, c.firms.region(f), c.firms.sector(f), lnA[f], c.tech[f], c.plan[f], c.firms.revenue(f));
        }
        demography.startIds(n);
        return n;
    }

    /** The submodels step 0 is calibrated into. */
    record Submodels(Placement placement, Demand demand, Demography demography, Government government,
                     ProvinceDynamics dynamics, Knowledge knowledge,
                     Agglomeration agglomeration) {
    }

    /**
     * Step 1, after the revenues: each province's status-quo tax rate (it pays for the public
     * research that keeps the stock stationary), and each firm's plan X = κR, the value added it
     * keeps net of that tax: what it pays its factors from.
     */
    private void plans() {
        for (Province q : provinces) {
            q.publicResearch = scenario.regions().get(q.index).publicResearch();
        }
        government.calibrate(k, firms.revenueByCell());
        for (int c = 0; c < st.cells; c++) {
            lnValue[c] = Math.log(government.calibratedValueShare(c));
        }
        for (int f = 0; f < firms.count(); f++) {
            int c = firms.cell(f);
            plan[f] = government.calibratedValueShare(c) * firms.revenue(f);
            planByCell[c] += plan[f];
        }
    }

    /** Each province's census migrant share, NaN where the scenario gives none. */
    private double[] censusShares() {
        double[] shares = new double[st.regions];
        for (int p = 0; p < st.regions; p++) {
            Double share = scenario.regions().get(p).migrantShare();
            shares[p] = share == null ? Double.NaN : share;
        }
        return shares;
    }

    /** A value by sector: the sum over regions of a value by cell. */
    private double[] sectorSums(double[] byCell) {
        double[] sums = new double[st.sectors];
        for (int c = 0; c < st.cells; c++) {
            sums[st.sectorOf(c)] += byCell[c];
        }
        return sums;
    }

    /** Σ R ln Ã by sector at step 0, where R = Y: the weights of the sectors' productivity. */
    private double[] lnTfpByRevenue(double[] lnA) {
        double[] sums = new double[st.sectors];
        for (int f = 0; f < firms.count(); f++) {
            int c = firms.cell(f);
            int s = firms.sector(f);
            sums[s] += firms.revenue(f) * FirmRules.lnEffectiveTfp(lnA[f], st.gamma[s], intensity(f), cellTerm[c]);
        }
        return sums;
    }

    /**
     * Step 2: stocks from the scenario, bids from the firms' plans, capital and licences placed
     * at the prices that clear every market, and every price from its trading post. Each
     * province owns the capital its firms use at the starting rental rate, or its
     * {@code capital_share} of the total. A province given a {@code wage} (yuan a year) has the
     * workers at whom its trading post pays exactly that wage.
     */
    private void factorPrices(Placement placement) {
        bids.of(st, planByCell);
        double r0 = k.startInterestRate();
        double capitalTotal = Arrays.stream(bids.capital).sum() / r0;
        double[] owned = new double[st.regions];
        for (Province q : provinces) {
            RegionSpec r = scenario.regions().get(q.index);
            q.workers = r.wage() != null ? bids.workers[q.index] / yuanPerYear(r.wage()) : r.workers();
            q.workers0 = q.workers;
            q.talent = r.talent();
            owned[q.index] = r.capitalShare() != null ? r.capitalShare() * capitalTotal : bids.capital[q.index] / r0;
        }
        placement.calibrate(neutral, k, owned, bids);
        for (Province q : provinces) {
            FactorMarkets.prices(q, bids);
        }
    }

    /** A wage in yuan per person a year in model units: bn yuan per thousand persons a quarter. */
    static double yuanPerYear(double yuan) {
        return yuan / 4 * 1e3 / 1e9;
    }

    /**
     * Step 3: employment by cell, each region's revenue and diversity, each sector's R&amp;D and
     * absorption scales, and every firm's knowledge at its steady state.
     */
    private void knowledge() {
        double[] revenueByCell = firms.revenueByCell();
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            workersByCell[c] = FirmRules.quantity(st.beta[s] * planByCell[c], provinces[p].wage);
            talentByCell[c] = FirmRules.quantity(st.eta[s] * planByCell[c], provinces[p].talentWage);
        }
        for (Province q : provinces) {
            double revenue = 0;
            for (int s = 0; s < st.sectors; s++) {
                revenue += revenueByCell[st.cell(q.index, s)];
            }
            q.revenue = revenue;
            q.diversity = Agglomeration.diversity(st, revenueByCell, q.index, revenue);
        }
        Knowledge.calibrateScales(st, sectors, k, talentByCell, revenueByCell, planByCell, firms.firmsByCell(),
                firms.count());
        tech = Knowledge.steadyState(st, sectors, provinces, neutral, k, firms, plan);
    }

    /**
     * Step 4: each firm's ln A backed out so that X* = X at step-0 prices (P_s = 1, so v = κ). A
     * firm in a cell where a market it needs has no supply (say, no talent) is backed out at the
     * delta's mean prices: it cannot produce and will wind down.
     */
    private double[] tfp(Agglomeration agglomeration) {
        double[] meanPrices = meanPrices();
        double[] across = agglomeration.calibrate(neutral, workersByCell, talentByCell);
        for (int c = 0; c < st.cells; c++) {
            Province q = provinces[st.regionOf(c)];
            cellTerm[c] = Agglomeration.term(st, k, c, workersByCell[c] + talentByCell[c] + across[c], q.diversity,
                    neutral.lnZone[q.index]);
            priceTerm[c] = FactorMarkets.priceTerm(st, c, q);
        }
        int n = firms.count();
        double[] lnA = new double[n];
        for (int f = 0; f < n; f++) {
            int c = firms.cell(f);
            int s = firms.sector(f);
            double term = priceTerm[c];
            if (term == Double.NEGATIVE_INFINITY) {
                term = FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s], meanPrices[0], meanPrices[1],
                        meanPrices[2]);
            }
            lnA[f] = FirmRules.backOutLnTfp(plan[f], lnValue[c], term, st.nu[s])
                    - st.gamma[s] * FirmRules.lnOnePlus(intensity(f)) - cellTerm[c];
        }
        return lnA;
    }

    /** Firm {@code f}'s technology per unit of scale, as the firm phases measure it. */
    private double intensity(int f) {
        return FirmRules.techIntensity(tech[f], plan[f], sectors[firms.sector(f)].meanPlan0);
    }

    /** Mean rent, wage and talent wage over regions with a market, for backing out TFP where one is missing. */
    private double[] meanPrices() {
        double[] sum = new double[3];
        int[] count = new int[3];
        for (Province q : provinces) {
            double[] prices = {q.rent, q.wage, q.talentWage};
            for (int j = 0; j < 3; j++) {
                if (prices[j] > 0) {
                    sum[j] += prices[j];
                    count[j]++;
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            sum[j] = count[j] > 0 ? sum[j] / count[j] : 1;
        }
        return sum;
    }

    /**
     * Step 5 (MODEL.md 2b): fixed costs such that exactly ⌊q·n⌋ firms of each sector make a
     * loss at step 0: F_s lies halfway between the operating profits ({@link FirmRules#profit}
     * without fixed cost) of the last loss-making and the first profitable firm.
     *
     * @return each firm's step-0 profit
     */
    private double[] fixedCosts() {
        int n = firms.count();
        double[] operating = new double[n];
        for (int f = 0; f < n; f++) {
            operating[f] = profit(f, 0);
        }
        for (Sector sector : sectors) {
            int s = sector.index;
            double[] sorted = IntStream.range(0, n).filter(f -> firms.sector(f) == s)
                    .mapToDouble(f -> operating[f]).sorted().toArray();
            int losers = (int) Math.floor(k.fixedCostLossShare() * sorted.length);
            double below = losers == 0 ? 0 : sorted[losers - 1];
            double above = sorted.length == 0 ? 0 : sorted[Math.min(losers, sorted.length - 1)];
            sector.fixedCost = (below + above) / 2;
            lossFirms[s] = losers;
        }
        double[] profit = new double[n];
        for (int f = 0; f < n; f++) {
            profit[f] = profit(f, sectors[firms.sector(f)].fixedCost);
        }
        return profit;
    }

    /** Firm {@code f}'s step-0 profit with fixed cost {@code fixed}: no subsidy, no carbon price, price 1. */
    private double profit(int f, double fixed) {
        int s = firms.sector(f);
        double keep = government.calibratedValueShare(firms.cell(f)) - st.rho[s] * (1 - st.intermediateShare[s]);
        double revenue = firms.revenue(f);
        return FirmRules.profit(revenue, keep, 0, revenue, st.factorShare[s], plan[f], fixed);
    }

    /**
     * The step-0 state as "last step": the sums the first step reads, and the provinces'
     * IotF revenue and firm counts.
     */
    private void lastStep(double[] lnA, double[] profit) {
        double[] revenueByCell = firms.revenueByCell();
        int n = firms.count();
        for (int f = 0; f < n; f++) {
            int c = firms.cell(f);
            int s = firms.sector(f);
            Province q = provinces[firms.region(f)];
            totals.knowledge[c] += tech[f];
            totals.knowledgeIntensity[c] += intensity(f);
            totals.profit[c] += profit[f];
            totals.licences[c] += FirmRules.quantity(st.tau[s] * plan[f], q.techPrice);
            totals.capital[c] += FirmRules.quantity(st.alpha[s] * plan[f], q.rent);
            totals.lnA[s] += lnA[f];
            totals.lnA2[s] += lnA[f] * lnA[f];
        }
        for (int c = 0; c < st.cells; c++) {
            totals.revenue[c] = revenueByCell[c];
            totals.output[c] = revenueByCell[c];
            totals.plan[c] = planByCell[c];
            totals.planEnd[c] = planByCell[c];
            totals.workers[c] = workersByCell[c];
            totals.talent[c] = talentByCell[c];
            totals.firms[c] = firms.inCell(c);
            int s = st.sectorOf(c);
            totals.rd[c] = st.rho[s] * (1 - st.intermediateShare[s]) * revenueByCell[c];
        }
        for (Province q : provinces) {
            double iotf = 0;
            q.firms = 0;
            for (int s = 0; s < st.sectors; s++) {
                if (st.iotf[s]) {
                    iotf += revenueByCell[st.cell(q.index, s)];
                }
                q.firms += firms.inCell(st.cell(q.index, s));
            }
            q.iotfRevenue = iotf;
        }
    }

    /**
     * Effective movers by cell: firms weighted by their chance of considering a move. Firms
     * larger than their cell's mean consider moving less often (docs/MODEL.md deviation 10).
     */
    private double[] movers() {
        double[] movers = new double[st.cells];
        for (int f = 0; f < firms.count(); f++) {
            int c = firms.cell(f);
            movers[c] += FirmRules.relocationChance(1, plan[f], planByCell[c] / firms.inCell(c));
        }
        return movers;
    }
}
