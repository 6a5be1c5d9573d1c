package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.AtomicFiles;
import yrdsim.run.RunOptions;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.ScenarioTree;
import yrdsim.scenario.Suggestions;

/**
 * A sweep file checked against its scenario: the design's points and every run's id, seed and
 * overrides. Run {@code i} is replication {@code i % replications} of design point
 * {@code i / replications}; that index order is the row order of design.csv and results.csv and
 * the basis of {@code --shard}.
 */
public final class SweepPlan {

    /** The fields of {@link #identity()}, in manifest order. */
    public static final List<String> IDENTITY_KEYS = List.of("sweep", "scenario", "seed", "steps", "engine",
            "overrides", "design", "replications", "common_seeds", "keep_run_files", "keep_series", "metrics", "runs");

    /** Most distinct problems reported from design points before giving up. */
    private static final int MAX_POINT_PROBLEMS = 20;

    private final SweepFile file;
    private final LoadedScenario base;
    private final List<String> fixedOverrides;
    private final Design design;
    private final String idFormat;
    private final boolean keepSeries;

    /**
     * One run of the sweep.
     *
     * @param index       position in run order
     * @param id          run id, the name of its directory under runs/
     * @param point       design point
     * @param replication replication at that point (0-based)
     * @param seed        its seed
     * @param overrides   the sweep's fixed overrides, then the design point's values, as {@code --set} takes them
     */
    public record Run(int index, String id, int point, int replication, long seed, List<String> overrides) {
    }

    private SweepPlan(SweepFile file, LoadedScenario base, List<String> fixedOverrides, Design design,
                      boolean keepSeries) {
        this.file = file;
        this.base = base;
        this.fixedOverrides = List.copyOf(fixedOverrides);
        this.design = design;
        this.keepSeries = keepSeries;
        int pointDigits = Math.max(4, Integer.toString(Math.max(0, design.size() - 1)).length());
        int repDigits = Integer.toString(file.replications() - 1).length();
        this.idFormat = "p%0" + pointDigits + "d-r%0" + repDigits + "d";
    }

