package yrdsim.scenario;

/**
 * The behavioural parameters of one sector (MODEL.md section 1), fully resolved.
 *
 * @param alpha             capital elasticity α
 * @param beta              worker elasticity β
 * @param eta               talent elasticity η
 * @param tau               technology-licence share of spending τ
 * @param gamma             elasticity of TFP to the technology stock γ
 * @param rho               R&D share of revenue ρ
 * @param epsilon           demand elasticity ε
 * @param demandGrowth      growth of demand per year g
 * @param phiMar            MAR (own-sector) agglomeration elasticity
 * @param phiJacobs         Jacobs (diversity) agglomeration elasticity
 * @param psi               spillover absorption speed ψ per quarter
 * @param emissionIntensity tonnes of CO2 per million yuan of output at step-0 prices
 * @param intermediateShare share m of intermediate inputs in gross revenue
 * @param externalShare     share of step-0 sales to buyers outside the delta
 * @param frontierGrowth    growth per year of the world technology frontier of this sector
 * @param adoptionShare     IotF: share of step-0 sales that go into user sectors' intermediate bundles
 */
public record SectorParams(
        double alpha,
        double beta,
        double eta,
        double tau,
        double gamma,
        double rho,
        double epsilon,
        double demandGrowth,
        double phiMar,
        double phiJacobs,
        double psi,
        double emissionIntensity,
        double intermediateShare,
        double externalShare,
        double frontierGrowth,
        double adoptionShare) implements java.io.Serializable {

    /** ν = α + β + η, the returns to scale. */
    public double nu() {
        return alpha + beta + eta;
    }

    /** The operating margin on value added at the optimal plan, before tax: 1 − ν − τ − ρ. */
    public double margin() {
        return 1 - nu() - tau - rho;
    }
}
