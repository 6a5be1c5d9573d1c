package yrdsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays a scenario's timeline during a run. At each step it applies the events that are due,
 * moving ramped numbers linearly from their value just before the event to the target, and
 * returns the re-validated scenario. Changes made while the run is live (GUI levers) are added
 * as timeline events, so the saved scenario reproduces them.
 */
public final class TimelinePlayer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tree in force now: loaded values with every applied event laid over them. */
    private final ScenarioTree tree;
    /** The tree as loaded, with live changes appended to its timeline: what a saved scenario replays. */
    private final ScenarioTree replayable;
    private final Period start;
    private final List<TimelineEvent> events;
    /** Per event index and key: the value just before the event started (ramps interpolate from it). */
    private final Map<String, Double> rampOrigins = new HashMap<>();

    /** Plays {@code loaded}'s timeline on a private copy of its tree. */
    public TimelinePlayer(LoadedScenario loaded) {
        this.tree = loaded.tree().copy();
        this.replayable = loaded.tree().copy();
        this.start = loaded.scenario().startPeriod();
        this.events = new ArrayList<>(loaded.scenario().timeline());
    }

    /**
     * Applies every event due at {@code step}.
     *
     * @return the scenario in force from this step, or null when nothing changed
     * @throws ScenarioException when a live change makes the scenario invalid
     */
    public Scenario advance(int step) throws ScenarioException {
        boolean changed = false;
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent event = events.get(i);
            int first = event.startStep(start);
            int length = Math.max(1, event.ramp());
            if (step < first || step >= first + length) {
                continue;
            }
            for (Map.Entry<String, JsonNode> change : event.set().entrySet()) {
                JsonNode target = change.getValue();
                JsonNode value = target;
                if (length > 1) {
                    String key = i + "|" + change.getKey();
                    if (step == first) {
                        JsonNode before = tree.get(change.getKey());
                        rampOrigins.put(key, before != null && before.isNumber() ? before.asDouble() : 0.0);
                    }
                    double from = rampOrigins.get(key);
                    double fraction = (double) (step - first + 1) / length;
                    value = DoubleNode.valueOf(from + (target.asDouble() - from) * fraction);
                }
                tree.set(change.getKey(), value, tree.locate("timeline." + i + ".set." + change.getKey()));
                changed = true;
            }
        }
        return changed ? ScenarioLoader.bindWithoutTimeline(tree) : null;
    }

    /**
     * Schedules a live change at {@code step} (the next step to run) and records it in the
     * tree's timeline, so that a saved scenario replays it.
     */
    public void schedule(int step, String path, JsonNode value) throws ScenarioException {
        ScenarioTree trial = tree.copy();
        trial.set(path, value, Location.commandLine());
        ScenarioLoader.bindWithoutTimeline(trial);
        Map<String, JsonNode> set = new HashMap<>();
        set.put(path, value);
        TimelineEvent event = new TimelineEvent(JsonNodeFactory.instance.numberNode(step), 0, set);
        events.add(event);
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("at", start.plus(step).toString());
        entry.put("ramp", 0);
        entry.putObject("set").set(path, value);
        tree.root().withArray("timeline").add(entry.deepCopy());
        replayable.root().withArray("timeline").add(entry);
    }

    /**
     * The values in force now, with live changes in its timeline. Its values already include
     * every applied event, so a run of it would start from them: save {@link #replayable()}.
     */
    public ScenarioTree tree() {
        return tree;
    }

    /**
     * A copy of the scenario as loaded with every live change added to its timeline, for saving:
     * a run of it passes through the same values at the same steps as this run.
     */
    public ScenarioTree replayable() {
        return replayable.copy();
    }

    /** Every event, from the file and live, in the order they were added. */
    public List<TimelineEvent> events() {
        return List.copyOf(events);
    }
}
