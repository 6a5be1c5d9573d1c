package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Channels;
import yrdsim.scenario.Parameters;

/**
 * Knowledge (docs/MODEL.md 7.4, MODEL.md step 6): innovation by R&amp;D, spillovers discounted by
 * technology barriers and distance, decay, and bought licences. The firm-level equations are in
 * {@link FirmRules} and run in {@link FirmPhases#settle}; this class gives the firm phases what
 * they read per sector, cell and pair of regions, and builds the step-0 steady state of every
 * firm's knowledge from the same equations.
 *
 * <p>Reads last step's knowledge and firm counts by cell, each sector's R&amp;D and talent scales
 * and the technology barriers; writes {@link StepContext#innovationRate},
 * {@link StepContext#halfTalent}, {@link StepContext#averageTech} and
 * {@link StepContext#spillWeight}.
 */
final class Knowledge implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Convergence of the step-0 knowledge fixed point, relative. */
    private static final double TOLERANCE = 1e-14;
    private static final int ITERATIONS = 10_000;

    private final Structure st;
    private final Sector[] sectors;
    private final Province[] provinces;
    private final CellSums totals;
    /** ζ_c: the creation scale of each cell, calibrated so that step 0 creates what it did (MODEL-2 4). */
    private final double[] zeta;
    /** AH of each cell at step 0 (the creation channel switched off holds it). */
    private final double[] access0;
    /** Spillover weights at the status-quo levers (the technology channel switched off holds them). */
    private final double[] neutralWeight;
    /** Knowledge created by cell this quarter. */
    private final double[] created;

    Knowledge(Structure st, Sector[] sectors, Province[] provinces, CellSums totals) {
        this.st = st;
        this.sectors = sectors;
        this.provinces = provinces;
        this.totals = totals;
        zeta = new double[st.cells];
        access0 = new double[st.cells];
        neutralWeight = new double[st.regions * st.regions];
        created = new double[st.cells];
    }

    /**
     * Start of a step: innovation rates and absorption scales by sector, pools by cell, spillover
     * weights, and the knowledge each cell creates this quarter (MODEL-2 4) as a rate per unit of
     * its firms' R&amp;D. A channel switched off holds its part at step 0: without the technology
     * channel spillovers cross borders at the status-quo barriers; without the creation channel
     * each cell reaches the talent it reached at step 0.
     */
    void prepare(StepContext x, Levers levers, Parameters k, Channels channels) {
        for (Sector sector : sectors) {
            int s = sector.index;
            x.innovationRate[s] = FirmRules.innovationRate(k.innovationKappa(), sector.rdScale);
            x.halfTalent[s] = sector.halfTalent;
            x.planNorm[s] = sector.meanPlan0;
        }
        for (int c = 0; c < st.cells; c++) {
            x.averageTech[c] = totals.firms[c] > 0 ? totals.knowledgeIntensity[c] / totals.firms[c] : 0;
        }
        int regions = st.regions;
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                x.spillWeight[q * regions + p] = channels.technology() ? spillWeight(st, levers, q, p)
                        : neutralWeight[q * regions + p];
            }
        }
        for (int c = 0; c < st.cells; c++) {
            double access = channels.creation() ? access(st, x.spillWeight, totals.talent, c) : access0[c];
            created[c] = FirmRules.created(zeta[c], researchInput(levers, c, totals.rd[c]), k.creationRdElasticity(),
                    access, k.creationTalentElasticity(), totals.knowledge[c], k.creationKnowledgeElasticity());
            x.creationPerRd[c] = totals.rd[c] > 0 ? created[c] / totals.rd[c] : 0;
        }
        for (Province q : provinces) {
            q.knowledgeCreated = 0;
            for (int s = 0; s < st.sectors; s++) {
                q.knowledgeCreated += created[st.cell(q.index, s)];
            }
        }
    }

    /** End of a step: the knowledge each province's firms absorbed from other provinces' firms. */
    void absorbed() {
        int regions = st.regions;
        for (Province p : provinces) {
            p.knowledgeAbsorbed = 0;
            for (int q = 0; q < regions; q++) {
                p.knowledgeAbsorbed += q != p.index ? totals.spillover[q * regions + p.index] : 0;
            }
        }
    }

    /** R&amp;D_c + public R&amp;D aimed at cell {@code c}: its firms' R&amp;D and its share of its province's public R&amp;D. */
    private double researchInput(Levers levers, int c, double firmRd) {
        return firmRd + Government.publicResearchInflow(levers, provinces[st.regionOf(c)]) * st.researchWeight[c];
    }

    /**
     * AH_qs = Σ_j (1 − b^T_jq) ω_jq H_js: the talent of its sector that cell {@code c} can reach
     * across technology barriers and distance, with spillover weights at [j·P + q].
     */
    static double access(Structure st, double[] weights, double[] talentByCell, int c) {
        int q = st.regionOf(c);
        int s = st.sectorOf(c);
        double sum = 0;
        for (int j = 0; j < st.regions; j++) {
            sum += weights[j * st.regions + q] * talentByCell[st.cell(j, s)];
        }
        return sum;
    }

    /** Knowledge created in each cell this quarter, bn-yuan technology units (read only). */
    double[] created() {
        return created;
    }

    /** (1 − b^T_qp) ω_qp: how much of region q's knowledge pool a firm in p can reach. */
    static double spillWeight(Structure st, Levers levers, int q, int p) {
        return (1 - levers.technology[q][p]) * st.distanceDecay[q][p];
    }

    /**
     * Step 0: each sector's R&amp;D intensity r0 = ρ(1−m) (the share of revenue its firms spend on R&amp;D), its mean
     * firm's plan, and absorption half-talent H0 (the absorptive-capacity parameter times its mean
     * talent per firm). A sector without firms takes the economy's means over all {@code n} firms.
     */
    static void calibrateScales(Structure st, Sector[] sectors, Parameters k, double[] talentByCell,
                                double[] revenueByCell, double[] planByCell, int[] firmsByCell, int n) {
        double allTalent = java.util.Arrays.stream(talentByCell).sum();
        double allRevenue = java.util.Arrays.stream(revenueByCell).sum();
        double allPlans = java.util.Arrays.stream(planByCell).sum();
        for (Sector sector : sectors) {
            int s = sector.index;
            double talent = 0;
            double revenue = 0;
            double plans = 0;
            int firms = 0;
            for (int p = 0; p < st.regions; p++) {
                talent += talentByCell[st.cell(p, s)];
                revenue += revenueByCell[st.cell(p, s)];
                plans += planByCell[st.cell(p, s)];
                firms += firmsByCell[st.cell(p, s)];
            }
            double meanTalent = firms > 0 ? talent / firms : (n > 0 ? allTalent / n : 1);
            sector.halfTalent = k.absorptiveCapacity() * Math.max(meanTalent, Double.MIN_NORMAL);
            sector.meanRevenue0 = firms > 0 ? revenue / firms : (n > 0 ? allRevenue / n : 1);
            sector.meanPlan0 = firms > 0 ? plans / firms : (n > 0 ? allPlans / n : 1);
            sector.rdScale = st.rho[s] * (1 - st.intermediateShare[s]);
        }
    }

    /**
     * Step 0: each firm's knowledge at the steady state of its spillovers, decay and inflows
     * ({@link FirmRules#steadyStateTech}), given the cell averages of technology per unit of
     * scale, iterated until the averages themselves are stationary. A firm's inflow is its
     * licences plus its share, by its R&amp;D, of the knowledge its cell creates, which is
     * {@code creation_licence_ratio} times the cell's licences (MODEL-2 4).
     *
     * @param firms     the step-0 firms (region and sector)
     * @param plan      each step-0 firm's planned spending
     * @param neutral   the status-quo levers of calibration
     * @param provinces step-0 prices of talent and licences
     */
    static double[] steadyState(Structure st, Sector[] sectors, Province[] provinces, Levers neutral, Parameters k,
                                StartingFirms firms, double[] plan) {
        int regions = st.regions;
        int n = firms.count();
        double decay = k.techDecay();
        double[] licences = new double[n];
        double[] rd = new double[n];
        double[] capacity = new double[n];
        double[] scale = new double[n];
        double[] licencesByCell = new double[st.cells];
        double[] rdByCell = new double[st.cells];
        for (int f = 0; f < n; f++) {
            int p = firms.region(f);
            int s = firms.sector(f);
            licences[f] = FactorUse.quantity(st.tau[s], plan[f], FirmRules.inverse(provinces[p].techPrice));
            rd[f] = sectors[s].rdScale * firms.revenue(f);
            double talent = FactorUse.quantity(st.eta[s], plan[f], FirmRules.inverse(provinces[p].talentWage));
            capacity[f] = FirmRules.absorption(st.psi[s], talent, sectors[s].halfTalent);
            scale[f] = plan[f] / sectors[s].meanPlan0;
            licencesByCell[firms.cell(f)] += licences[f];
            rdByCell[firms.cell(f)] += rd[f];
        }
        double[] inflow = new double[n];
        double[] tech = new double[n];
        double[] intensity = new double[n];
        for (int f = 0; f < n; f++) {
            int c = firms.cell(f);
            double perRd = rdByCell[c] > 0 ? k.creationLicenceRatio() * licencesByCell[c] / rdByCell[c] : 0;
            inflow[f] = licences[f] + perRd * rd[f];
            tech[f] = inflow[f] / decay;
            intensity[f] = FirmRules.techIntensity(tech[f], plan[f], sectors[firms.sector(f)].meanPlan0);
        }
        double[][] weights = new double[regions][regions];
        for (int p = 0; p < regions; p++) {
            for (int q = 0; q < regions; q++) {
                weights[p][q] = spillWeight(st, neutral, q, p);
            }
        }
        double[] average = firms.cellMeans(intensity);
        double[] sources = new double[regions];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int f = 0; f < n; f++) {
                int s = firms.sector(f);
                double[] w = weights[firms.region(f)].clone();
                for (int q = 0; q < regions; q++) {
                    boolean empty = firms.inCell(st.cell(q, s)) == 0;
                    sources[q] = empty ? 0 : average[st.cell(q, s)] * scale[f];
                    w[q] = empty ? 0 : w[q];
                }
                tech[f] = FirmRules.steadyStateTech(capacity[f], w, sources, decay, inflow[f]);
                intensity[f] = FirmRules.techIntensity(tech[f], plan[f], sectors[s].meanPlan0);
            }
            double[] next = firms.cellMeans(intensity);
            double change = 0;
            for (int c = 0; c < next.length; c++) {
                if (next[c] > 0) {
                    change = Math.max(change, Math.abs(next[c] - average[c]) / next[c]);
                }
            }
            average = next;
            if (change < TOLERANCE) {
                return tech;
            }
        }
        throw new CalibrationException("steady-state knowledge did not converge");
    }

    /**
     * Step 0, after the public R&amp;D rates: ζ of every cell such that it creates
     * {@code creation_licence_ratio} times its licences at the step-0 state (so step 0 is
     * stationary), the step-0 access AH, and the status-quo spillover weights. Reads the step-0
     * sums of knowledge, talent, R&amp;D and licences.
     */
    void calibrateCreation(Levers neutral, Parameters k) {
        int regions = st.regions;
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                neutralWeight[q * regions + p] = spillWeight(st, neutral, q, p);
            }
        }
        for (int c = 0; c < st.cells; c++) {
            access0[c] = access(st, neutralWeight, totals.talent, c);
            double target = k.creationLicenceRatio() * totals.licences[c];
            double unit = FirmRules.created(1, researchInput(neutral, c, totals.rd[c]), k.creationRdElasticity(),
                    access0[c], k.creationTalentElasticity(), totals.knowledge[c], k.creationKnowledgeElasticity());
            zeta[c] = unit > 0 ? target / unit : 0;
        }
    }
}
