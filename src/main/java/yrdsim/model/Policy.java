package yrdsim.model;

import java.io.Serializable;
import java.util.Arrays;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Parameters;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.TimelinePlayer;

/**
 * Policy (docs/MODEL.md 7.7, MODEL.md step 1): the scenario in force, its timeline, and the
 * levers it implies. At the start of every step it applies the timeline events due, then hands
 * the firm phases this step's policy terms: subsidy rates, the flagship and little-giant
 * thresholds, spillover multipliers, and fixed costs with any carbon cost.
 */
final class Policy implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Structure st;
    private final TimelinePlayer timeline;
    private Scenario scenario;
    private Parameters params;
    private Levers levers;
    /** Work array: revenues of one sector's firms, sorted to find the flagship threshold. */
    private double[] revenues = new double[0];

    /** The policy of {@code loaded} at step 0, before any timeline event. */
    Policy(LoadedScenario loaded, Structure st) {
        this.st = st;
        this.timeline = new TimelinePlayer(loaded);
        this.scenario = loaded.scenario();
        this.params = scenario.parameters();
        this.levers = Levers.of(scenario, st);
    }

    /** Step 1: applies the timeline events due at {@code step}; the levers are rebuilt if any was. */
    void advance(int step) {
        try {
            Scenario changed = timeline.advance(step);
            if (changed != null) {
                scenario = changed;
                params = changed.parameters();
                levers = Levers.of(changed, st);
            }
        } catch (ScenarioException e) {
            throw new ModelException("step " + step + " (" + scenario.startPeriod().plus(step)
                    + "): a timeline change is invalid: " + e.getMessage());
        }
    }

    /**
     * This step's policy terms for the firm phases: subsidy and R&amp;D rates by cell, flagship
     * and little-giant thresholds by sector, spillover multipliers by region, and each sector's
     * fixed cost. (The carbon price is a unit cost, in {@link Government#prepare}.)
     */
    void prepare(StepContext x, Sector[] sectors, EnterpriseEngine engine) {
        x.flagshipRate = levers.flagshipRate;
        x.littleGiantRate = levers.littleGiantRate;
        for (Sector sector : sectors) {
            int s = sector.index;
            x.fixedCost[s] = sector.fixedCost;
            x.littleGiantCeiling[s] = levers.littleGiantSector[s] ? levers.littleGiantCeiling : 0;
        }
        flagshipThresholds(x, engine);
        for (int c = 0; c < st.cells; c++) {
            x.cellSubsidy[c] = levers.cellSubsidy[c];
            x.allianceRdRate[c] = levers.allianceRdRate[c];
        }
        for (int q = 0; q < st.regions; q++) {
            x.spilloverScale[q] = levers.spilloverScale[q];
        }
    }

    /** Flagship thresholds: the revenue of the firm at the top-k% boundary of each supported sector. */
    private void flagshipThresholds(StepContext x, EnterpriseEngine engine) {
        Arrays.fill(x.flagshipThreshold, Double.POSITIVE_INFINITY);
        for (int s = 0; s < st.sectors; s++) {
            if (levers.flagshipSector[s]) {
                x.flagshipThreshold[s] = revenueQuantileFromTop(engine, s, levers.flagshipTopShare);
            }
        }
    }

    private double revenueQuantileFromTop(EnterpriseEngine engine, int s, double topShare) {
        int[] n = {0};
        if (revenues.length < engine.size()) {
            revenues = new double[engine.size()];
        }
        double[] values = revenues;
        engine.forEach(f -> {
            if (f.sector() == s) {
                values[n[0]++] = f.revenue();
            }
        });
        if (n[0] == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(values, 0, n[0]);
        int top = Math.max(1, (int) Math.ceil(topShare * n[0]));
        return values[n[0] - top];
    }

    /** The scenario in force (after any timeline change). */
    Scenario scenario() {
        return scenario;
    }

    /** The parameters in force. */
    Parameters params() {
        return params;
    }

    /** The levers in force. */
    Levers levers() {
        return levers;
    }

    /** The timeline player. */
    TimelinePlayer timeline() {
        return timeline;
    }
}
