package yrdsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change to the scenario at a step.
 *
 * @param at   a step number or a period such as {@code 2022Q3}
 * @param ramp number of steps over which numeric values move linearly to their targets
 *             (missing, 0 or 1: at once)
 * @param set  dotted key path to new value
 */
public record TimelineEvent(JsonNode at, Integer ramp, Map<String, JsonNode> set) implements java.io.Serializable {

    /** The map keeps file order; a missing ramp is 0. */
    public TimelineEvent {
        ramp = ramp == null ? 0 : ramp;
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    /** The step this event starts at, given the scenario's first period. */
    public int startStep(Period start) {
        if (at.isIntegralNumber()) {
            return at.asInt();
        }
        return start.stepsUntil(Period.parse(at.asText()));
    }
}
