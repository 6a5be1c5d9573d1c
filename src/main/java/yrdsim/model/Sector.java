package yrdsim.model;

import java.io.Serializable;

/**
 * A sector's market: its demand curve, price and calibrated constants. Parameters such as the
 * elasticities live in {@link Structure}.
 */
public final class Sector implements Serializable {

    private static final long serialVersionUID = 1L;

    final int index;
    final String name;
    final boolean iotf;

    double price = 1;
    /** Fixed cost per firm per quarter before any carbon cost. */
    double fixedCost;
    /** Mean firm revenue at step 0. */
    double meanRevenue0;
    /** Mean planned spending of a firm at step 0: what an entrant into an empty sector plans from. */
    double meanPlan0;
    /** r0 = ρ(1−m): the status-quo R&amp;D intensity, the scale of innovation. */
    double rdScale;
    /** H0: half-saturation talent of absorption. */
    double halfTalent;
    /** Traditional entry rate e_s. */
    double entryRate;
    /** IotF: normalisation K̄ of the knowledge index. */
    double knowledgeNorm = 1;

    // This step
    double output;
    double revenue;
    double lnAMean;
    double lnASd;

    Sector(int index, String name, boolean iotf) {
        this.index = index;
        this.name = name;
        this.iotf = iotf;
    }

    /** Sector index. */
    public int getIndex() {
        return index;
    }

    /** Sector name. */
    public String getName() {
        return name;
    }

    /** Whether this is an Industry of the Future. */
    public boolean isIotf() {
        return iotf;
    }

    /** Price this step (1 at step 0). */
    public double getPrice() {
        return price;
    }

    /** Output this step, bn yuan per quarter at step-0 prices. */
    public double getOutput() {
        return output;
    }

    /** Revenue this step, bn yuan per quarter. */
    public double getRevenue() {
        return revenue;
    }

    /** Fixed cost per firm per quarter. */
    public double getFixedCost() {
        return fixedCost;
    }

    /** Traditional entry rate e_s calibrated at step 0. */
    public double getEntryRate() {
        return entryRate;
    }

    /** r0 = ρ(1−m): the status-quo R&amp;D intensity, the scale of innovation. */
    public double getRdScale() {
        return rdScale;
    }

    /** H0: the talent at which absorption is half of ψ. */
    public double getHalfTalent() {
        return halfTalent;
    }

    @Override
    public String toString() {
        return name;
    }
}
