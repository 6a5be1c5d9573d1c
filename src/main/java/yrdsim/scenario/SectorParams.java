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
 * @param emissionIntensity tonnes of CO2 per million yuan of revenue
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
        double emissionIntensity) implements java.io.Serializable {

    /** ν = α + β + η, the returns to scale. */
    public double nu() {
        return alpha + beta + eta;
    }

    /** The operating margin at the optimal plan: 1 − ν − τ − ρ. */
    public double margin() {
        return 1 - nu() - tau - rho;
    }
}
