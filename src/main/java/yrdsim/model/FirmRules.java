package yrdsim.model;

/**
 * The firm-level equations of MODEL.md section 2, as pure functions of primitives. Both
 * engines reach them through {@link FirmPhases}; nothing here touches state.
 */
public final class FirmRules {

    /** Technology stocks are in units of one million yuan of public research. */
    public static final double TECH_UNITS_PER_BN = 1000;

    private FirmRules() {
    }

    /**
     * ln Ã = ln A + γ ln(1+t) + (agglomeration and zone terms of the firm's cell), where t is the
     * firm's technology per unit of scale ({@link #techIntensity}): technology gives no
     * increasing returns to size (MODEL-2 6).
     */
    public static double lnEffectiveTfp(double lnA, double gamma, double techIntensity, double cellTerm) {
        return lnA + gamma * lnOnePlus(techIntensity) + cellTerm;
    }

    /**
     * t = T / (X / X̄): technology per unit of the firm's scale, its planned spending relative to
     * its sector's step-0 mean X̄ (MODEL-2 6 with ζ = 1); 0 for a firm without a plan.
     */
    public static double techIntensity(double tech, double plan, double planNorm) {
        return plan > 0 ? tech * planNorm / plan : 0;
    }

    /**
     * σ_i = σ (X_i / X̄_c)^−β: the firm's Gibrat shock falls with its size relative to its cell's
     * mean, as the growth rates of larger firms are less volatile (Stanley et al. 1996, β about
     * 0.15–0.2); σ for a firm of mean size, and for every firm when β = 0 ({@code factors} null).
     * Relative size counts only within a factor of {@value #VOLATILITY_SIZE_RANGE} either side of
     * the mean: a firm a millionth of its cell's mean would otherwise draw shocks that swing
     * prices 10^8-fold (docs/MODEL.md, deviations).
     *
     * <p>(X/X̄)^−β = exp(−β ln(X/X̄)) is read from {@link #volatilityFactors}, a table over the
     * clipped log relative size, by linear interpolation (relative error below 10^−6 at β ≤ 0.5):
     * an exponential per firm and quarter cost a fifth of the fast engine's step.
     */
    public static double shockSd(double sigma, double[] factors, double lnPlan, double lnMeanPlan) {
        if (factors == null) {
            return sigma;
        }
        double relative = Math.max(-LN_VOLATILITY_SIZE_RANGE, Math.min(LN_VOLATILITY_SIZE_RANGE, lnPlan - lnMeanPlan));
        double u = (relative + LN_VOLATILITY_SIZE_RANGE) * FACTORS_PER_LN;
        int i = Math.min((int) u, VOLATILITY_SEGMENTS - 1);
        double w = u - i;
        return sigma * (factors[i] + w * (factors[i + 1] - factors[i]));
    }

    /**
     * The table {@link #shockSd} interpolates: exp(−β r) at {@value #VOLATILITY_SEGMENTS} + 1
     * points evenly spread over r in ±ln {@value #VOLATILITY_SIZE_RANGE}; null when β = 0.
     */
    public static double[] volatilityFactors(double beta) {
        if (beta == 0) {
            return null;
        }
        double[] factors = new double[VOLATILITY_SEGMENTS + 1];
        for (int i = 0; i <= VOLATILITY_SEGMENTS; i++) {
            factors[i] = Math.exp(-beta * (i / FACTORS_PER_LN - LN_VOLATILITY_SIZE_RANGE));
        }
        return factors;
    }

    /** Relative sizes beyond this factor of the cell mean have the volatility of this factor. */
    public static final double VOLATILITY_SIZE_RANGE = 100;
    private static final double LN_VOLATILITY_SIZE_RANGE = Math.log(VOLATILITY_SIZE_RANGE);
    private static final int VOLATILITY_SEGMENTS = 4096;
    private static final double FACTORS_PER_LN = VOLATILITY_SEGMENTS / (2 * LN_VOLATILITY_SIZE_RANGE);

