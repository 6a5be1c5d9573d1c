package yrdsim.scenario;

import java.util.List;

/**
 * A validated scenario together with the tree it was bound from (needed to apply timeline
 * events and to write the resolved copy) and any warnings, such as numbers without a source.
 */
public record LoadedScenario(ScenarioTree tree, Scenario scenario, List<Problem> warnings) implements java.io.Serializable {

    /** The warnings list is never null. */
    public LoadedScenario {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
