package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import yrdsim.scenario.Location;
import yrdsim.scenario.ScenarioException;

/**
 * A parameter file ({@code --parameters PARAMS.yaml}): which scenario values a calibration
 * estimates, each a dotted scenario path as {@code --set} takes it with its bounds and an
 * optional start, plus optional fixed overrides of every run and the seed of the common random
 * numbers. Checked like a scenario, with every problem located in the file.
 *
 * @param file        the file as given
 * @param bytes       its content (its SHA-256 is part of a calibration's identity)
 * @param seed        the calibration seed, or null for the scenario's seed
 * @param set         fixed overrides of every run, as {@code path=value}, applied before the parameters
 * @param setAt       where each fixed override is written
 * @param parameters  the estimated parameters, in file order
 */
public record ParameterFile(Path file, byte[] bytes, Long seed, List<String> set, List<Location> setAt,
                            List<Parameter> parameters) {

    private static final List<String> KEYS = List.of("description", "seed", "set", "parameters");
    private static final List<String> PARAMETER_KEYS = List.of("min", "max", "start", "description");

    /**
     * One estimated parameter.
     *
     * @param path  the dotted scenario path
     * @param min   lower bound
     * @param max   upper bound, above {@code min}
     * @param start where the search starts, in [min, max]
     * @param at    where it is written
     */
    public record Parameter(String path, double min, double max, double start, Location at) {

        /** {@code v} in scenario units, from the unit interval. */
        public double fromUnit(double u) {
            return min + u * (max - min);
        }

        /** {@code v} on the unit interval of the bounds. */
        public double toUnit(double v) {
            return (v - min) / (max - min);
        }

        /** Whether {@code v} lies on a bound (within a millionth of the range). */
        public boolean atBound(double v) {
            double tol = 1e-6 * (max - min);
            return v <= min + tol || v >= max - tol;
        }
    }

    /** Lists and bytes are copied. */
    public ParameterFile {
        bytes = bytes.clone();
        set = List.copyOf(set);
        setAt = List.copyOf(setAt);
        parameters = List.copyOf(parameters);
    }

    /** SHA-256 of the file's content. */
    public String sha256() {
        return yrdsim.output.AtomicFiles.sha256(bytes);
    }

    /** The parameter paths in file order. */
    public List<String> paths() {
        return parameters.stream().map(Parameter::path).toList();
    }

    /**
     * Reads and checks {@code file} on its own (the paths are checked against the scenario by
     * {@link ModelSimulator}).
     *
     * @throws ScenarioException listing every problem, each located in the file
     */
    public static ParameterFile read(Path file) throws ScenarioException {
        FileChecker c = FileChecker.read(file);
        c.unknownKeys(c.root(), "", KEYS);
        c.text(c.root(), "description", "description", false);
        Long seed = c.integer(c.root(), "seed", "seed", 0, Long.MAX_VALUE);
        List<String> set = new ArrayList<>();
        List<Location> setAt = new ArrayList<>();
        JsonNode fixed = c.root().get("set");
        if (fixed != null) {
            if (!fixed.isObject()) {
                c.problem("set", "must map dotted scenario paths to values, as --set does");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = fixed.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    if (!FileChecker.dotted(e.getKey())) {
                        c.problem("set." + e.getKey(), "not a dotted scenario path");
                    } else if (!(v.isNumber() || v.isTextual() || v.isBoolean())) {
                        c.problem("set." + e.getKey(), "must be a number, boolean or string");
                    } else {
                        set.add(e.getKey() + "=" + v.asText());
                        setAt.add(c.locate("set." + e.getKey()));
                    }
                }
            }
        }
        List<Parameter> parameters = new ArrayList<>();
        JsonNode list = c.root().get("parameters");
        if (list == null || !list.isObject() || list.isEmpty()) {
            c.problem("parameters", "must map at least one dotted scenario path to {min: ..., max: ...} "
                    + "(and optionally start)");
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Parameter p = parameter(c, e.getKey(), e.getValue());
                if (p != null) {
                    parameters.add(p);
                }
            }
        }
        c.throwIfAny();
        return new ParameterFile(file, c.bytes(), seed, set, setAt, parameters);
    }

    private static Parameter parameter(FileChecker c, String path, JsonNode spec) {
        String key = "parameters." + path;
        if (!FileChecker.dotted(path)) {
            c.problem(key, "not a dotted scenario path");
            return null;
        }
        if (!spec.isObject()) {
            c.problem(key, "must be {min: ..., max: ...}, optionally with start");
            return null;
        }
        c.unknownKeys(spec, key, PARAMETER_KEYS);
        c.text(spec, "description", key + ".description", false);
        Double min = c.number(spec, "min", key + ".min", true);
        Double max = c.number(spec, "max", key + ".max", true);
        Double start = c.number(spec, "start", key + ".start", false);
        if (min == null || max == null) {
            return null;
        }
        if (!(min < max)) {
            c.problem(key, "min must be below max, got [" + min + ", " + max + "]");
            return null;
        }
        if (start != null && (start < min || start > max)) {
            c.problem(key + ".start", "must lie in [" + min + ", " + max + "], got " + start);
            return null;
        }
        return new Parameter(path, min, max, start != null ? start : (min + max) / 2, c.locate(key));
    }
}
