package yrdsim.scenario;

/**
 * How the step-0 enterprise population is drawn.
 *
 * @param scale        multiplier on every sector's firm count (10 gives ten times the firms with
 *                     the same total revenue)
 * @param sizeExponent Pareto tail exponent of firm revenue at step 0
 */
public record EnterpriseSpec(double scale, double sizeExponent) implements java.io.Serializable {
}
