package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yrdsim.output.AtomicFiles;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.Suggestions;
import yrdsim.scenario.TextFile;
import yrdsim.scenario.YamlSource;

/**
 * A sweep file, read and checked on its own (the scenario is checked later, by
 * {@link SweepPlan}). Problems are reported like a scenario's: {@code FILE:LINE:COL: key.path:
 * message}, every one found, in file order.
 *
 * @param file          the sweep file as given
 * @param bytes         its exact content (copied into the sweep directory; its SHA-256 is the sweep's identity)
 * @param scenario      the scenario file, resolved against the sweep file's directory
 * @param seed          the sweep seed every run's seed is derived from
 * @param replications runs per design point, each with its own seed
 * @param steps         steps of every run, or null for the scenario's {@code time.steps}
 * @param commonSeeds   replication r uses the same seed at every design point (common random numbers)
 * @param keepRunFiles  keep every run's full output (tables, firms), not only manifest and summary
 * @param keepSeries    keep every run's per-step tables and stack them under {@code timeseries/}
 * @param set           fixed overrides applied to every run before the design's values (a swept path
 *                      may be set too: that is the value an oat design varies around, and it keeps
 *                      the scenario valid where a lever needs all its keys)
 * @param type          the design
 * @param samples       points (lhs), base samples (sobol) or levels of each range (grid, oat); null if absent
 * @param parameters    the swept paths in file order
 * @param metrics       summary.json figures to collect, as dotted paths, in file order
 * @param locations     where every key and list element is written
 */
