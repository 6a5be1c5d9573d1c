package yrdsim.model;

import java.util.Arrays;

/**
 * Sums over firms for one block (fast engine) or for the whole economy. Each firm phase adds
 * into a block's sums; the blocks are then combined in block order, which keeps every total
 * independent of the number of threads.
 *
 * <p>The arrays are written only inside this package: by {@link FirmPhases} during the firm
 * phases, by the calibration for step 0 and by entry. Observers outside read single values
 * through the accessors, indexed by cell (p·S + s), by sector, or by [origin·P + destination].
 */
public final class CellSums implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Plan phase: Σ X by cell. */
    final double[] plan;
    /** Production phase: Σ Y by cell. */
    final double[] output;
    /** Production phase: Σ Y ln Ã by cell, for the sector's output-weighted productivity. */
    final double[] lnTfpOutput;
    /**
     * Revenue by the cell where the firm produced; like workers, talent, capital and licences it
     * is filled once per cell from {@link #plan} and {@link #output} ({@link FirmPhases#settleCells}).
     */
    final double[] revenue;
    /** Workers employed. */
    final double[] workers;
    /** Talent employed. */
    final double[] talent;
    /** Capital rented. */
    final double[] capital;
    /** Technology licences bought. */
    final double[] licences;
    /** Settle phase, by the cell where the firm produced: profit. */
    final double[] profit;
    /** Subsidies received (output and R&amp;D), all levers together. */
    final double[] subsidy;
    /** Division-of-labour output subsidies. */
    final double[] subsidyDivision;
    /** Flagship output subsidies. */
    final double[] subsidyFlagship;
    /** Little-giant R&amp;D subsidies. */
    final double[] subsidyLittleGiants;
    /** Innovation-alliance R&amp;D subsidies. */
    final double[] subsidyAlliance;
    /** R&amp;D spending. */
    final double[] rd;
    /** Successful innovations. */
    final double[] innovations;
    /** Exits. */
    final double[] exits;
    /** Settle phase, by the cell where the surviving firm is at the end of the step: firms. */
    final double[] firms;
    /** Σ T. */
    final double[] knowledge;
    /** Σ t = Σ T/(X/X̄): technology per unit of scale, whose cell average is the spillover pool. */
    final double[] knowledgeIntensity;
    /** Σ X. */
    final double[] planEnd;
    /** Σ ln A by sector (entrants draw from it). */
    final double[] lnA;
    /** Σ (ln A)² by sector. */
    final double[] lnA2;
    /** Technology absorbed through spillovers, [origin·P + destination]. */
    final double[] spillover;
    /** Firms relocated, [origin·P + destination]. */
    final double[] relocations;
    /** The settle-phase arrays, listed once so clearing and adding allocate nothing. */
    private final double[][] settle;

    /** Zeroed sums for {@code structure}. */
    public CellSums(Structure structure) {
        int c = structure.cells;
        int pp = structure.regions * structure.regions;
        plan = new double[c];
        output = new double[c];
        lnTfpOutput = new double[c];
        revenue = new double[c];
        workers = new double[c];
        talent = new double[c];
        capital = new double[c];
        licences = new double[c];
        profit = new double[c];
        subsidy = new double[c];
        subsidyDivision = new double[c];
        subsidyFlagship = new double[c];
        subsidyLittleGiants = new double[c];
        subsidyAlliance = new double[c];
        rd = new double[c];
        innovations = new double[c];
        exits = new double[c];
        firms = new double[c];
        knowledge = new double[c];
        knowledgeIntensity = new double[c];
        planEnd = new double[c];
        lnA = new double[structure.sectors];
        lnA2 = new double[structure.sectors];
        spillover = new double[pp];
        relocations = new double[pp];
        settle = new double[][] {profit, subsidy, subsidyDivision, subsidyFlagship, subsidyLittleGiants,
            subsidyAlliance, rd, innovations, exits, firms, knowledge, knowledgeIntensity, planEnd, lnA, lnA2, spillover,
            relocations};
    }

    /** Zeroes the plan-phase sums. */
    public void clearPlan() {
        Arrays.fill(plan, 0);
    }

    /** Zeroes the production-phase sums. */
    public void clearOutput() {
        Arrays.fill(output, 0);
        Arrays.fill(lnTfpOutput, 0);
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
        add(lnTfpOutput, o.lnTfpOutput);
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

    /** Σ X of the plan phase, by cell. */
    public double plan(int i) {
        return plan[i];
    }

    /** Σ Y of the production phase, by cell. */
    public double output(int i) {
        return output[i];
    }

    /** Revenue by cell. */
    public double revenue(int i) {
        return revenue[i];
    }

    /** Workers employed, by cell. */
    public double workers(int i) {
        return workers[i];
    }

    /** Talent employed, by cell. */
    public double talent(int i) {
        return talent[i];
    }

    /** Capital rented, by cell. */
    public double capital(int i) {
        return capital[i];
    }

    /** Technology licences bought, by cell. */
    public double licences(int i) {
        return licences[i];
    }

    /** Profit, by cell. */
    public double profit(int i) {
        return profit[i];
    }

    /** Subsidies received (output and R&amp;D), by cell. */
    public double subsidy(int i) {
        return subsidy[i];
    }

    /** R&amp;D spending, by cell. */
    public double rd(int i) {
        return rd[i];
    }

    /** Successful innovations, by cell. */
    public double innovations(int i) {
        return innovations[i];
    }

    /** Exits, by cell. */
    public double exits(int i) {
        return exits[i];
    }

    /** Firms at the end of the step, by cell. */
    public double firms(int i) {
        return firms[i];
    }

    /** Σ T at the end of the step, by cell. */
    public double knowledge(int i) {
        return knowledge[i];
    }

    /** Σ X at the end of the step, by cell. */
    public double planEnd(int i) {
        return planEnd[i];
    }

    /** Σ ln A, by sector. */
    public double lnA(int i) {
        return lnA[i];
    }

    /** Technology absorbed through spillovers, [origin·P + destination]. */
    public double spillover(int i) {
        return spillover[i];
    }

    /** Firms relocated, [origin·P + destination]. */
    public double relocations(int i) {
        return relocations[i];
    }

    /** Firms by cell at the end of the step (a copy). */
    public double[] firmsByCell() {
        return firms.clone();
    }

    /** Exits of the step, all cells together. */
    public double totalExits() {
        double total = 0;
        for (double e : exits) {
            total += e;
        }
        return total;
    }

    /** Division-of-labour output subsidies, by cell. */
    public double subsidyDivision(int i) {
        return subsidyDivision[i];
    }

    /** Flagship output subsidies, by cell. */
    public double subsidyFlagship(int i) {
        return subsidyFlagship[i];
    }

    /** Little-giant R&amp;D subsidies, by cell. */
    public double subsidyLittleGiants(int i) {
        return subsidyLittleGiants[i];
    }

    /** Innovation-alliance R&amp;D subsidies, by cell. */
    public double subsidyAlliance(int i) {
        return subsidyAlliance[i];
    }
}
