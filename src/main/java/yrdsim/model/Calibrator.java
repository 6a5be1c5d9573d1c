package yrdsim.model;

import java.util.Arrays;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.SectorSpec;

/**
 * Builds step 0 as a stationary equilibrium that reproduces the scenario's revenues exactly
 * (MODEL.md 2b). The order matters: revenues, then prices from the trading posts, then
 * knowledge at its steady state, then TFP backed out so that R* = R, then the constants that
 * make every flow balance (amenities, relocation constants, saving and public R&amp;D rates,
 * fixed costs, entry rates).
 *
 * <p>Calibration runs with the status-quo levers: barrier matrices as written and every policy
 * off. Policies, and barrier scales other than 1, act from step 0 as departures from it.
 */
final class Calibrator {

    /** Convergence of the knowledge fixed point, relative. */
    private static final double TECH_TOLERANCE = 1e-14;
    private static final int TECH_ITERATIONS = 10_000;
    /** The draw stream of step 0's construction, apart from any step's. */
    private static final long INIT_STREAM = -1;

    private Calibrator() {
    }

    /** The firms at step 0 before calibration: for sizing the engine. */
    static int firmCount(Scenario scenario) {
        int total = 0;
        for (int[] counts : cellCounts(scenario)) {
            for (int n : counts) {
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
            int assigned = 0;
            double[] remainder = new double[regions];
            for (int p = 0; p < regions; p++) {
                counts[s][p] = (int) Math.floor(total * share[p]);
                remainder[p] = total * share[p] - counts[s][p];
                assigned += counts[s][p];
            }
            while (assigned < total) {
                int best = 0;
                for (int p = 1; p < regions; p++) {
                    if (remainder[p] > remainder[best]) {
                        best = p;
                    }
                }
                counts[s][best]++;
                remainder[best] = -1;
                assigned++;
            }
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

    static void calibrate(YrdModel m) {
        Scenario sc = m.scenario;
        Structure st = m.st;
        Parameters k = sc.parameters();
        Levers lv = Levers.neutral(sc, st);
        int regions = st.regions;
        int cells = st.cells;
        Province[] pv = m.provinces;
        Sector[] sectors = m.sectors;
        CellSums t = m.totals;

        // 1. Firm revenues: double Pareto-lognormal draws scaled to each cell's target, X = R.
        int[][] counts = cellCounts(sc);
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        int[] province = new int[n];
        int[] sector = new int[n];
        double[] revenue = new double[n];
        double[] cellRevenue = new double[cells];
        int[] cellFirms = new int[cells];
        int i = 0;
        var sizes = sc.enterprises();
        for (int p = 0; p < regions; p++) {
            for (int s = 0; s < st.sectors; s++) {
                SectorSpec spec = sc.sectors().get(s);
                int count = counts[s][p];
                if (count == 0) {
                    continue;
                }
                double target = spec.revenue() / 4 * spec.provinceShares().getOrDefault(st.regionNames[p], 0.0);
                double sum = 0;
                for (int j = 0; j < count; j++) {
                    long key = Rng.key(m.seed(), INIT_STREAM, i + j);
                    double lnSize = sizes.sizeSigma() * Rng.normal(key, 0)
                            - Math.log(Rng.uniformOpen(key, 2)) / sizes.sizeExponent()
                            + Math.log(Rng.uniformOpen(key, 3)) / sizes.sizeLowerExponent();
                    revenue[i + j] = Math.exp(lnSize);
                    sum += revenue[i + j];
                }
                int c = st.cell(p, s);
                for (int j = 0; j < count; j++) {
                    revenue[i + j] = target * revenue[i + j] / sum;
                    province[i + j] = p;
                    sector[i + j] = s;
                    cellRevenue[c] += revenue[i + j];
                }
                cellFirms[c] = count;
                i += count;
            }
        }

        // 2. Factor prices from the trading posts; capital and licences placed so markets clear.
        double[] capitalBids = new double[regions];
        double[] workerBids = new double[regions];
        double[] talentBids = new double[regions];
        double[] techBids = new double[regions];
        for (int c = 0; c < cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            capitalBids[p] += st.alpha[s] * cellRevenue[c];
            workerBids[p] += st.beta[s] * cellRevenue[c];
            talentBids[p] += st.eta[s] * cellRevenue[c];
            techBids[p] += st.tau[s] * cellRevenue[c];
        }
        double r0 = k.startInterestRate();
        double capitalTotal = Arrays.stream(capitalBids).sum() / r0;
        double[] owned = new double[regions];
        double[] offered = new double[regions];
        for (int p = 0; p < regions; p++) {
            RegionSpec r = sc.regions().get(p);
            pv[p].workers = r.workers();
            pv[p].talent = r.talent();
            pv[p].publicResearch = r.publicResearch();
            owned[p] = r.capitalShare() != null ? r.capitalShare() * capitalTotal : capitalBids[p] / r0;
            pv[p].capitalOwned = owned[p];
            offered[p] = k.techOfferRate() * r.publicResearch() * FirmRules.TECH_UNITS_PER_BN;
            pv[p].wage = FirmRules.tradingPostPrice(workerBids[p], r.workers());
            pv[p].talentWage = FirmRules.tradingPostPrice(talentBids[p], r.talent());
        }
        double[] rent = Logit.clearingPrices(owned, capitalBids, lv.capital, k.capitalLogit(), r0);
        double[][] shares = new double[regions][regions];
        Logit.placementShares(rent, lv.capital, k.capitalLogit(), shares);
        for (Province owner : pv) {
            for (int q = 0; q < regions; q++) {
                owner.placed[q] = owner.capitalOwned * shares[owner.index][q];
                pv[q].capitalSupply += owner.placed[q];
            }
        }
        double offeredTotal = Arrays.stream(offered).sum();
        double techGuess = offeredTotal > 0 ? Arrays.stream(techBids).sum() / offeredTotal : 1;
        double[] techPrice = Logit.clearingPrices(offered, techBids, lv.technology, k.techLogit(), techGuess);
        Logit.placementShares(techPrice, lv.technology, k.techLogit(), shares);
        for (int p = 0; p < regions; p++) {
            for (int q = 0; q < regions; q++) {
                pv[p].licenceShares[q] = shares[p][q];
                pv[q].techSupply += offered[p] * shares[p][q];
            }
        }
        for (Province q : pv) {
            q.rent = FirmRules.tradingPostPrice(capitalBids[q.index], q.capitalSupply);
            q.techPrice = FirmRules.tradingPostPrice(techBids[q.index], q.techSupply);
        }

        // 3. Employment, diversity, absorptive capacity and steady-state knowledge.
        double[] cellWorkers = new double[cells];
        double[] cellTalent = new double[cells];
        double[] provinceRevenue = new double[regions];
        for (int c = 0; c < cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            cellWorkers[c] = FirmRules.quantity(st.beta[s] * cellRevenue[c], pv[p].wage);
            cellTalent[c] = FirmRules.quantity(st.eta[s] * cellRevenue[c], pv[p].talentWage);
            provinceRevenue[p] += cellRevenue[c];
        }
        for (Province q : pv) {
            double squares = 0;
            for (int s = 0; s < st.sectors; s++) {
                double share = provinceRevenue[q.index] > 0
                        ? cellRevenue[st.cell(q.index, s)] / provinceRevenue[q.index] : 0;
                squares += share * share;
            }
            q.diversity = provinceRevenue[q.index] > 0 ? 1 - squares : 0;
            q.revenue = provinceRevenue[q.index];
        }
        double allTalent = Arrays.stream(cellTalent).sum();
        double allRevenue = Arrays.stream(cellRevenue).sum();
        for (Sector sec : sectors) {
            int s = sec.index;
            double talent = 0;
            double rev = 0;
            int firms = 0;
            for (int p = 0; p < regions; p++) {
                talent += cellTalent[st.cell(p, s)];
                rev += cellRevenue[st.cell(p, s)];
                firms += cellFirms[st.cell(p, s)];
            }
            double meanTalent = firms > 0 ? talent / firms : (n > 0 ? allTalent / n : 1);
            sec.halfTalent = k.absorptiveCapacity() * Math.max(meanTalent, Double.MIN_NORMAL);
            sec.meanRevenue0 = firms > 0 ? rev / firms : (n > 0 ? allRevenue / n : 1);
            sec.rdScale = st.rho[s] * sec.meanRevenue0;
        }
        double[] tech = steadyStateKnowledge(m, lv, province, sector, revenue, cellFirms);

        // 4. TFP backed out so that R* = R at step-0 prices (price P_s = 1).
        double[] cellTerm = new double[cells];
        double[] priceTerm = new double[cells];
        double[] meanPrices = meanPrices(pv);
        for (int c = 0; c < cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            cellTerm[c] = FirmRules.cellTerm(st.phiMar[s], cellWorkers[c] + cellTalent[c], k.agglomerationScale(),
                    st.phiJacobs[s], pv[p].diversity, lv.lnZone[p]);
            priceTerm[c] = FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s], pv[p].rent, pv[p].wage,
                    pv[p].talentWage);
        }
        double[] lnA = new double[n];
        for (int f = 0; f < n; f++) {
            int c = st.cell(province[f], sector[f]);
            int s = sector[f];
            double term = priceTerm[c];
            if (term == Double.NEGATIVE_INFINITY) {
                // A market this firm needs has no supply (say, no talent): back out TFP at the
                // delta's mean prices. The firm cannot produce and will wind down.
                term = FirmRules.priceTerm(st.alpha[s], st.beta[s], st.eta[s], meanPrices[0], meanPrices[1],
                        meanPrices[2]);
            }
            lnA[f] = FirmRules.backOutLnTfp(revenue[f], 0, term, st.nu[s]) - st.gamma[s] * FirmRules.lnOnePlus(tech[f])
                    - cellTerm[c];
        }

        // 5. Amenities: no net migration of workers or talent at step 0.
        double[] workers = new double[regions];
        double[] talent = new double[regions];
        double[] lnWage = new double[regions];
        double[] lnTalentWage = new double[regions];
        for (Province q : pv) {
            workers[q.index] = q.workers;
            talent[q.index] = q.talent;
            lnWage[q.index] = Logit.lnPositive(q.wage);
            lnTalentWage[q.index] = Logit.lnPositive(q.talentWage);
        }
        double[] amenityWorkers = Logit.balance(workers,
                ProvinceDynamics.migrationBase(lnWage, lv.labor, k.migrationWageElasticity()), workers);
        double[] amenityTalent = Logit.balance(talent,
                ProvinceDynamics.migrationBase(lnTalentWage, lv.talent, k.migrationWageElasticity()), talent);

        // 6. Fixed costs: exactly ⌊q·n⌋ firms of each sector make a loss at step 0.
        int[] lossFirms = new int[st.sectors];
        for (Sector sec : sectors) {
            int s = sec.index;
            double[] sorted = java.util.stream.IntStream.range(0, n).filter(f -> sector[f] == s)
                    .mapToDouble(f -> revenue[f]).sorted().toArray();
            int losers = (int) Math.floor(k.fixedCostLossShare() * sorted.length);
            double below = losers == 0 ? 0 : sorted[losers - 1];
            double above = sorted.length == 0 ? 0 : sorted[Math.min(losers, sorted.length - 1)];
            double margin = 1 - st.nu[s] - st.tau[s] - st.rho[s];
            sec.fixedCost = margin * (below + above) / 2;
            lossFirms[s] = losers;
        }

        // 7. Saving and public R&D rates that keep capital and public research stationary.
        for (Province owner : pv) {
            int p = owner.index;
            double capitalIncome = 0;
            for (int q = 0; q < regions; q++) {
                capitalIncome += owner.placed[q] * pv[q].rent * (1 - lv.capital[p][q]);
            }
            owner.income = owner.wage * owner.workers + owner.talentWage * owner.talent + capitalIncome;
            owner.savingRate = owner.income > 0 ? k.capitalDepreciation() * owner.capitalOwned / owner.income : 0;
            owner.publicRdRate = owner.revenue > 0
                    ? k.publicResearchDepreciation() * owner.publicResearch / owner.revenue : 0;
            owner.amenityWorkers = amenityWorkers[p];
            owner.amenityTalent = amenityTalent[p];
        }

        // 8. Research weights over IotF sectors.
        int iotfSectors = 0;
        for (boolean b : st.iotf) {
            iotfSectors += b ? 1 : 0;
        }
        for (int c = 0; c < cells; c++) {
            int s = st.sectorOf(c);
            if (st.iotf[s]) {
                var weights = sc.regions().get(st.regionOf(c)).researchWeights();
                m.researchWeight[c] = weights.isEmpty() ? 1.0 / iotfSectors : weights.getOrDefault(st.sectorNames[s], 0.0);
            }
        }

        // 9. Demand curves through step-0 output at price 1.
        for (Sector sec : sectors) {
            int s = sec.index;
            double rev = 0;
            for (int p = 0; p < regions; p++) {
                rev += cellRevenue[st.cell(p, s)];
            }
            sec.priceShifter = 1;
            sec.price = 1;
            sec.demandShifter0 = rev > 0 ? rev : sc.sectors().get(s).revenue() / 4;
            sec.demandShifter = sec.demandShifter0;
            sec.output = rev;
            sec.revenue = rev;
        }

        // 10. The step-0 state as "last step": the sums the first step reads.
        double[] cellKnowledge = new double[cells];
        double[] lnASum = new double[st.sectors];
        double[] lnASquares = new double[st.sectors];
        for (int f = 0; f < n; f++) {
            int c = st.cell(province[f], sector[f]);
            int s = sector[f];
            double margin = 1 - st.nu[s] - st.tau[s] - st.rho[s];
            cellKnowledge[c] += tech[f];
            t.profit[c] += margin * revenue[f] - sectors[s].fixedCost;
            t.licences[c] += FirmRules.quantity(st.tau[s] * revenue[f], pv[province[f]].techPrice);
            t.capital[c] += FirmRules.quantity(st.alpha[s] * revenue[f], pv[province[f]].rent);
            lnASum[s] += lnA[f];
            lnASquares[s] += lnA[f] * lnA[f];
        }
        for (int c = 0; c < cells; c++) {
            t.revenue[c] = cellRevenue[c];
            t.output[c] = cellRevenue[c];
            t.plan[c] = cellRevenue[c];
            t.planEnd[c] = cellRevenue[c];
            t.workers[c] = cellWorkers[c];
            t.talent[c] = cellTalent[c];
            t.firms[c] = cellFirms[c];
            t.knowledge[c] = cellKnowledge[c];
            t.rd[c] = st.rho[st.sectorOf(c)] * cellRevenue[c];
        }
        System.arraycopy(lnASum, 0, t.lnA, 0, lnASum.length);
        System.arraycopy(lnASquares, 0, t.lnA2, 0, lnASquares.length);
        for (Province q : pv) {
            double iotf = 0;
            for (int s = 0; s < st.sectors; s++) {
                if (st.iotf[s]) {
                    iotf += cellRevenue[st.cell(q.index, s)];
                }
            }
            q.iotfRevenue = iotf;
            q.firms = 0;
            for (int s = 0; s < st.sectors; s++) {
                q.firms += cellFirms[st.cell(q.index, s)];
            }
        }

        // 11. Entry rates: expected entries equal expected exits at step 0.
        entryRates(m, k, cellFirms, cellRevenue, cellKnowledge, lossFirms);

        // 12. Relocation constants: no expected net relocation at step 0. Firms larger than their
        // cell's mean consider moving less often, so each cell's mass is its effective movers.
        double[] movers = new double[cells];
        for (int f = 0; f < n; f++) {
            int c = st.cell(province[f], sector[f]);
            movers[c] += FirmRules.relocationChance(1, revenue[f], cellRevenue[c] / cellFirms[c]);
        }
        relocationConstants(m, k, lv, cellTerm, priceTerm, movers);

        for (int f = 0; f < n; f++) {
            m.engine.add(f, province[f], sector[f], lnA[f], tech[f], revenue[f], revenue[f]);
        }
        m.nextId = n;
    }

    /**
     * Each firm's knowledge at the steady state of its spillovers, decay and licences, given the
     * cell averages, iterated until the averages themselves are stationary.
     */
    private static double[] steadyStateKnowledge(YrdModel m, Levers lv, int[] province, int[] sector,
                                                 double[] revenue, int[] cellFirms) {
        Structure st = m.st;
        Province[] pv = m.provinces;
        int regions = st.regions;
        int n = revenue.length;
        double decay = m.params.techDecay();
        double[] licences = new double[n];
        double[] capacity = new double[n];
        double[] tech = new double[n];
        for (int f = 0; f < n; f++) {
            int p = province[f];
            int s = sector[f];
            licences[f] = FirmRules.quantity(st.tau[s] * revenue[f], pv[p].techPrice);
            double talent = FirmRules.quantity(st.eta[s] * revenue[f], pv[p].talentWage);
            capacity[f] = FirmRules.absorption(st.psi[s], talent, m.sectors[s].halfTalent);
            tech[f] = licences[f] / decay;
        }
        double[][] weights = new double[regions][regions];
        for (int p = 0; p < regions; p++) {
            for (int q = 0; q < regions; q++) {
                weights[p][q] = (1 - lv.technology[q][p]) * st.distanceDecay[q][p];
            }
        }
        double[] average = cellAverages(st, province, sector, tech, cellFirms);
        double[] sources = new double[regions];
        for (int iteration = 0; iteration < TECH_ITERATIONS; iteration++) {
            for (int f = 0; f < n; f++) {
                int s = sector[f];
                for (int q = 0; q < regions; q++) {
                    sources[q] = cellFirms[st.cell(q, s)] > 0 ? average[st.cell(q, s)] : 0;
                }
                double[] w = weights[province[f]].clone();
                for (int q = 0; q < regions; q++) {
                    if (cellFirms[st.cell(q, s)] == 0) {
                        w[q] = 0;
                    }
                }
                tech[f] = FirmRules.steadyStateTech(capacity[f], w, sources, decay, licences[f]);
            }
            double[] next = cellAverages(st, province, sector, tech, cellFirms);
            double change = 0;
            for (int c = 0; c < next.length; c++) {
                if (next[c] > 0) {
                    change = Math.max(change, Math.abs(next[c] - average[c]) / next[c]);
                }
            }
            average = next;
            if (change < TECH_TOLERANCE) {
                return tech;
            }
        }
        throw new CalibrationException("steady-state knowledge did not converge");
    }

    private static double[] cellAverages(Structure st, int[] province, int[] sector, double[] tech, int[] cellFirms) {
        double[] average = new double[st.cells];
        for (int f = 0; f < tech.length; f++) {
            average[st.cell(province[f], sector[f])] += tech[f];
        }
        for (int c = 0; c < st.cells; c++) {
            average[c] = cellFirms[c] > 0 ? average[c] / cellFirms[c] : 0;
        }
        return average;
    }

    /** Mean rent, wage and talent wage over regions with a market, for backing out TFP where one is missing. */
    private static double[] meanPrices(Province[] pv) {
        double[] sum = new double[3];
        int[] count = new int[3];
        for (Province q : pv) {
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

    private static void entryRates(YrdModel m, Parameters k, int[] cellFirms, double[] cellRevenue,
                                   double[] cellKnowledge, int[] lossFirms) {
        Structure st = m.st;
        Province[] pv = m.provinces;
        double meanTalent = 0;
        for (Province q : pv) {
            meanTalent += q.talent / st.regions;
        }
        double iotfExits = 0;
        double iotfIndex = 0;
        int iotfFirms = 0;
        for (Sector sec : m.sectors) {
            int s = sec.index;
            double firms = 0;
            for (int p = 0; p < st.regions; p++) {
                firms += cellFirms[st.cell(p, s)];
            }
            double exits = k.exitHazard() * firms + (double) lossFirms[s] / k.exitLossQuarters();
            if (st.iotf[s]) {
                double norm = 0;
                double[] knowledge = new double[st.regions];
                for (int p = 0; p < st.regions; p++) {
                    int c = st.cell(p, s);
                    knowledge[p] = cellKnowledge[c]
                            + pv[p].publicResearch * FirmRules.TECH_UNITS_PER_BN * m.researchWeight[c];
                    norm += knowledge[p] / st.regions;
                }
                sec.knowledgeNorm = norm > 0 ? norm : 1;
                for (int p = 0; p < st.regions; p++) {
                    double talentIndex = meanTalent > 0
                            ? Math.pow(pv[p].talent / meanTalent, k.iotfEntryTalentExponent()) : 0;
                    iotfIndex += talentIndex * knowledge[p] / sec.knowledgeNorm;
                }
                iotfExits += exits;
                iotfFirms += (int) firms;
            } else {
                double denominator = 0;
                for (int p = 0; p < st.regions; p++) {
                    int c = st.cell(p, s);
                    if (cellRevenue[c] <= 0) {
                        continue;
                    }
                    double margin = 1 - st.nu[s] - st.tau[s] - st.rho[s];
                    double profitRate = (margin * cellRevenue[c] - sec.fixedCost * cellFirms[c]) / cellRevenue[c];
                    denominator += (cellFirms[c] + k.entryN0()) * Math.max(0, profitRate - k.entryHurdle());
                }
                sec.entryRate = denominator > 0 ? exits / denominator : 0;
            }
        }
        if (iotfFirms > 0) {
            m.iotfEntryRate = iotfIndex > 0 ? iotfExits / iotfIndex : 0;
        } else {
            m.iotfEntryRate = k.iotfEntryFallback();
        }
    }

    private static void relocationConstants(YrdModel m, Parameters k, Levers lv, double[] cellTerm,
                                            double[] priceTerm, double[] movers) {
        Structure st = m.st;
        int regions = st.regions;
        for (int s = 0; s < st.sectors; s++) {
            double[] mass = new double[regions];
            double[][] base = new double[regions][regions];
            for (int p = 0; p < regions; p++) {
                // Firms in a cell that cannot produce (a market it needs has no supply) are
                // left out: no constant can hold them there, and no one can relocate into it.
                int c = st.cell(p, s);
                mass[p] = priceTerm[c] == Double.NEGATIVE_INFINITY ? 0 : movers[c];
            }
            for (int p = 0; p < regions; p++) {
                for (int q = 0; q < regions; q++) {
                    int c = st.cell(q, s);
                    double value = (cellTerm[c] + priceTerm[c]) / (1 - st.nu[s]);
                    base[p][q] = Logit.utility(k.relocationLogit(),
                            value + Logit.lnOpen(lv.capital[p][q]) - (p == q ? 0 : k.relocationCost()), 0);
                }
            }
            double[] constants = Logit.balance(mass, base, mass);
            for (int q = 0; q < regions; q++) {
                m.relocationConstant[st.cell(q, s)] = constants[q];
            }
        }
    }
}
