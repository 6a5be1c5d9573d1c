package yrdsim.model;

import java.io.Serializable;
import yrdsim.scenario.Parameters;

/**
 * Everything a firm phase reads: prices, cell terms, policy rates and parameters of the current
 * step. The model's submodels fill it between phases, each its own part (named on each group
 * below); during a phase it is read-only, which is what makes firms independent and the phase
 * parallel. Nothing outside this package reads or writes it: the engines only hand it to
 * {@link FirmPhases}.
 */
public final class StepContext implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The run's structure. */
    final Structure st;

    // ---- Parameters of this step ({@link #setParameters}).

    /** {@link Rng#stepKey} of the seed and step: the root of every firm draw of the step. */
    long stepKey;
    /** Plan smoothing λ. */
    double lambda;
    /** Mean of the innovation step in ln A. */
    double innovationMean;
    /** Standard deviation of the innovation step. */
    double innovationSd;
    /** Gibrat σ per quarter on the revenue scale, for a firm of its cell's mean size. */
    double gibratSigma;
    /** β: the Gibrat shock's standard deviation falls with relative size as (X/X̄)^−β. */
    double volatilityElasticity = Double.NaN;
    /** (X/X̄)^−β by log relative size ({@link FirmRules#volatilityFactors}), null when β = 0. */
    double[] volatilityFactors;
    /** Knowledge decay δ_T. */
    double techDecay;
    /** Exit hazard per quarter. */
    double exitHazard;
    /** Loss quarters before exit. */
    int exitLossQuarters;
    /** Probability per quarter that a firm considers relocating. */
    double relocationRate;

    // ---- Policy ({@link Policy#prepare}).

    /** Output subsidy rate of flagship firms. */
    double flagshipRate;
    /** R&amp;D subsidy rate of little giants. */
    double littleGiantRate;
    /** Fixed cost F_s per firm per quarter. */
    final double[] fixedCost;
    /** Carbon cost c_s per unit of output (bn yuan per bn yuan of step-0-price output). */
    final double[] carbonCost;
    /** Quarterly revenue at or above which a firm is a flagship (+∞ when the sector has no programme). */
    final double[] flagshipThreshold;
    /** Quarterly revenue below which a firm counts as a little giant (0 when the sector is not eligible). */
    final double[] littleGiantCeiling;
    /** Output subsidy rate of each cell (division of labour). */
    final double[] cellSubsidy;
    /** R&amp;D subsidy rate of each cell (innovation alliances). */
    final double[] allianceRdRate;
    /** Multiplier on ψ by region (innovation alliances). */
    final double[] spilloverScale;

    // ---- Demand ({@link Demand}).

    /** P_s of the last step, for plans. */
    final double[] planPrice;
    /** P_s of this step, for revenue. */
    final double[] price;
    /** This step's diffusion from the world frontier: the rise of ln A of every firm of the sector. */
    final double[] catchUp;

    // ---- Government ({@link Government#prepare}).

    /** κ of each cell: the share of revenue kept as value added after inputs and the expected tax, with the cell's output subsidy. */
    final double[] valueShare;
    /** κ − ρ(1−m) of each cell: what is left after R&amp;D too. */
    final double[] keepShare;
    /** v = κ P − c of each cell at last step's price, for plans. */
    final double[] planValue;
    /** ln v at last step's price (−∞ when v ≤ 0). */
    final double[] lnPlanValue;
    /** ρ(1−m) by sector: R&amp;D as a share of revenue. */
    final double[] rdShare;

    // ---- Factor markets ({@link FactorMarkets}).

    /** Price term of each cell at last step's factor prices (plans). */
    final double[] planPriceTerm;
    /** Price term of each cell at this step's factor prices (production). */
    final double[] producePriceTerm;
    /** This step's wage by region. */
    final double[] wage;
    /** This step's talent wage by region. */
    final double[] talentWage;
    /** 1/wage for talent by region (0: no market). */
    final double[] inverseTalentWage;
    /** 1/price of licences by region (0: no market). */
    final double[] inverseTechPrice;
    /** This step's capital rental by region. */
    final double[] rent;
    /** This step's technology-licence price by region. */
    final double[] techPrice;

    // ---- Agglomeration ({@link Agglomeration}).

    /** Agglomeration and zone term of each cell, from last step's aggregates. */
    final double[] cellTerm;

    // ---- Knowledge ({@link Knowledge}).

    /** κ/r0_s (r0_s = ρ(1−m): the R&amp;D intensity that gives innovation probability 1 − exp(−κ)). */
    final double[] innovationRate;
    /** X̄_s: the sector's mean plan at step 0, the unit of a firm's scale. */
    final double[] planNorm;
    /** Knowledge created in each cell this quarter per unit of its firms' R&amp;D last quarter. */
    final double[] creationPerRd;
    /** H0_s: talent at which absorptive capacity is half of ψ. */
    final double[] halfTalent;
    /** Average technology intensity t = T/(X/X̄) of each cell's firms at the end of last step. */
    final double[] averageTech;
    /** Spillover weight (1 − b^T_qp) ω_qp, at [q·P + p]. */
    final double[] spillWeight;

    // ---- Demography ({@link Demography}).

    /** Average planned spending of each cell's firms at the end of last step. */
    final double[] meanPlan;
    /** Its logarithm (−∞ for an empty cell). */
    final double[] lnMeanPlan;
    /** Cumulative relocation probabilities of a firm in cell c over destinations q, at [c·P + q]. */
    final double[] relocationCumulative;

    /** An empty context for {@code st}. */
    StepContext(Structure st) {
        this.st = st;
        int s = st.sectors;
        int c = st.cells;
        int p = st.regions;
        planPrice = new double[s];
        price = new double[s];
        catchUp = new double[s];
        fixedCost = new double[s];
        carbonCost = new double[s];
        rdShare = new double[s];
        valueShare = new double[c];
        keepShare = new double[c];
        planValue = new double[c];
        lnPlanValue = new double[c];
        innovationRate = new double[s];
        planNorm = new double[s];
        creationPerRd = new double[c];
        lnMeanPlan = new double[c];
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

    /** The behavioural parameters firms read this step, and the step's draw key. */
    void setParameters(Parameters k, long seed, int step) {
        stepKey = Rng.stepKey(seed, step);
        lambda = k.planSmoothing();
        innovationMean = k.innovationMean();
        innovationSd = k.innovationSd();
        gibratSigma = k.gibratSigma();
        if (k.volatilitySizeElasticity() != volatilityElasticity) {
            volatilityElasticity = k.volatilitySizeElasticity();
            volatilityFactors = FirmRules.volatilityFactors(volatilityElasticity);
        }
        techDecay = k.techDecay();
        exitHazard = k.exitHazard();
        exitLossQuarters = k.exitLossQuarters();
        relocationRate = k.relocationRate();
    }

    /** The flagship output subsidy rate of a firm of sector {@code s} with last revenue {@code revenue} (0 for most). */
    double flagshipSubsidy(int s, double revenue) {
        return revenue >= flagshipThreshold[s] ? flagshipRate : 0;
    }

    /** The little-giant R&amp;D subsidy rate of a firm of sector {@code s} with last revenue {@code revenue}. */
    double littleGiantSubsidy(int s, double revenue) {
        return revenue > 0 && revenue < littleGiantCeiling[s] ? littleGiantRate : 0;
    }

    /** The destination chosen by a relocating firm of cell {@code c} with uniform draw {@code u}. */
    int relocationDestination(int c, double u) {
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
