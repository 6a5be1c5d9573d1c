package yrdsim.model;

import java.io.Serializable;

/**
 * Everything a firm phase reads: prices, cell terms, policy rates and parameters of the current
 * step. The model fills it between phases; during a phase it is read-only, which is what makes
 * firms independent and the phase parallel.
 */
public final class StepContext implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The run's structure. */
    public final Structure st;
    /** Seed of the counter-based random stream. */
    public long seed;
    /** Current step. */
    public int step;
    /** {@link Rng#stepKey} of the seed and step. */
    public long stepKey;

    /** Plan smoothing λ. */
    public double lambda;
    /** Innovation κ. */
    public double kappa;
    /** Mean of the innovation step in ln A. */
    public double innovationMean;
    /** Standard deviation of the innovation step. */
    public double innovationSd;
    /** Gibrat σ per quarter on the revenue scale. */
    public double gibratSigma;
    /** Knowledge decay δ_T. */
    public double techDecay;
    /** Exit hazard per quarter. */
    public double exitHazard;
    /** Loss quarters before exit. */
    public int exitLossQuarters;
    /** Probability per quarter that a firm considers relocating. */
    public double relocationRate;
    /** Output subsidy rate of flagship firms. */
    public double flagshipRate;
    /** R&amp;D subsidy rate of little giants. */
    public double littleGiantRate;

    /** ln P_s of the last step, for plans. */
    public final double[] lnPlanPrice;
    /** P_s of this step, for revenue. */
    public final double[] price;
    /** Fixed cost F_s per firm per quarter, with any carbon cost. */
    public final double[] fixedCost;
    /** κ/R0_s (R0_s: the R&amp;D that gives innovation probability 1 − exp(−κ)). */
    public final double[] innovationRate;
    /** H0_s: talent at which absorptive capacity is half of ψ. */
    public final double[] halfTalent;
    /** Quarterly revenue at or above which a firm is a flagship (+∞ when the sector has no programme). */
    public final double[] flagshipThreshold;
    /** Quarterly revenue below which a firm counts as a little giant (0 when the sector is not eligible). */
    public final double[] littleGiantCeiling;

    /** Agglomeration and zone term of each cell, from last step's aggregates. */
    public final double[] cellTerm;
    /** Price term of each cell at last step's factor prices (plans). */
    public final double[] planPriceTerm;
    /** Price term of each cell at this step's factor prices (production). */
    public final double[] producePriceTerm;
    /** Output subsidy rate of each cell (division of labour). */
    public final double[] cellSubsidy;
    /** R&amp;D subsidy rate of each cell (innovation alliances). */
    public final double[] allianceRdRate;
    /** Average knowledge KP/N of each cell at the end of last step. */
    public final double[] averageTech;
    /** Average planned spending of each cell's firms at the end of last step. */
    public final double[] meanPlan;

    /** This step's wage by region. */
    public final double[] wage;
    /** This step's talent wage by region. */
    public final double[] talentWage;
    /** 1/wage for talent by region (0: no market). */
    public final double[] inverseTalentWage;
    /** 1/price of licences by region (0: no market). */
    public final double[] inverseTechPrice;
    /** This step's capital rental by region. */
    public final double[] rent;
    /** This step's technology-licence price by region. */
    public final double[] techPrice;
    /** Multiplier on ψ by region (innovation alliances). */
    public final double[] spilloverScale;
    /** Spillover weight (1 − b^T_qp) ω_qp, at [q·P + p]. */
    public final double[] spillWeight;
    /** Cumulative relocation probabilities of a firm in cell c over destinations q, at [c·P + q]. */
    public final double[] relocationCumulative;

    /** An empty context for {@code st}. */
    public StepContext(Structure st) {
        this.st = st;
        int s = st.sectors;
        int c = st.cells;
        int p = st.regions;
        lnPlanPrice = new double[s];
        price = new double[s];
        fixedCost = new double[s];
        innovationRate = new double[s];
        halfTalent = new double[s];
        flagshipThreshold = new double[s];
        littleGiantCeiling = new double[s];
        cellTerm = new double[c];
        planPriceTerm = new double[c];
        producePriceTerm = new double[c];
        cellSubsidy = new double[c];
        allianceRdRate = new double[c];
        averageTech = new double[c];
        meanPlan = new double[c];
        wage = new double[p];
        talentWage = new double[p];
        rent = new double[p];
        inverseTalentWage = new double[p];
        inverseTechPrice = new double[p];
        techPrice = new double[p];
        spilloverScale = new double[p];
        spillWeight = new double[p * p];
        relocationCumulative = new double[c * p];
    }

    /** Output subsidy rate of a firm in cell {@code c}, sector {@code s}, with last revenue {@code revenue}. */
    public double outputSubsidyRate(int c, int s, double revenue) {
        return cellSubsidy[c] + (revenue >= flagshipThreshold[s] ? flagshipRate : 0);
    }

    /** R&amp;D subsidy rate of a firm in cell {@code c}, sector {@code s}, with last revenue {@code revenue}. */
    public double rdSubsidyRate(int c, int s, double revenue) {
        boolean littleGiant = revenue > 0 && revenue < littleGiantCeiling[s];
        return (littleGiant ? littleGiantRate : 0) + allianceRdRate[c];
    }

    /** The destination chosen by a relocating firm of cell {@code c} with uniform draw {@code u}. */
    public int relocationDestination(int c, double u) {
        int p = st.regions;
        int base = c * p;
        for (int q = 0; q < p - 1; q++) {
            if (u < relocationCumulative[base + q]) {
                return q;
            }
        }
        return p - 1;
    }
}
