package yrdsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads, overrides, binds and validates scenarios. This is the only way to obtain a
 * {@link Scenario}, so every value the model uses has passed the same checks.
 */
public final class ScenarioLoader {

    /**
     * Parameters read only while building step 0; a timeline cannot change them mid-run.
     */
    private static final Set<String> CALIBRATION_ONLY = Set.of(
            "parameters.start_interest_rate", "parameters.fixed_cost_loss_share",
            "parameters.absorptive_capacity", "parameters.sector_defaults");

    /** Key paths that a timeline event may change while the model runs. */
    private static final List<String> TIMELINE_ROOTS = List.of("barriers.", "policies.", "parameters.");

    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ScenarioLoader() {
    }

    /** Loads {@code file} without overrides. */
    public static LoadedScenario load(Path file) throws ScenarioException {
        return load(file, List.of());
    }

    /**
     * Loads {@code file}, applies {@code key.path=value} overrides in order, then binds and
     * validates.
     *
     * @throws ScenarioException listing every problem found
     */
    public static LoadedScenario load(Path file, List<String> overrides) throws ScenarioException {
        ScenarioTree tree = ScenarioTree.load(file);
        applyOverrides(tree, overrides);
        return bind(tree);
    }

    /** Applies {@code key.path=value} overrides to {@code tree}. */
    public static void applyOverrides(ScenarioTree tree, List<String> overrides) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            Location at = new Location("--set " + override, 0, 0);
            if (eq <= 0) {
                problems.add(new Problem(at, "", "expected key.path=value"));
                continue;
            }
            try {
                applyOverride(tree, override.substring(0, eq).trim(), override.substring(eq + 1).trim(), at);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /**
     * Sets one existing {@code path} (any {@code policies.*} path may be new) to a YAML value
     * given as text; {@code at} is where the override was written (a sweep file uses its own lines).
     */
    public static void applyOverride(ScenarioTree tree, String path, String valueText, Location at)
            throws ScenarioException {
        if (tree.get(path) == null && !path.startsWith("policies.")) {
            throw new ScenarioException(new Problem(at, path, "no such key in this scenario"));
        }
        tree.set(path, valueText, at);
    }

    /** Binds and validates {@code tree}, including a trial of every timeline event. */
    public static LoadedScenario bind(ScenarioTree tree) throws ScenarioException {
        Scenario scenario = bindWithoutTimeline(tree);
        List<Problem> problems = checkTimeline(tree, scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new LoadedScenario(tree, scenario, SourceCoverage.uncovered(tree));
    }

    /** Binds and validates {@code tree} without trying its timeline (used while a run plays it). */
    public static Scenario bindWithoutTimeline(ScenarioTree tree) throws ScenarioException {
        List<Problem> problems = SchemaCheck.check(tree, tree.root(), Scenario.class, "");
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        Scenario scenario;
        try {
            scenario = BINDER.treeToValue(tree.root(), Scenario.class);
        } catch (JsonProcessingException e) {
            // SchemaCheck accepts only what the records can hold, so this is a bug, not bad input.
            throw new IllegalStateException("scenario passed the schema check but did not bind", e);
        }
        problems = ScenarioValidator.validate(tree, scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return scenario;
    }

    private static List<Problem> checkTimeline(ScenarioTree tree, Scenario scenario) {
        List<Problem> problems = new ArrayList<>();
        Period start = scenario.startPeriod();
        for (int i = 0; i < scenario.timeline().size(); i++) {
            TimelineEvent event = scenario.timeline().get(i);
            String p = "timeline." + i;
            JsonNode at = event.at();
            int step;
            if (at != null && at.isIntegralNumber() && at.canConvertToInt()) {
                step = at.asInt();
            } else if (at != null && at.isTextual() && Period.isPeriod(at.asText())) {
                step = event.startStep(start);
            } else {
                problems.add(tree.problem(p + ".at", "must be a step number or a period like 2022Q3"));
                continue;
            }
            if (step < 0 || step >= scenario.time().steps()) {
                problems.add(tree.problem(p + ".at", "step " + step + " is outside the run (steps 0.."
                        + (scenario.time().steps() - 1) + ", " + start + " to " + scenario.period(scenario.time().steps() - 1) + ")"));
            }
            if (event.ramp() < 0 || event.ramp() > scenario.time().steps()) {
                problems.add(tree.problem(p + ".ramp", "must be in [0, " + scenario.time().steps() + "], got " + event.ramp()));
            }
            if (event.set().isEmpty()) {
                problems.add(tree.problem(p + ".set", "must change at least one key"));
            }
            ScenarioTree trial = tree.copy();
            for (Map.Entry<String, JsonNode> change : event.set().entrySet()) {
                String key = change.getKey();
                String where = p + ".set." + key;
                if (TIMELINE_ROOTS.stream().noneMatch(key::startsWith)) {
                    problems.add(tree.problem(where, "a timeline may change barriers.*, policies.* or parameters.* only"));
                    continue;
                }
                if (CALIBRATION_ONLY.stream().anyMatch(c -> key.equals(c) || key.startsWith(c + "."))) {
                    problems.add(tree.problem(where, "is read only while building step 0; set it before the run"));
                    continue;
                }
                if (event.ramp() > 1 && !change.getValue().isNumber()) {
                    problems.add(tree.problem(where, "a ramped change needs a number"));
                }
                try {
                    trial.set(key, change.getValue(), tree.locate(where));
                } catch (ScenarioException e) {
                    e.problems().forEach(x -> problems.add(tree.problem(where, x.message())));
                }
            }
            try {
                bindWithoutTimeline(trial);
            } catch (ScenarioException e) {
                for (Problem x : e.problems()) {
                    problems.add(new Problem(x.location(), x.path(), x.message() + " (after timeline event " + i + ")"));
                }
            }
        }
        return problems;
    }
}
