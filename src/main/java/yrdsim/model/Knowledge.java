package yrdsim.model;

import java.io.Serializable;
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
    private final CellSums totals;

    Knowledge(Structure st, Sector[] sectors, CellSums totals) {
        this.st = st;
        this.sectors = sectors;
        this.totals = totals;
    }

    /** Start of a step: innovation rates and absorption scales by sector, pools by cell, spillover weights. */
    void prepare(StepContext x, Levers levers, Parameters k) {
        for (Sector sector : sectors) {
            int s = sector.index;
            x.innovationRate[s] = FirmRules.innovationRate(k.innovationKappa(), sector.rdScale);
            x.halfTalent[s] = sector.halfTalent;
        }
        for (int c = 0; c < st.cells; c++) {
            x.averageTech[c] = totals.firms[c] > 0 ? totals.knowledge[c] / totals.firms[c] : 0;
        }
        int regions = st.regions;
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                x.spillWeight[q * regions + p] = spillWeight(st, levers, q, p);
            }
        }
    }

    /** (1 − b^T_qp) ω_qp: how much of region q's knowledge pool a firm in p can reach. */
    static double spillWeight(Structure st, Levers levers, int q, int p) {
        return (1 - levers.technology[q][p]) * st.distanceDecay[q][p];
    }

    /**
     * Step 0: each sector's R&amp;D scale R0 (the step-0 R&amp;D ρ(1−m)R of its mean firm), its mean
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
            sector.rdScale = st.rho[s] * (1 - st.intermediateShare[s]) * sector.meanRevenue0;
        }
    }

    /**
     * Step 0: each firm's knowledge at the steady state of its spillovers, decay and licences
     * ({@link FirmRules#steadyStateTech}), given the cell averages, iterated until the averages
     * themselves are stationary.
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
        double[] capacity = new double[n];
        double[] tech = new double[n];
        for (int f = 0; f < n; f++) {
            int p = firms.region(f);
            int s = firms.sector(f);
            licences[f] = FactorUse.quantity(st.tau[s], plan[f], FirmRules.inverse(provinces[p].techPrice));
            double talent = FactorUse.quantity(st.eta[s], plan[f], FirmRules.inverse(provinces[p].talentWage));
            capacity[f] = FirmRules.absorption(st.psi[s], talent, sectors[s].halfTalent);
            tech[f] = licences[f] / decay;
        }
        double[][] weights = new double[regions][regions];
        for (int p = 0; p < regions; p++) {
            for (int q = 0; q < regions; q++) {
                weights[p][q] = spillWeight(st, neutral, q, p);
            }
        }
        double[] average = firms.cellMeans(tech);
        double[] sources = new double[regions];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int f = 0; f < n; f++) {
                int s = firms.sector(f);
                for (int q = 0; q < regions; q++) {
                    sources[q] = firms.inCell(st.cell(q, s)) > 0 ? average[st.cell(q, s)] : 0;
                }
                double[] w = weights[firms.region(f)].clone();
                for (int q = 0; q < regions; q++) {
                    if (firms.inCell(st.cell(q, s)) == 0) {
                        w[q] = 0;
                    }
                }
                tech[f] = FirmRules.steadyStateTech(capacity[f], w, sources, decay, licences[f]);
            }
            double[] next = firms.cellMeans(tech);
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
}