    /**
     * Loads the scenario of {@code file}, applies the fixed overrides and steps, checks that every
     * swept path can be set, and builds the design.
     *
     * @throws ScenarioException listing every problem, located in the sweep file where it was caused there
     */
    public static SweepPlan prepare(SweepFile file) throws ScenarioException {
        if (!Files.isRegularFile(file.scenario())) {
            throw new ScenarioException(file.problem("scenario", "no such scenario file: " + file.scenario()
                    + " (the path is relative to the sweep file)" + Suggestions.similarFile(file.scenario())));
        }
        ScenarioTree tree = ScenarioTree.load(file.scenario());
        List<Problem> problems = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (SweepFile.Setting s : file.set()) {
            String text = Values.overrideText(s.value());
            fixed.add(s.path() + "=" + text);
            try {
                ScenarioLoader.applyOverride(tree, s.path(), text, s.at());
            } catch (ScenarioException e) {
                problems.addAll(relocate(e, "set." + s.path(), s.at(), file.scenario()));
            }
        }
        if (file.steps() != null) {
            tree.set("time.steps", Integer.toString(file.steps()), file.locate("steps"));
        }
        for (ParameterSpec spec : file.parameters()) {
            JsonNode first = Designs.levels(spec, file.samples() == null ? 2 : file.samples()).get(0);
            try {
                ScenarioLoader.applyOverride(tree.copy(), spec.path(), Values.overrideText(first), spec.at());
            } catch (ScenarioException e) {
                problems.addAll(relocate(e, "design.parameters." + spec.path(), spec.at(), file.scenario()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        LoadedScenario base = ScenarioLoader.bind(tree);
        return new SweepPlan(file, base, fixed, Designs.build(file, tree), file.keepSeries());
    }

    /**
     * This plan keeping every run's per-step tables and stacking them under {@code timeseries/}
     * ({@code --keep series}), as the sweep file's {@code keep_series: true} does.
     */
    public SweepPlan keepingSeries() {
        return new SweepPlan(file, base, fixedOverrides, design, true);
    }

    /** Whether runs keep their per-step tables, stacked under {@code timeseries/} at the end. */
    public boolean keepSeries() {
        return keepSeries;
    }

    /** Problems from setting a path, reported at the sweep file's key and naming the scenario. */
    private static List<Problem> relocate(ScenarioException e, String key, Location at, Path scenario) {
        return e.problems().stream()
                .map(p -> new Problem(at, key, p.message().replace("this scenario", "the scenario " + scenario)))
                .toList();
    }

    /** The sweep file. */
    public SweepFile file() {
        return file;
    }

    /** The scenario with the sweep's fixed overrides and steps, validated. */
    public LoadedScenario base() {
        return base;
    }

    /** The design. */
    public Design design() {
        return design;
    }

    /** Number of runs: design points times replications. */
    public int size() {
        return design.size() * file.replications();
    }

    /** Run {@code index}. */
    public Run run(int index) {
        int reps = file.replications();
        int point = index / reps;
        int replication = index % reps;
        List<String> overrides = new ArrayList<>(fixedOverrides);
        for (int j = 0; j < design.parameters().size(); j++) {
            overrides.add(design.parameters().get(j) + "=" + Values.overrideText(design.value(point, j)));
        }
        return new Run(index, String.format(idFormat, point, replication), point, replication,
                Seeds.of(file.seed(), point, replication, file.commonSeeds()), overrides);
    }

    /**
     * How run {@code run} is carried out: one thread, fast engine, into {@code directory}, its
     * rows stamped with its run id, the scenario's name, its seed and the swept parameters'
     * values as design.csv shows them.
     *
     * <p>A run keeps every file with {@code keep_run_files}, its per-step tables when the plan
     * {@link #keepSeries keeps series}, else only its manifest and summary.
     */
    public RunOptions options(Run run, Path directory) {
        RunOptions.Tables tables = file.keepRunFiles() ? RunOptions.Tables.ALL
                : keepSeries ? RunOptions.Tables.SERIES : RunOptions.Tables.NONE;
        List<String> values = new ArrayList<>();
        for (int j = 0; j < design.parameters().size(); j++) {
            values.add(Values.cell(design.value(run.point(), j)));
        }
        RunStamp stamp = new RunStamp(run.id(), base.scenario().name(), run.seed(), design.parameters(), values);
        return new RunOptions(file.scenario(), run.overrides(), run.seed(), file.steps(), 1,
                EnterpriseEngine.Kind.FAST, directory, false, 0, 0, tables, stamp);
    }

    /**
     * Checks that the scenario validates at each of {@code points} (every swept value in range,
     * and combinations such as alpha + beta + eta < 1 respected). Costs one scenario validation
     * per point, a few milliseconds each.
     *
     * @throws ScenarioException the distinct problems found, each with the first point that shows it
     */
    public void checkPoints(int[] points) throws ScenarioException {
        Map<String, Problem> found = new LinkedHashMap<>();
        for (int p : points) {
            ScenarioTree trial = base.tree().copy();
            try {
                for (int j = 0; j < design.parameters().size(); j++) {
                    ScenarioLoader.applyOverride(trial, design.parameters().get(j),
                            Values.overrideText(design.value(p, j)), valueLocation(p, j));
                }
                ScenarioLoader.bind(trial);
            } catch (ScenarioException e) {
                for (Problem x : e.problems()) {
                    found.putIfAbsent(x.toString(), new Problem(x.location(), x.path(),
                            x.message() + " (design point " + p + ": " + describe(p) + ")"));
                }
                if (found.size() >= MAX_POINT_PROBLEMS) {
                    break;
                }
            }
        }
        if (!found.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(found.values()));
        }
    }

    /** The parameter values of point {@code p}, as {@code a=1, b=2}. */
    public String describe(int p) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < design.parameters().size(); j++) {
            parts.add(design.parameters().get(j) + "=" + Values.cell(design.value(p, j)));
        }
        return String.join(", ", parts);
    }

    private Location valueLocation(int p, int j) {
        ParameterSpec spec = file.parameters().get(j);
        String cell = Values.cell(design.value(p, j));
        for (int k = 0; k < spec.values().size(); k++) {
            if (Values.cell(spec.values().get(k)).equals(cell)) {
                return spec.valuesAt().get(k);
            }
        }
        return spec.at();
    }

    /**
     * What makes two sweeps the same, for manifests: the sweep file, the scenario as resolved,
     * and the settings both imply.
     */
    public Map<String, Object> identity() {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("path", file.file().toString());
        sweep.put("sha256", file.sha256());
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", base.scenario().name());
        scenario.put("path", file.scenario().toString());
        scenario.put("sha256", sha(file.scenario()));
        scenario.put("resolved_sha256", AtomicFiles.sha256(resolvedScenario().getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> designInfo = new LinkedHashMap<>();
        designInfo.put("type", file.type().label());
        designInfo.put("samples", file.samples());
        designInfo.put("parameters", design.parameters());
        designInfo.put("points", design.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep", sweep);
        out.put("scenario", scenario);
        out.put("seed", file.seed());
        out.put("steps", base.scenario().time().steps());
        out.put("engine", "fast");
        out.put("overrides", fixedOverrides);
        out.put("design", designInfo);
        out.put("replications", file.replications());
        out.put("common_seeds", file.commonSeeds());
        out.put("keep_run_files", file.keepRunFiles());
        out.put("keep_series", keepSeries);
        out.put("metrics", file.metrics());
        out.put("runs", size());
        assert out.keySet().stream().toList().equals(IDENTITY_KEYS);
        return out;
    }

    /** The scenario every run starts from (before the design's values), as YAML. */
    public String resolvedScenario() {
        return base.tree().toYaml();
    }

    private static String sha(Path file) {
        try {
            return AtomicFiles.sha256(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    @Override
    public String toString() {
        int d = design.parameters().size();
        return file.file().getFileName() + ": " + file.type().label() + " design, " + design.size() + " points x "
                + file.replications() + " replication" + (file.replications() == 1 ? "" : "s") + " = " + size()
                + " runs of " + base.scenario().name() + " (" + base.scenario().time().steps() + " steps, " + d
                + " parameter" + (d == 1 ? "" : "s") + ")";
    }
}