public record SweepFile(Path file, byte[] bytes, Path scenario, long seed, int replications, Integer steps,
                        boolean commonSeeds, boolean keepRunFiles, boolean keepSeries, List<Setting> set,
                        DesignType type,
                        Integer samples, List<ParameterSpec> parameters, List<String> metrics,
                        Map<String, Location> locations) {

    /** Columns of results.csv that come before the parameters; no parameter or metric may be named so. */
    public static final List<String> RUN_COLUMNS = List.of("run_id", "replication", "seed");

    private static final List<String> KEYS = List.of("scenario", "description", "seed", "replications", "steps",
            "common_seeds", "keep_run_files", "keep_series", "set", "design", "metrics");
    private static final List<String> DESIGN_KEYS = List.of("type", "samples", "parameters");

    /**
     * One fixed override.
     *
     * @param path  the dotted scenario path
     * @param value its value
     * @param at    where it is written
     */
    public record Setting(String path, JsonNode value, Location at) {
    }

    /** Lists are copied. */
    public SweepFile {
        set = List.copyOf(set);
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
        locations = Map.copyOf(locations);
    }

    /** SHA-256 of the file's bytes. */
    public String sha256() {
        return AtomicFiles.sha256(bytes);
    }

    /** The swept paths, in file order: the parameter columns of design.csv and results.csv. */
    public List<String> parameterNames() {
        return parameters.stream().map(ParameterSpec::path).toList();
    }

    /** Where {@code path} (or the nearest enclosing key) is written. */
    public Location locate(String path) {
        return locate(locations, file.toString(), path);
    }

    /** A problem at {@code path} of this file. */
    public Problem problem(String path, String message) {
        return new Problem(locate(path), path, message);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws ScenarioException listing every problem, each located in the file
     */
    public static SweepFile read(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(new Location(file.toString(), 0, 0), "", "no such file"
                    + Suggestions.similarFile(file)));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(new Location(file.toString(), 0, 0), "",
                    "cannot read: " + e.getMessage()));
        }
        return parse(file, bytes);
    }

    /**
     * Whether {@code file} reads as a sweep file rather than a scenario: a mapping with a
     * {@code design} and a {@code scenario} or {@code metrics}. False for anything that cannot
     * be read or parsed, which the scenario loader then reports.
     */
    public static boolean looksLikeSweep(Path file) {
        try {
            // TextFile refuses a file too large for a sweep file before reading it.
            String text = TextFile.decode(TextFile.readBytes(file), file.toString());
            JsonNode root = YamlSource.parse(text, file.toString()).root();
            return root.has("design") && (root.has("scenario") || root.has("metrics"));
        } catch (ScenarioException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Checks the content {@code bytes} of {@code file} (the scenario path is resolved against
     * {@code file}'s directory but not opened).
     *
     * @throws ScenarioException listing every problem, each located in the file
     */
    public static SweepFile parse(Path file, byte[] bytes) throws ScenarioException {
        YamlSource.Parsed parsed = YamlSource.parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
        return new Checker(file, bytes, parsed).check();
    }

    private static Location locate(Map<String, Location> locations, String file, String path) {
        String p = path;
        while (true) {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new Location(file, 0, 0);
            }
            int cut = p.lastIndexOf('.');
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /** Walks the parsed file once, collecting every problem before giving up. */
    private static final class Checker {
        private final Path file;
        private final byte[] bytes;
        private final JsonNode root;
        private final Map<String, Location> locations;
        private final List<Problem> problems = new ArrayList<>();

        Checker(Path file, byte[] bytes, YamlSource.Parsed parsed) {
            this.file = file;
            this.bytes = bytes;
            this.root = parsed.root();
            this.locations = parsed.locations();
        }

        SweepFile check() throws ScenarioException {
            unknownKeys(root, "", KEYS);
            String scenarioText = text(root, "scenario", "scenario", true);
            // Relative to the sweep file, like a scenario's extends, so a sweep runs from any directory.
            Path scenario = scenarioText == null ? null : file.resolveSibling(scenarioText).normalize();
            text(root, "description", "description", false);
            Long seed = integer(root, "seed", "seed", true, 0, Long.MAX_VALUE);
            Long replications = integer(root, "replications", "replications", true, 1, Integer.MAX_VALUE);
            Long steps = integer(root, "steps", "steps", false, 1, Integer.MAX_VALUE);
            boolean commonSeeds = bool(root, "common_seeds");
            boolean keepRunFiles = bool(root, "keep_run_files");
            boolean keepSeries = bool(root, "keep_series");
            List<Setting> set = settings();
            JsonNode design = root.get("design");
            DesignType type = null;
            Long samples = null;
            List<ParameterSpec> parameters = new ArrayList<>();
            if (design == null) {
                problems.add(problem("design", "missing (a mapping with type, samples and parameters)"));
            } else if (!design.isObject()) {
                problems.add(problem("design", "must be a mapping with type, samples and parameters"));
            } else {
                unknownKeys(design, "design", DESIGN_KEYS);
                type = designType(design);
                samples = integer(design, "samples", "design.samples", false, 1, Integer.MAX_VALUE);
                parameters = parameters(design, type);
                if (samples != null || !design.has("samples")) { // an invalid samples is reported already
                    checkSamples(type, samples, parameters);
                }
            }
            List<String> metrics = metrics(parameters);
            if (steps != null) {
                if (set.stream().anyMatch(s -> s.path().equals("time.steps"))) {
                    problems.add(problem("set.time.steps", "conflicts with steps; give the number of steps once"));
                }
                if (parameters.stream().anyMatch(p -> p.path().equals("time.steps"))) {
                    problems.add(problem("design.parameters.time.steps", "conflicts with steps; remove steps to "
                            + "sweep time.steps"));
                }
            }
            if (!problems.isEmpty()) {
                problems.sort(Comparator.comparingInt((Problem p) -> p.location().line())
                        .thenComparingInt(p -> p.location().column()));
                throw new ScenarioException(problems);
            }
            return new SweepFile(file, bytes, scenario, seed, Math.toIntExact(replications),
                    steps == null ? null : Math.toIntExact(steps), commonSeeds, keepRunFiles, keepSeries, set, type,
                    samples == null ? null : Math.toIntExact(samples), parameters, metrics, locations);
        }

        private DesignType designType(JsonNode design) {
            String name = text(design, "type", "design.type", true);
            if (name == null) {
                return null;
            }
            for (DesignType t : DesignType.values()) {
                if (t.label().equals(name)) {
                    return t;
                }
            }
            List<String> types = java.util.Arrays.stream(DesignType.values()).map(DesignType::label).toList();
            problems.add(problem("design.type", "unknown design '" + name + "'" + Suggestions.didYouMean(name, types)
                    + " (allowed: " + String.join(", ", types) + ")"));
            return null;
        }

        private List<ParameterSpec> parameters(JsonNode design, DesignType type) {
            List<ParameterSpec> out = new ArrayList<>();
            JsonNode parameters = design.get("parameters");
            if (parameters == null || !parameters.isObject() || parameters.isEmpty()) {
                problems.add(problem("design.parameters", "must map at least one dotted scenario path to "
                        + "{values: [...]} or {min: ..., max: ...}"));
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = parameters.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                ParameterSpec spec = parameter(field.getKey(), field.getValue(), type);
                if (spec != null) {
                    out.add(spec);
                }
            }
            return out;
        }

        private ParameterSpec parameter(String path, JsonNode spec, DesignType type) {
            String key = "design.parameters." + path;
            if (!dotted(path)) {
                problems.add(problem(key, "not a dotted scenario path"));
                return null;
            }
            if (!spec.isObject()) {
                problems.add(problem(key, "must be {values: [...]} or {min: ..., max: ...}"));
                return null;
            }
            unknownKeys(spec, key, List.of("values", "min", "max"));
            JsonNode values = spec.get("values");
            boolean range = spec.has("min") || spec.has("max");
            if (values != null && range) {
                problems.add(problem(key, "give either values or min and max, not both"));
                return null;
            }
            if (values != null) {
                if (type != null && type.sampled()) {
                    problems.add(problem(key + ".values", "a " + type.label() + " design samples a range: "
                            + "give {min, max} instead of values"));
                    return null;
                }
                if (!values.isArray() || values.isEmpty()) {
                    problems.add(problem(key + ".values", "must be a non-empty list of numbers, booleans or strings"));
                    return null;
                }
                List<JsonNode> list = new ArrayList<>();
                List<Location> at = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < values.size(); i++) {
                    JsonNode v = values.get(i);
                    if (!Values.isScalar(v)) {
                        problems.add(problem(key + ".values." + i, "must be a number, boolean or string"));
                    } else if (!seen.add(Values.cell(v))) {
                        problems.add(problem(key + ".values." + i, "repeats the value " + Values.cell(v)));
                    } else {
                        list.add(v);
                        at.add(locate(locations, file.toString(), key + ".values." + i));
                    }
                }
                return list.size() == values.size()
                        ? new ParameterSpec(path, list, Double.NaN, Double.NaN, locate(locations, file.toString(), key), at)
                        : null;
            }
            Double min = number(spec, "min", key + ".min");
            Double max = number(spec, "max", key + ".max");
            if (min == null || max == null) {
                return null;
            }
            if (!(min < max)) {
                problems.add(problem(key, "min must be below max, got [" + Values.cell(spec.get("min")) + ", "
                        + Values.cell(spec.get("max")) + "]"));
                return null;
            }
            return new ParameterSpec(path, List.of(), min, max, locate(locations, file.toString(), key), List.of());
        }

        private void checkSamples(DesignType type, Long samples, List<ParameterSpec> parameters) {
            if (type == null) {
                return;
            }
            boolean anyRange = parameters.stream().anyMatch(ParameterSpec::isRange);
            String need = switch (type) {
                case LHS -> "the number of points (at least 2)";
                case SOBOL -> "the number of base samples N (at least 2; a power of two is best), "
                        + "giving N x (parameters + 2) design points";
                case GRID, OAT -> anyRange ? "the number of evenly spaced levels of each {min, max} parameter "
                        + "(at least 2)" : null;
            };
            if (need == null) {
                return;
            }
            if (samples == null) {
                problems.add(problem("design.samples", "missing: " + need));
            } else if (samples < 2) {
                problems.add(problem("design.samples", "must be " + need + ", got " + samples));
            }
        }

        private List<String> metrics(List<ParameterSpec> parameters) {
            List<String> out = new ArrayList<>();
            JsonNode metrics = root.get("metrics");
            if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
                problems.add(problem("metrics", "must list at least one summary.json figure by dotted path, "
                        + "such as iotf_revenue_share.YRD or clusters.emerged"));
                return out;
            }
            Set<String> taken = new HashSet<>(RUN_COLUMNS);
            parameters.forEach(p -> taken.add(p.path()));
            for (int i = 0; i < metrics.size(); i++) {
                JsonNode m = metrics.get(i);
                String key = "metrics." + i;
                if (!m.isTextual() || !dotted(m.asText())) {
                    problems.add(problem(key, "must be a dotted path into summary.json, such as clusters.emerged"));
                } else if (!taken.add(m.asText())) {
                    problems.add(problem(key, "'" + m.asText() + "' is already a column of results.csv"));
                } else {
                    out.add(m.asText());
                }
            }
            return out;
        }

        private List<Setting> settings() {
            List<Setting> out = new ArrayList<>();
            JsonNode set = root.get("set");
            if (set == null) {
                return out;
            }
            if (!set.isObject()) {
                problems.add(problem("set", "must map dotted scenario paths to values, as --set does"));
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = set.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = "set." + field.getKey();
                JsonNode v = field.getValue();
                if (!dotted(field.getKey())) {
                    problems.add(problem(key, "not a dotted scenario path"));
                } else if (!(Values.isScalar(v) || v.isArray())) {
                    problems.add(problem(key, "must be a number, boolean, string or list; set nested keys one "
                            + "dotted path at a time"));
                } else {
                    out.add(new Setting(field.getKey(), v, locate(locations, file.toString(), key)));
                }
            }
            return out;
        }

        private void unknownKeys(JsonNode node, String prefix, List<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(problem(prefix.isEmpty() ? name : prefix + "." + name, "unknown key"
                            + Suggestions.didYouMean(name, allowed) + " (allowed: " + String.join(", ", allowed) + ")"));
                }
            }
        }

        private String text(JsonNode node, String field, String path, boolean required) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (required) {
                    problems.add(problem(path, "missing"));
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problems.add(problem(path, "must be a non-empty string, got " + describe(v)));
                return null;
            }
            return v.asText();
        }

        private Long integer(JsonNode node, String field, String path, boolean required, long min, long max) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (required) {
                    problems.add(problem(path, "missing (a whole number of at least " + min + ")"));
                }
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                problems.add(problem(path, "must be a whole number in [" + min + ", " + max + "], got "
                        + describe(v)));
                return null;
            }
            return v.asLong();
        }

        private Double number(JsonNode node, String field, String path) {
            JsonNode v = node.get(field);
            if (v == null) {
                problems.add(problem(path, "missing (a range needs both min and max)"));
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                problems.add(problem(path, "must be a number, got " + describe(v)));
                return null;
            }
            return v.asDouble();
        }

        private boolean bool(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                return false;
            }
            if (!v.isBoolean()) {
                problems.add(problem(field, "must be true or false, got " + describe(v)));
                return false;
            }
            return v.asBoolean();
        }

        private Problem problem(String path, String message) {
            return new Problem(locate(locations, file.toString(), path), path, message);
        }

        private static boolean dotted(String path) {
            if (path.isEmpty()) {
                return false;
            }
            for (String part : path.split("\\.", -1)) {
                if (part.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private static String describe(JsonNode v) {
            if (v.isTextual()) {
                return "the string '" + v.asText() + "'";
            }
            if (v.isNumber()) {
                return "the number " + Values.cell(v);
            }
            if (v.isBoolean()) {
                return v.asText();
            }
            return v.isArray() ? "a list" : v.isObject() ? "a mapping" : "null";
        }
    }
}
