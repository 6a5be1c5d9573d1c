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
            String path = override.substring(0, eq).trim();
            // A key the file leaves out may still be set (a sector parameter, a policy); a key the
            // schema does not know is reported by the schema check, located at this override.
            try {
                applyOverride(tree, path, override.substring(eq + 1).trim(), at);
            } catch (ScenarioException e) {
                // A value that does not parse is reported without a key; name the one it was for.
                e.problems().forEach(x -> problems.add(x.path() == null || x.path().isEmpty()
                        ? new Problem(x.location(), path, x.message()) : x));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /**
     * Sets {@code path} to a YAML value given as text; {@code at} is where the override was
     * written (a sweep file uses its own lines). A key the schema does not know is reported, at
     * {@code at}, when the tree is bound.
     */
    public static void applyOverride(ScenarioTree tree, String path, String valueText, Location at)
            throws ScenarioException {
        tree.set(path, valueText, at);
    }

    /**
     * Binds and validates {@code tree}, including a trial of every timeline event. Every problem
     * is reported in one pass where a check does not depend on an earlier one: unknown keys, the
     * values' ranges and the timeline together; only a value of the wrong type or a missing key,
     * without which nothing binds, stops the checks after the shape (and a wrong {@code time},
     * the timeline's).
     */
    public static LoadedScenario bind(ScenarioTree tree) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = bindChecked(tree, problems);
        List<Problem> warnings = new ArrayList<>();
        boolean timeKnown = problems.stream().noneMatch(p -> p.path() != null && p.path().startsWith("time"));
        if (scenario != null && timeKnown) {
            problems.addAll(checkTimeline(tree, scenario, warnings, problems));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        warnings.addAll(SourceCoverage.uncovered(tree));
        return new LoadedScenario(tree, scenario, warnings);
    }

    /** Binds and validates {@code tree} without trying its timeline (used while a run plays it). */
    public static Scenario bindWithoutTimeline(ScenarioTree tree) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = bindChecked(tree, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return scenario;
    }

    /**
     * Checks the shape of {@code tree}, binds it and validates the values, adding every problem
     * to {@code problems}. Unknown keys do not stop the validation, which then runs on the tree
     * without them. Returns the bound scenario (invalid if problems were added), or null when
     * the tree cannot be bound (a value of the wrong type, a missing key).
     */
    private static Scenario bindChecked(ScenarioTree tree, List<Problem> problems) {
        List<Problem> sizes = ScenarioValidator.sizes(tree);
        if (!sizes.isEmpty()) {
            // Too large to check further at a reasonable cost.
            problems.addAll(sizes);
            return null;
        }
        SchemaCheck.Result shape = SchemaCheck.inspect(tree, tree.root(), Scenario.class, "");
        problems.addAll(shape.problems());
        if (shape.problems().size() > shape.unknownKeys().size()) {
            return null;
        }
        ScenarioTree known = shape.unknownKeys().isEmpty() ? tree : withoutUnknownKeys(tree);
        Scenario scenario;
        try {
            scenario = BINDER.treeToValue(known.root(), Scenario.class);
        } catch (JsonProcessingException e) {
            // SchemaCheck accepts only what the records can hold, so this is a bug, not bad input.
            throw new IllegalStateException("scenario passed the schema check but did not bind", e);
        }
        problems.addAll(ScenarioValidator.validate(known, scenario));
        return scenario;
    }

    /** A copy of {@code tree} without the keys the schema does not know. */
    private static ScenarioTree withoutUnknownKeys(ScenarioTree tree) {
        ScenarioTree copy = tree.copy();
        SchemaCheck.inspect(copy, copy.root(), Scenario.class, "").unknownKeys()
                .forEach(key -> key.parent().remove(key.name()));
        return copy;
    }

    /**
     * The problems of the timeline's events. A problem the scenario has without any event
     * ({@code known}) is not repeated for each event that leaves it as it is.
     */
    private static List<Problem> checkTimeline(ScenarioTree tree, Scenario scenario, List<Problem> warnings,
                                               List<Problem> known) {
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
                String period = Period.problem(at.asText());
                if (period != null) {
                    problems.add(tree.problem(p + ".at", period));
                    continue;
                }
                step = event.startStep(start);
            } else {
                problems.add(tree.problem(p + ".at", "must be a step number or a period like 2022Q3"));
                continue;
            }
            if (step < 0) {
                problems.add(tree.problem(p + ".at", "step " + step + " is before the run starts (" + start + ")"));
            } else if (step >= start.stepsToEnd()) {
                problems.add(tree.problem(p + ".at", "step " + step + " is after " + Period.LAST
                        + ", the last quarter the simulator supports (from " + start + " that is step "
                        + (start.stepsToEnd() - 1) + ")"));
            } else if (step >= scenario.time().steps()) {
                // A shortened run (--steps) simply ends before the event; the event is still checked.
                warnings.add(tree.problem(p + ".at", "step " + step + " (" + scenario.period(step)
                        + ") is after the last step of this run; the event will not happen"));
            }
            if (event.ramp() < 0 || event.ramp() > 10_000) {
                problems.add(tree.problem(p + ".ramp", "must be in [0, 10000], got " + event.ramp()));
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
                    if (!known.contains(x)) {
                        problems.add(new Problem(x.location(), x.path(), x.message() + " (after timeline event " + i
                                + ")"));
                    }
                }
            }
        }
        return problems;
    }
}