    /**
     * ln(1+x) for x &ge; 0 from the intrinsic {@code Math.log}: ln(u)·x/(u−1) with u = 1+x, whose
     * division cancels the rounding of u (Goldberg 1991, theorem 4), accurate to a few ulps;
     * ln u alone from x = 1 on, where the rounding of u no longer matters.
     * {@code Math.log1p} is no JIT intrinsic (a native call) and was a tenth of a step's time.
     */
    public static double lnOnePlus(double x) {
        double u = 1 + x;
        if (x >= 1) {
            // 1 + x is rounded by at most half an ulp of u, which moves ln u by less than an ulp
            // of it here: the correction (a division) is only needed below 1.
            return Math.log(u);
        }
        return u == 1 ? x : Math.log(u) * (x / (u - 1));
    }

    /**
     * The cell's agglomeration and zone term: φ^MAR ln(1 + E/E0) + φ^Jac D + ln zone.
     */
    public static double cellTerm(double phiMar, double employment, double e0, double phiJacobs,
                                  double diversity, double lnZone) {
        return phiMar * Math.log1p(employment / e0) + phiJacobs * diversity + lnZone;
    }

    /**
     * The price term α ln(α/r) + β ln(β/w) + η ln(η/h) shared by every firm of a cell. When a
     * market the sector needs has no supply (price 0), the firm cannot produce: −∞.
     */
    public static double priceTerm(double alpha, double beta, double eta, double r, double w, double h) {
        if (r <= 0 || w <= 0 || h <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return alpha * Math.log(alpha / r) + beta * Math.log(beta / w) + eta * Math.log(eta / h);
    }

    /**
     * ln X*: the planned spending that maximises profit, [ln v + ln Ã + price term] / (1−ν). X is
     * the firm's value added net of tax and carbon cost, which it pays its factors from:
     * v = κ P − c per unit of output, κ = 1 + s − m − t(1 − m) (MODEL-2 1 and 7).
     *
     * @param elasticity 1/(1−ν) ({@link Structure#elasticity}): a product, not a division per firm
     */
    public static double lnOptimalPlan(double lnValue, double lnTfp, double priceTerm, double elasticity) {
        return (lnValue + lnTfp + priceTerm) * elasticity;
    }

    /**
     * κ: the share of a unit of revenue the firm keeps as value added after intermediate inputs
     * (share m) and the value-added tax t, plus any output subsidy s on revenue:
     * 1 + s − m − t(1 − m).
     */
    public static double valueShare(double subsidy, double intermediateShare, double taxRate) {
        return 1 + subsidy - intermediateShare - taxRate * (1 - intermediateShare);
    }

    /** v = κ P − c: what a unit of output is worth to the firm's factors; c is its carbon cost. */
    public static double unitValue(double valueShare, double price, double carbonCost) {
        return valueShare * price - carbonCost;
    }

    /** ln x, −∞ for x ≤ 0: a unit worth nothing to the firm is not produced. */
    public static double lnPositive(double x) {
        return x > 0 ? Math.log(x) : Double.NEGATIVE_INFINITY;
    }

    /**
     * Plan smoothing in logs, ln X ← ln X + λ(ln R* − ln X), which damps the cobweb of MODEL.md
     * 2b. Near equilibrium it is MODEL.md's X ← X + λ(R* − X) to first order; unlike it, it stays
     * stable when R* jumps by orders of magnitude (a giant firm leaving a region), because the
     * model is log-linear in plans and prices. A firm that cannot produce (R* = 0) shrinks by λ
     * a quarter; a plan of 0 stays 0. Works on ln X, which firms keep, so no logarithm is taken.
     */
    public static double smoothLnPlan(double lnPlan, double lnOptimalPlan, double lambda) {
        if (lnOptimalPlan == Double.NEGATIVE_INFINITY) {
            return lnPlan + Math.log1p(-lambda);
        }
        if (lnPlan == Double.NEGATIVE_INFINITY) {
            return lnPlan;
        }
        return (1 - lambda) * lnPlan + lambda * lnOptimalPlan;
    }

    /** ln X for a plan X, −∞ for a plan of 0. */
    public static double lnPlan(double plan) {
        return plan > 0 ? Math.log(plan) : Double.NEGATIVE_INFINITY;
    }

    /**
     * ln Y = ln Ã + α ln K + β ln L + η ln H with trading-post quantities K = αX/r etc., which is
     * ln Ã + (price term at this step's prices) + ν ln X.
     */
    public static double lnOutput(double lnTfp, double priceTerm, double nu, double lnPlan) {
        return lnTfp + priceTerm + nu * lnPlan;
    }

    /** The TFP that makes X* equal to {@code plan}: MODEL.md 2b step 3, with ln v in place of ln P. */
    public static double backOutLnTfp(double plan, double lnValue, double priceTerm, double nu) {
        return (1 - nu) * Math.log(plan) - lnValue - priceTerm;
    }

    /** Trading-post quantity bought with {@code bid} at {@code price}; nothing when there is no market. */
    public static double quantity(double bid, double price) {
        return price > 0 ? bid / price : 0;
    }

    /** 1/price, or 0 when there is no market: {@link #quantity} as a product, for the firm loop. */
    public static double inverse(double price) {
        return price > 0 ? 1 / price : 0;
    }

    /** Trading-post price: total bids over supply; 0 when there is no supply. */
    public static double tradingPostPrice(double bids, double supply) {
        return supply > 0 ? bids / supply : 0;
    }

    /**
     * π = P Y (κ − ρ(1−m)) − c Y − (ν+τ) X − F: revenue less intermediate inputs and tax
     * (through κ, {@link #valueShare}), R&amp;D (ρ of value added), the carbon cost of the output,
     * the factors and licences bought with the plan, and the fixed cost. R&amp;D subsidies cancel
     * the R&amp;D they pay for.
     *
     * @param keepShare   κ − ρ(1−m): the share of revenue left after inputs, tax and R&amp;D
     * @param carbonCost  c: carbon cost per unit of output
     * @param factorShare ν + τ: the factors' and licences' share of the plan
     */
    public static double profit(double revenue, double keepShare, double carbonCost, double output,
                                double factorShare, double plan, double fixedCost) {
        return revenue * keepShare - carbonCost * output - factorShare * plan - fixedCost;
    }

    /**
     * Probability of a successful innovation, 1 − exp(−κ r / r0): r is the firm's R&amp;D as a
     * share of its revenue and r0 its sector's status-quo share ρ(1−m), so the chance depends on
     * how intensely a firm does research, not on its size (MODEL-2 6). Above x = 1/2 the
     * subtraction loses nothing and the intrinsic {@code Math.exp} is several times cheaper than
     * {@code Math.expm1} (a native call).
     */
    public static double innovationProbability(double rdIntensity, double kappa, double rdIntensity0) {
        return oneMinusExpMinus(rdIntensity * innovationRate(kappa, rdIntensity0));
    }

    /** κ/r0 of a sector, 0 without R&amp;D: the exponent of the innovation probability per unit of R&amp;D intensity. */
    public static double innovationRate(double kappa, double rdIntensity0) {
        return rdIntensity0 > 0 ? kappa / rdIntensity0 : 0;
    }

    private static double oneMinusExpMinus(double x) {
        return x > 0.5 ? 1 - Math.exp(-x) : -Math.expm1(-x);
    }

    /**
     * Whether a firm with uniform draw {@code u} innovates: u &lt; 1 − exp(−x), x = κ R&amp;D / R0
     * ({@link #innovationProbability}). Since x − x²/2 &le; 1 − exp(−x) &le; x, the comparison is
     * settled without the exponential unless u falls between the two bounds (a share of at most
     * x²/2 of draws).
     */
    public static boolean innovates(double u, double x) {
        if (u >= x) {
            return false;
        }
        if (u < x - 0.5 * x * x) {
            return true;
        }
        return u < oneMinusExpMinus(x);
    }

    /**
     * The TFP gain of a successful innovation, (1−ν)·|μ + σ z|: like the Gibrat shock it is
     * drawn on the revenue scale, so μ is the rise in optimal revenue whatever the sector's ν.
     */
    public static double innovationStep(double nu, double mean, double sd, double z) {
        return (1 - nu) * Math.abs(mean + sd * z);
    }

    /** The Gibrat shock to ln A: (1−ν)·(−σ²/2 + σ z), so revenue-scale shocks have mean one. */
    public static double gibratShock(double nu, double sigma, double z) {
        return (1 - nu) * (-0.5 * sigma * sigma + sigma * z);
    }

    /** Absorptive capacity ψ H/(H + H0). */
    public static double absorption(double psi, double talent, double halfTalent) {
        return talent > 0 ? psi * talent / (talent + halfTalent) : 0;
    }

    /**
     * Probability that a firm considers relocating this quarter: the base rate for a firm of its
     * cell's mean size or smaller, falling in proportion to size above it. Moving a large firm
     * costs more in sunk plant and staff, so giants rarely move wholesale; without this, one
     * giant leaving emptied its region's labour market in a quarter.
     */
    public static double relocationChance(double rate, double plan, double meanPlan) {
        return plan > meanPlan ? rate * meanPlan / plan : rate;
    }

    /**
     * Knowledge after one step: spillover gain added, decay applied, then the inflows of the
     * quarter added: licences bought and the firm's share of the knowledge its cell created.
     */
    public static double nextTech(double tech, double spillover, double decay, double inflow) {
        return (tech + spillover) * (1 - decay) + inflow;
    }

    /**
     * ΔK = ζ (R&amp;D + public R&amp;D)^λR · AH^λH · K^φK: the knowledge a cell creates in a quarter
     * (MODEL-2 4), a Jones-style idea production function with φK &lt; 1; 0 when any input is 0.
     *
     * @param rd     the cell's R&amp;D plus the public R&amp;D aimed at it, bn yuan a quarter
     * @param access AH: the talent the cell can reach across technology barriers and distance
     * @param stock  K: the cell's knowledge
     */
    public static double created(double zeta, double rd, double lambdaR, double access, double lambdaH,
                                 double stock, double phiK) {
        if (rd <= 0 || access <= 0 || stock <= 0) {
            return 0;
        }
        return zeta * Math.pow(rd, lambdaR) * Math.pow(access, lambdaH) * Math.pow(stock, phiK);
    }

    /**
     * The knowledge stock T at which {@link #nextTech} is stationary for given pool averages:
     * δT = (1−δ)·c·Σ_q w_q (A_q − T)⁺ + licences. The left side minus the right side, f(T), rises
     * in T and is linear between the breakpoints A_q, so the root is found exactly: it lies above
     * the largest breakpoint where f ≤ 0, where the active sources are those with A_q above it.
     *
     * @param c        absorptive capacity ψH/(H+H0)
     * @param weights  w_q: (1 − b^T) ω per source region (0 for closed routes)
     * @param averages A_q: the source regions' average knowledge in this sector
     */
    public static double steadyStateTech(double c, double[] weights, double[] averages, double decay,
                                         double licences) {
        double k = (1 - decay) * c;
        double lower = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < weights.length; q++) {
            if (weights[q] > 0 && averages[q] > lower) {
                double gain = 0;
                for (int j = 0; j < weights.length; j++) {
                    gain += weights[j] * Math.max(0, averages[j] - averages[q]);
                }
                if (decay * averages[q] - k * gain - licences <= 0) {
                    lower = averages[q];
                }
            }
        }
        double sumW = 0;
        double sumWA = 0;
        for (int q = 0; q < weights.length; q++) {
            if (weights[q] > 0 && averages[q] > lower) {
                sumW += weights[q];
                sumWA += weights[q] * averages[q];
            }
        }
        return (licences + k * sumWA) / (decay + k * sumW);
    }
}
