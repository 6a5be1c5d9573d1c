package yrdsim.model;

/**
 * The three firm-level phases of a step (MODEL.md section 2, steps 3, 5 and 6 with the firm's
 * part of step 8). Each reads only the {@link StepContext} and its own firm and writes only its
 * own firm and the block's {@link CellSums}; both engines call exactly these methods.
 */
public final class FirmPhases {

    /** Draw numbers within a firm's step key. */
    static final int DRAW_SHOCK = 0;
    static final int DRAW_INNOVATION_SIZE = 1;
    static final int DRAW_INNOVATE = 2;
    static final int DRAW_EXIT = 3;
    static final int DRAW_MOVE = 4;
    static final int DRAW_WHERE = 5;

    private FirmPhases() {
    }

    /** Step 3: expectations, the smoothed plan, and the plan's contribution to the factor bids. */
    public static void plan(FirmView f, StepContext x, CellSums out) {
        Structure st = x.st;
        int s = f.sector();
        int c = st.cell(f.province(), s);
        double lnTfp = FirmRules.lnEffectiveTfp(f.lnA(), st.gamma[s],
                FirmRules.techIntensity(f.tech(), f.plan(), x.planNorm[s]), x.cellTerm[c]);
        f.setLnTfp(lnTfp);
        double flagship = x.flagshipSubsidy(s, f.revenue());
        // Most firms get no subsidy of their own: their cell's ln v serves, with no logarithm per firm.
        double lnValue = flagship == 0 ? x.lnPlanValue[c]
                : FirmRules.lnPositive(x.planValue[c] + flagship * x.planPrice[s]);
        double lnTarget = FirmRules.lnOptimalPlan(lnValue, lnTfp, x.planPriceTerm[c], st.elasticity[s]);
        double lnPlan = FirmRules.smoothLnPlan(f.lnPlan(), lnTarget, x.lambda);
        double plan = Math.exp(lnPlan);
        f.setPlan(plan, lnPlan);
        out.plan[c] += plan;
    }

    /** Step 5, firm part: output from the factors the trading posts gave this firm. */
    public static void produce(FirmView f, StepContext x, CellSums out) {
        Structure st = x.st;
        int s = f.sector();
        int c = st.cell(f.province(), s);
        double output = f.plan() > 0
                ? Math.exp(FirmRules.lnOutput(f.lnTfp(), x.producePriceTerm[c], st.nu[s], f.lnPlan()))
                : 0;
        f.setOutput(output);
        out.output[c] += output;
        out.lnTfpOutput[c] += output * f.lnTfp();
    }

