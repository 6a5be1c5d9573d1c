package yrdsim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects cluster emergence and dissolution in (region, sector) cells (MODEL.md section 3). A
 * cell qualifies at a step when its location quotient, firm count and share of the sector's
 * output all reach their thresholds. It emerges once it has qualified for {@code persistence}
 * consecutive steps, dated at the first of them; it dissolves once it has failed for as many,
 * dated likewise.
 */
public final class ClusterDetector implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** A detected event; {@code step} is the first step of the run that triggered it. */
    public record Event(int step, int cell, boolean emerged, double locationQuotient) implements java.io.Serializable {
    }

    private final double minLq;
    private final int minFirms;
    private final double minShare;
    private final int persistence;
    private final boolean[] active;
    private final int[] run;
    private final int[] runStart;
    private final double[] runStartLq;

    /** A detector for {@code cells} cells with the given thresholds. */
    public ClusterDetector(int cells, double minLq, int minFirms, double minShare, int persistence) {
        this.minLq = minLq;
        this.minFirms = minFirms;
        this.minShare = minShare;
        this.persistence = persistence;
        this.active = new boolean[cells];
        this.run = new int[cells];
        this.runStart = new int[cells];
        this.runStartLq = new double[cells];
    }

    /** Whether a cell meets all three thresholds. */
    public boolean qualifies(double lq, double firms, double share) {
        return lq >= minLq && firms >= minFirms && share >= minShare;
    }

    /**
     * Feeds one step's values for every cell and returns the events they complete.
     *
     * @param lq     location quotient by cell
     * @param firms  firms by cell
     * @param shares cell's share of its sector's delta-wide output, by cell
     */
    public List<Event> update(int step, double[] lq, double[] firms, double[] shares) {
        List<Event> events = new ArrayList<>();
        for (int c = 0; c < active.length; c++) {
            // A run counts steps that disagree with the cell's current status.
            boolean disagrees = qualifies(lq[c], firms[c], shares[c]) != active[c];
            if (!disagrees) {
                run[c] = 0;
                continue;
            }
            if (run[c] == 0) {
                runStart[c] = step;
                runStartLq[c] = lq[c];
            }
            run[c]++;
            if (run[c] >= persistence) {
                active[c] = !active[c];
                run[c] = 0;
                events.add(new Event(runStart[c], c, active[c], runStartLq[c]));
            }
        }
        return events;
    }

    /** Whether cell {@code c} is a cluster now. */
    public boolean isActive(int c) {
        return active[c];
    }
}
