package yrdsim.model;

import java.io.Serializable;
import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.apache.commons.math3.special.Erf;
import yrdsim.scenario.Parameters;

/**
 * Entry, exit and relocation (docs/MODEL.md 7.6, MODEL.md step 8). Firms decide their own exit
 * and relocation in {@link FirmPhases#settle}; this class gives them the relocation choice
 * probabilities of each cell, and brings entrants in after the step. Entry counts are Poisson per
 * cell, drawn by inversion of one uniform of {@code state.random} per cell in cell order; each
 * entrant's own draws come from the counter-based stream keyed by its id, so both engines create
 * identical entrants.
 *
 * <p>Its constants are calibrated at step 0 from the same equations: entry rates that make
 * expected entries equal expected exits, and relocation constants that make expected
 * relocations balance.
 */
final class Demography implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Largest mean inverted by direct search: e^−mean stays a normal double below about 708. */
    private static final double DIRECT_INVERSION_LIMIT = 500;

    private final Structure st;
    private final Province[] provinces;
    private final Sector[] sectors;
    private final CellSums totals;
    private final Guards guards;
    /** Relocation destination constants ξ by cell (−∞: no relocation into it). */
    private final double[] relocationConstant;
    /** One entry rate for every IotF sector. */
    private double iotfEntryRate;
    /** Entrants by cell in the last step. */
    private final double[] entries;
    /** The id the next entrant gets. */
    private long nextId;
    /** Work arrays of the relocation choice, by region: values, utilities, probabilities. */
    private final double[] value;
    private final double[] utilities;
    private final double[] choice;

    Demography(Structure st, Province[] provinces, Sector[] sectors, CellSums totals, Guards guards) {
        this.st = st;
        this.provinces = provinces;
        this.sectors = sectors;
        this.totals = totals;
        this.guards = guards;
        relocationConstant = new double[st.cells];
        entries = new double[st.cells];
        value = new double[st.regions];
        utilities = new double[st.regions];
        choice = new double[st.regions];
    }

    // ------------------------------------------------------------------ the step

    /** Start of a step: each cell's mean planned spending, against which a firm's size is judged. */
    void prepare(StepContext x) {
        for (int c = 0; c < st.cells; c++) {
            x.meanPlan[c] = totals.firms[c] > 0 ? totals.planEnd[c] / totals.firms[c] : 0;
            x.lnMeanPlan[c] = Logit.lnPositive(x.meanPlan[c]);
        }
    }

    /**
     * After the goods markets: the relocation probabilities of a firm in each cell, by logit over
     * the expected ln R* in every region at this step's prices, net of the capital barrier and
     * the relocation cost. Without the capital channel no firm relocates.
     */
    void relocationChoices(StepContext x, Levers levers, Parameters k, boolean capitalMobility) {
        int regions = st.regions;
        if (!capitalMobility) {
            for (int c = 0; c < st.cells; c++) {
                int p = st.regionOf(c);
                for (int q = 0; q < regions; q++) {
                    x.relocationCumulative[c * regions + q] = q >= p ? 1 : 0;
                }
            }
            return;
        }
        for (int s = 0; s < st.sectors; s++) {
            for (int q = 0; q < regions; q++) {
                int c = st.cell(q, s);
                value[q] = relocationValue(st, c, lnValue(x, c), x.cellTerm[c], x.producePriceTerm[c]);
            }
            for (int p = 0; p < regions; p++) {
                int c = st.cell(p, s);
                for (int q = 0; q < regions; q++) {
                    utilities[q] = relocationUtility(k, levers, p, q, value[q], relocationConstant[st.cell(q, s)]);
                }
                Logit.probabilities(utilities, p, choice);
                double cumulative = 0;
                for (int q = 0; q < regions; q++) {
                    cumulative += choice[q];
                    x.relocationCumulative[c * regions + q] = cumulative;
                }
            }
        }
    }

    /** Expected ln X* of a firm of average TFP in cell {@code c}: [ln v + cell term + price term]/(1−ν). */
    static double relocationValue(Structure st, int c, double lnValue, double cellTerm, double priceTerm) {
        return (lnValue + cellTerm + priceTerm) / (1 - st.nu[st.sectorOf(c)]);
    }

    /** ln v of cell {@code c} at this step's price: what a unit of its output is worth to its firms now. */
    private double lnValue(StepContext x, int c) {
        int s = st.sectorOf(c);
        return FirmRules.lnPositive(FirmRules.unitValue(x.valueShare[c], sectors[s].price, x.carbonCost[s]));
    }

    /** A mover's utility of region q from p: θ_F(value + ln(1 − b^K_pq) − cost·[q≠p]) + ξ_q. */
    static double relocationUtility(Parameters k, Levers levers, int p, int q, double value, double constant) {
        return Logit.utility(k.relocationLogit(),
                value + Logit.lnOpen(levers.capital[p][q]) - (q == p ? 0 : k.relocationCost()), constant);
    }

    /**
     * End of a step: Poisson entrants into every cell that has a market for all its inputs. IotF
     * entry grants of the incubation lever are paid from the province's next budget.
     */
    void enter(StepContext x, Levers levers, Parameters k, EnterpriseEngine engine, MersenneTwisterFast random,
               long seed, int step, Government government) {
        Arrays.fill(entries, 0);
        double meanTalent = meanTalent(provinces);
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            if (x.producePriceTerm[c] == Double.NEGATIVE_INFINITY) {
                continue; // a cell without a market for one of its inputs admits no one
            }
            double mean;
            Sector sector = sectors[s];
            if (st.iotf[s]) {
                mean = iotfEntryMean(iotfEntryRate, talentIndex(provinces[p], meanTalent, k),
                        iotfKnowledge(c, totals.knowledge[c]), sector.knowledgeNorm, levers.incubation[p]);
            } else {
                mean = traditionalEntryMean(sector.entryRate, totals.firms[c],
                        profitRate(totals.profit[c], valueAdded(c, totals.revenue[c])), k);
            }
            guards.entry(p, s, mean, engine.size());
            int count = poissonInverse(random.nextDouble(), mean);
            guards.entry(p, s, count, engine.size());
            for (int e = 0; e < count; e++) {
                double plan = addEntrant(x, k, engine, seed, step, p, s, c);
                if (st.iotf[s] && levers.incubation[p] != 0) {
                    government.grant(p, levers.incubation[p] * plan);
                }
            }
        }
    }

    /** Mean talent per region, H̄. */
    static double meanTalent(Province[] provinces) {
        double mean = 0;
        for (Province p : provinces) {
            mean += p.talent / provinces.length;
        }
        return mean;
    }

    /** (H_p/H̄)^a: the talent index of IotF entry. */
    static double talentIndex(Province p, double meanTalent, Parameters k) {
        return meanTalent > 0 ? Math.pow(p.talent / meanTalent, k.iotfEntryTalentExponent()) : 0;
    }

    /** KP_ps + G_p w_ps: the firms' knowledge of an IotF cell plus its share of public research. */
    private double iotfKnowledge(int c, double firmKnowledge) {
        return firmKnowledge + provinces[st.regionOf(c)].publicResearch * FirmRules.TECH_UNITS_PER_BN
                * st.researchWeight[c];
    }

    /** IotF entry mean e^IotF (H_p/H̄)^a (KP + G w)/K̄ (1 + incubation). */
    static double iotfEntryMean(double rate, double talentIndex, double knowledge, double norm, double incubation) {
        return rate * talentIndex * knowledge / norm * (1 + incubation);
    }

    /** Profit over value added: the profit rate entrants look at (0 without value added). */
    static double profitRate(double profit, double valueAdded) {
        return valueAdded > 0 ? profit / valueAdded : 0;
    }

    private double valueAdded(int c, double revenue) {
        return (1 - st.intermediateShare[st.sectorOf(c)]) * revenue;
    }

    /** Traditional entry mean e_s (N + n0) max(0, profit rate − hurdle). */
    static double traditionalEntryMean(double rate, double firms, double profitRate, Parameters k) {
        return rate * (firms + k.entryN0()) * Math.max(0, profitRate - k.entryHurdle());
    }

    /** Adds one entrant to cell {@code c}; returns its planned spending. */
    private double addEntrant(StepContext x, Parameters k, EnterpriseEngine engine, long seed, int step, int p, int s,
                              int c) {
        Sector sector = sectors[s];
        long id = nextId++;
        double meanPlan;
        if (totals.firms[c] > 0) {
            meanPlan = totals.planEnd[c] / totals.firms[c];
        } else {
            double plans = 0;
            double firms = 0;
            for (int q = 0; q < st.regions; q++) {
                plans += totals.planEnd[st.cell(q, s)];
                firms += totals.firms[st.cell(q, s)];
            }
            meanPlan = firms > 0 ? plans / firms : sector.meanPlan0;
        }
        double plan = k.entrantSize() * meanPlan;
        double lnA;
        if (Double.isNaN(sector.lnAMean)) {
            // No incumbents anywhere: the sector prior makes the entrant's small plan optimal today.
            lnA = FirmRules.backOutLnTfp(plan, lnValue(x, c), x.producePriceTerm[c], st.nu[s]) - x.cellTerm[c];
        } else {
            lnA = sector.lnAMean + sector.lnASd * Rng.normal(Rng.key(seed, step, id), 0);
        }
        engine.add(id, p, s, lnA, 0, plan, 0);
        totals.firms[c] += 1;
        totals.planEnd[c] += plan;
        entries[c] += 1;
        return plan;
    }

    /**
     * The Poisson count with {@code mean} at cumulative probability {@code u}: the smallest k
     * with F(k) ≥ u. Monotone in u and in the mean, so two scenarios on the same uniform draw
     * comparable counts: a policy's effect on entry is not drowned in sampling noise. Up to a
     * mean of 500 by direct search of the distribution (O(mean), no allocation); above it, where
     * e^−mean underflows, by the normal approximation with continuity correction (the Poisson's
     * skewness 1/√mean is then below 0.05).
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

    // ------------------------------------------------------------------ step 0

    /** Step 0: firm ids continue after the {@code firms} initial firms. */
    void startIds(int firms) {
        nextId = firms;
    }

    /**
     * Step 0: entry rates such that expected entries equal expected exits (the hazard plus the
     * loss-making firms spread over the loss quarters). Traditional sectors each get a rate on
     * their profit rates; IotF sectors share one rate on the IotF entry index.
     *
     * @param profitByCell the step-0 profit of each cell
     * @param lossFirms    loss-making firms at step 0 by sector
     */
    void calibrateEntry(Parameters k, int[] firmsByCell, double[] revenueByCell, double[] profitByCell,
                        double[] knowledgeByCell, int[] lossFirms) {
        double meanTalent = meanTalent(provinces);
        double iotfExits = 0;
        double iotfIndex = 0;
        int iotfFirms = 0;
        for (Sector sector : sectors) {
            int s = sector.index;
            double firms = 0;
            for (int p = 0; p < st.regions; p++) {
                firms += firmsByCell[st.cell(p, s)];
            }
            double exits = k.exitHazard() * firms + (double) lossFirms[s] / k.exitLossQuarters();
            if (st.iotf[s]) {
                double norm = 0;
                double[] knowledge = new double[st.regions];
                for (int p = 0; p < st.regions; p++) {
                    int c = st.cell(p, s);
                    knowledge[p] = iotfKnowledge(c, knowledgeByCell[c]);
                    norm += knowledge[p] / st.regions;
                }
                sector.knowledgeNorm = norm > 0 ? norm : 1;
                for (int p = 0; p < st.regions; p++) {
                    iotfIndex += iotfEntryMean(1, talentIndex(provinces[p], meanTalent, k), knowledge[p],
                            sector.knowledgeNorm, 0);
                }
                iotfExits += exits;
                iotfFirms += (int) firms;
            } else {
                double denominator = 0;
                for (int p = 0; p < st.regions; p++) {
                    int c = st.cell(p, s);
                    if (revenueByCell[c] > 0) {
                        denominator += traditionalEntryMean(1, firmsByCell[c],
                                profitRate(profitByCell[c], valueAdded(c, revenueByCell[c])), k);
                    }
                }
                sector.entryRate = denominator > 0 ? exits / denominator : 0;
            }
        }
        if (iotfFirms > 0) {
            iotfEntryRate = iotfIndex > 0 ? iotfExits / iotfIndex : 0;
        } else {
            iotfEntryRate = k.iotfEntryFallback();
        }
    }

    /**
     * Step 0: relocation constants ξ such that, at step-0 prices and the status-quo barriers,
     * expected relocations into and out of every cell balance. Firms in a cell that cannot
     * produce (a market it needs has no supply) are left out: no constant can hold them there,
     * and no one can relocate into it.
     *
     * @param movers effective movers by cell: firms weighted by their chance of considering a move
     */
    void calibrateRelocation(Parameters k, Levers neutral, double[] lnValue, double[] cellTerm, double[] priceTerm,
                             double[] movers) {
        int regions = st.regions;
        for (int s = 0; s < st.sectors; s++) {
            double[] mass = new double[regions];
            double[][] base = new double[regions][regions];
            for (int p = 0; p < regions; p++) {
                int c = st.cell(p, s);
                mass[p] = priceTerm[c] == Double.NEGATIVE_INFINITY ? 0 : movers[c];
            }
            for (int p = 0; p < regions; p++) {
                for (int q = 0; q < regions; q++) {
                    int c = st.cell(q, s);
                    double v = relocationValue(st, c, lnValue[c], cellTerm[c], priceTerm[c]);
                    base[p][q] = relocationUtility(k, neutral, p, q, v, 0);
                }
            }
            double[] constants = Logit.balance(mass, base, mass);
            for (int q = 0; q < regions; q++) {
                relocationConstant[st.cell(q, s)] = constants[q];
            }
        }
    }

    // ------------------------------------------------------------------ read access

    /** Entrants by cell in the last step. */
    double[] entries() {
        return entries;
    }

    /** The IotF entry rate calibrated at step 0. */
    double iotfEntryRate() {
        return iotfEntryRate;
    }

    /** Relocation constant ξ of cell {@code c}. */
    double relocationConstant(int c) {
        return relocationConstant[c];
    }
}