    /**
     * Steps 5 to 8, firm part: revenue and profit, R&amp;D and innovation, the Gibrat shock,
     * spillovers, decay and licences, then the firm's exit and relocation decisions.
     */
    public static void settle(FirmView f, StepContext x, CellSums out) {
        Structure st = x.st;
        int p = f.province();
        int s = f.sector();
        int c = st.cell(p, s);
        int regions = st.regions;
        long key = Rng.firmKey(x.stepKey, f.id());
        double plan = f.plan();
        double output = f.output();
        double revenue = x.price[s] * output;
        double lastRevenue = f.revenue();
        double flagship = x.flagshipSubsidy(s, lastRevenue);
        double littleGiant = x.littleGiantSubsidy(s, lastRevenue);
        double alliance = x.allianceRdRate[c];
        double rdIntensity = x.rdShare[s] + littleGiant + alliance;
        double rd = rdIntensity * revenue;
        double profit = FirmRules.profit(revenue, x.keepShare[c] + flagship, x.carbonCost[s], output,
                st.factorShare[s], plan, x.fixedCost[s]);

        // Knowledge: innovation, the Gibrat shock, spillovers, decay and licences.
        double lnA = f.lnA();
        boolean innovates = FirmRules.innovates(Rng.uniform(key, DRAW_INNOVATE), rdIntensity * x.innovationRate[s]);
        if (innovates) {
            lnA += FirmRules.innovationStep(st.nu[s], x.innovationMean, x.innovationSd,
                    Rng.normal(key, DRAW_INNOVATION_SIZE));
        }
        double sd = FirmRules.shockSd(x.gibratSigma, x.volatilityFactors, f.lnPlan(), x.lnMeanPlan[c]);
        lnA += FirmRules.gibratShock(st.nu[s], sd, Rng.normal(key, DRAW_SHOCK)) + x.catchUp[s];

        double talent = FactorUse.quantity(st.eta[s], plan, x.inverseTalentWage[p]);
        double tech = f.tech();
        // The firm's scale X/X̄: spillovers close the gap between its technology and the pool's
        // intensity at its own scale, so knowledge gives no returns to size (MODEL-2 6).
        double scale = plan * (1 / x.planNorm[s]);
        double absorb = FirmRules.absorption(st.psi[s] * x.spilloverScale[p], talent, x.halfTalent[s]);
        double gain = 0;
        if (absorb > 0) {
            // Without branches: a closed route (weight 0) or a pool below the firm (gap clipped to
            // 0) adds exactly 0, and which of them applies is unpredictable firm by firm.
            for (int q = 0; q < regions; q++) {
                double g = absorb * x.spillWeight[q * regions + p]
                        * Math.max(0, x.averageTech[st.cell(q, s)] * scale - tech);
                gain += g;
                out.spillover[q * regions + p] += q != p ? g : 0;
            }
        }
        double licences = FactorUse.quantity(st.tau[s], plan, x.inverseTechPrice[p]);
        tech = FirmRules.nextTech(tech, gain, x.techDecay, licences + x.creationPerRd[c] * rd);

        int losses = profit < 0 ? f.losses() + 1 : 0;
        f.setLnA(lnA);
        f.setTech(tech);
        f.setRevenue(revenue);
        f.setLosses(losses);
        f.setAge(f.age() + 1);

        out.profit[c] += profit;
        double division = x.cellSubsidy[c];
        if (division + flagship + littleGiant + alliance != 0) {
            // Most firms get none (every firm of the baseline): skip the block sums.
            out.subsidy[c] += (division + flagship + littleGiant + alliance) * revenue;
            out.subsidyDivision[c] += division * revenue;
            out.subsidyFlagship[c] += flagship * revenue;
            out.subsidyLittleGiants[c] += littleGiant * revenue;
            out.subsidyAlliance[c] += alliance * revenue;
        }
        out.rd[c] += rd;
        if (innovates) {
            out.innovations[c] += 1;
        }

        if (losses >= x.exitLossQuarters || Rng.uniform(key, DRAW_EXIT) < x.exitHazard) {
            out.exits[c] += 1;
            f.exit();
            return;
        }
        int destination = p;
        if (Rng.uniform(key, DRAW_MOVE) < FirmRules.relocationChance(x.relocationRate, plan, x.meanPlan[c])) {
            destination = x.relocationDestination(c, Rng.uniform(key, DRAW_WHERE));
            if (destination != p) {
                f.setProvince(destination);
                out.relocations[p * regions + destination] += 1;
            }
        }
        int end = st.cell(destination, s);
        out.firms[end] += 1;
        out.knowledge[end] += tech;
        out.knowledgeIntensity[end] += scale > 0 ? tech / scale : 0;
        out.planEnd[end] += plan;
        out.lnA[s] += lnA;
        out.lnA2[s] += lnA * lnA;
    }

    /**
     * Step 6, cell part: the settle sums that are linear in a firm's plan or output, taken once
     * per cell from Σ X and Σ Y of the cell instead of firm by firm: revenue P_s ΣY and the
     * factors bought, βΣX/w (workers), ηΣX/h (talent), αΣX/r (capital) and τΣX/θ (licences).
     * The same sums up to round-off, for five accumulations and two divisions fewer per firm.
     */
    public static void settleCells(StepContext x, CellSums t) {
        Structure st = x.st;
        for (int c = 0; c < st.cells; c++) {
            int p = st.regionOf(c);
            int s = st.sectorOf(c);
            double plans = t.plan[c];
            t.revenue[c] = x.price[s] * t.output[c];
            t.workers[c] = FirmRules.quantity(st.beta[s] * plans, x.wage[p]);
            t.talent[c] = FirmRules.quantity(st.eta[s] * plans, x.talentWage[p]);
            t.capital[c] = FirmRules.quantity(st.alpha[s] * plans, x.rent[p]);
            t.licences[c] = FirmRules.quantity(st.tau[s] * plans, x.techPrice[p]);
        }
    }
}
