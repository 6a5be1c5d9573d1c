package yrdsim.model;

import java.util.Arrays;

/**
 * Sums over firms for one block (fast engine) or for the whole economy. Each firm phase adds
 * into a block's sums; the blocks are then combined in block order, which keeps every total
 * independent of the number of threads.
 */
public final class CellSums implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Plan phase: Σ X by cell. */
    public final double[] plan;
    /** Production phase: Σ Y by cell. */
    public final double[] output;
    /**
     * Revenue by the cell where the firm produced; like workers, talent, capital and licences it
     * is filled once per cell from {@link #plan} and {@link #output} ({@link FirmPhases#settleCells}).
     */
    public final double[] revenue;
    /** Workers employed. */
    public final double[] workers;
    /** Talent employed. */
    public final double[] talent;
    /** Capital rented. */
    public final double[] capital;
    /** Technology licences bought. */
    public final double[] licences;
    /** Settle phase, by the cell where the firm produced: profit. */
    public final double[] profit;
    /** Subsidies received (output and R&amp;D). */
    public final double[] subsidy;
    /** R&amp;D spending. */
    public final double[] rd;
    /** Successful innovations. */
    public final double[] innovations;
    /** Exits. */
    public final double[] exits;
    /** Settle phase, by the cell where the surviving firm is at the end of the step: firms. */
    public final double[] firms;
    /** Σ T. */
    public final double[] knowledge;
    /** Σ X. */
    public final double[] planEnd;
    /** Σ ln A by sector (entrants draw from it). */
    public final double[] lnA;
    /** Σ (ln A)² by sector. */
    public final double[] lnA2;
    /** Technology absorbed through spillovers, [origin·P + destination]. */
    public final double[] spillover;
    /** Firms relocated, [origin·P + destination]. */
    public final double[] relocations;
    /** The settle-phase arrays, listed once so clearing and adding allocate nothing. */
    private final double[][] settle;

    /** Zeroed sums for {@code structure}. */
    public CellSums(Structure structure) {
        int c = structure.cells;
        int pp = structure.regions * structure.regions;
        plan = new double[c];
        output = new double[c];
        revenue = new double[c];
        workers = new double[c];
        talent = new double[c];
        capital = new double[c];
        licences = new double[c];
        profit = new double[c];
        subsidy = new double[c];
        rd = new double[c];
        innovations = new double[c];
        exits = new double[c];
        firms = new double[c];
        knowledge = new double[c];
        planEnd = new double[c];
        lnA = new double[structure.sectors];
        lnA2 = new double[structure.sectors];
        spillover = new double[pp];
        relocations = new double[pp];
        settle = new double[][] {profit, subsidy, rd, innovations, exits, firms, knowledge, planEnd, lnA, lnA2,
            spillover, relocations};
    }

    /** Zeroes the plan-phase sums. */
    public void clearPlan() {
        Arrays.fill(plan, 0);
    }

    /** Zeroes the production-phase sums. */
    public void clearOutput() {
        Arrays.fill(output, 0);
    }

    /** Zeroes the settle-phase sums. */
    public void clearSettle() {
        for (double[] a : settle) {
            Arrays.fill(a, 0);
        }
    }

    /** Adds another block's plan sums. */
    public void addPlan(CellSums o) {
        add(plan, o.plan);
    }

    /** Adds another block's production sums. */
    public void addOutput(CellSums o) {
        add(output, o.output);
    }

    /** Adds another block's settle sums. */
    public void addSettle(CellSums o) {
        for (int i = 0; i < settle.length; i++) {
            add(settle[i], o.settle[i]);
        }
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
