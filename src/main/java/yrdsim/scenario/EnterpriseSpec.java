package yrdsim.scenario;

/**
 * How the step-0 enterprise population is drawn: revenues follow a double Pareto-lognormal
 * distribution (Reed and Jorgensen 2004), ln R = σZ + E1/α − E2/β with Z standard normal and
 * E1, E2 unit exponentials. It has a Pareto upper tail with exponent α, a lognormal body, and a
 * lower tail whose density vanishes towards zero, as a population does whose small firms exit.
 *
 * @param scale              multiplier on every sector's firm count (10 gives ten times the
 *                           firms with the same total revenue)
 * @param sizeExponent       α, the Pareto exponent of the upper tail
 * @param sizeSigma          σ, the standard deviation of the lognormal body
 * @param sizeLowerExponent  β, the exponent of the lower tail
 */
public record EnterpriseSpec(double scale, double sizeExponent, double sizeSigma, double sizeLowerExponent)
        implements java.io.Serializable {
}
