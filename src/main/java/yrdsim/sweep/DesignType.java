package yrdsim.sweep;

/** How a sweep places its design points in parameter space. */
public enum DesignType {
    /** Every combination of every parameter's levels (a full factorial). */
    GRID,
    /** A Latin hypercube: {@code samples} points, one in each of {@code samples} strata of every parameter. */
    LHS,
    /** Saltelli's scheme on a Sobol sequence, for first- and total-order sensitivity indices. */
    SOBOL,
    /** One at a time: the scenario's own values, then each parameter's levels with the others held there. */
    OAT;

    /** The name written in sweep files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for designs that draw numbers from {@code {min, max}} ranges rather than listed values. */
    public boolean sampled() {
        return this == LHS || this == SOBOL;
    }
}
