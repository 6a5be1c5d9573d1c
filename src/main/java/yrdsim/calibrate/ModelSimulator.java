package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yrdsim.metrics.Recorder;
import yrdsim.model.CalibrationException;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.ModelException;
import yrdsim.model.YrdModel;
import yrdsim.output.Json;
import yrdsim.run.Engines;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.ScenarioTree;

/**
 * yrdsim's model as a {@link Simulator}: each replication is one run of the scenario with the
 * fixed overrides, then the parameters as overrides, on one engine thread of the fast engine,
 * in this process. A run writes nothing: its summary is built as for summary.json, the table
 * rows a statistic reads are kept in memory ({@link TableCapture}) and firm dynamics are
 * observed only when a target needs them ({@link FirmDynamics}).
 */
public final class ModelSimulator implements Simulator {

    private final ScenarioTree base;
    private final List<ParameterFile.Parameter> parameters;
    private final TargetFile targets;
    private final Set<String> tables;
    private final boolean firms;

    private ModelSimulator(ScenarioTree base, List<ParameterFile.Parameter> parameters, TargetFile targets) {
        this.base = base;
        this.parameters = parameters;
        this.targets = targets;
        this.tables = targets.tablesRead();
        this.firms = targets.readsFirmDynamics();
    }

    /**
     * Loads {@code scenario}, applies the parameter file's fixed overrides and then
     * {@code overrides} (as {@code --set}), and checks that the scenario is valid with every
     * parameter at its lower bound, its upper bound and its start.
     *
     * @throws ScenarioException every problem, located in the parameter file where it was caused there
     */
    public static ModelSimulator prepare(Path scenario, ParameterFile params, List<String> overrides,
                                         TargetFile targets) throws ScenarioException {
        ScenarioTree tree = ScenarioTree.load(scenario);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < params.set().size(); i++) {
            String override = params.set().get(i);
            int eq = override.indexOf('=');
            try {
                ScenarioLoader.applyOverride(tree, override.substring(0, eq), override.substring(eq + 1),
                        params.setAt().get(i));
            } catch (ScenarioException e) {
                problems.addAll(relocate(e, "set." + override.substring(0, eq), params.setAt().get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        ScenarioLoader.applyOverrides(tree, overrides);
        ScenarioLoader.bind(tree);
        for (ParameterFile.Parameter p : params.parameters()) {
            for (double v : new double[] {p.min(), p.max(), p.start()}) {
                ScenarioTree trial = tree.copy();
                try {
                    ScenarioLoader.applyOverride(trial, p.path(), Double.toString(v), p.at());
                    ScenarioLoader.bind(trial);
                } catch (ScenarioException e) {
                    problems.addAll(relocate(e, "parameters." + p.path(), p.at()).stream()
                            .map(x -> new Problem(x.location(), x.path(), x.message() + " (at " + p.path() + " = "
                                    + v + ")")).toList());
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.stream().distinct().toList());
        }
        return new ModelSimulator(tree, params.parameters(), targets);
    }

    /** Problems of applying a path, shown at the key of the parameter file that caused them. */
    private static List<Problem> relocate(ScenarioException e, String key, Location at) {
        return e.problems().stream().map(p -> new Problem(at, key, p.message())).toList();
    }

    /** The scenario every replication starts from (fixed overrides applied), as YAML. */
    public String resolvedScenario() {
        return base.toYaml();
    }

    /** The scenario every replication starts from, validated. */
    public LoadedScenario baseScenario() throws ScenarioException {
        return ScenarioLoader.bind(base.copy());
    }

    /**
     * Runs the scenario one step at its starting parameters and checks every target's statistic
     * against what it gives (as a sweep checks its metrics).
     *
     * @throws ScenarioException a statistic the model's outputs do not have, at its line in the target file
     */
    public void probe(long seed) throws ScenarioException {
        double[] start = parameters.stream().mapToDouble(ParameterFile.Parameter::start).toArray();
        LoadedScenario loaded = scenario(start);
        try {
            targets.check(run(loaded, seed, 1));
        } catch (CalibrationException | ModelException | IOException e) {
            throw new ScenarioException(loaded.tree().problem("", "the scenario failed in its first step while "
                    + "checking the targets' statistics: " + e.getMessage()));
        }
    }

    @Override
    public Replication simulate(double[] theta, long seed) {
        LoadedScenario loaded;
        try {
            loaded = scenario(theta);
        } catch (ScenarioException e) {
            return Replication.failed("invalid scenario: " + e.problems().get(0));
        }
        try {
            return Replication.of(targets.moments(run(loaded, seed, loaded.scenario().time().steps())));
        } catch (CalibrationException | ModelException e) {
            return Replication.failed(e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LoadedScenario scenario(double[] theta) throws ScenarioException {
        ScenarioTree tree = base.copy();
        for (int j = 0; j < parameters.size(); j++) {
            ParameterFile.Parameter p = parameters.get(j);
            ScenarioLoader.applyOverride(tree, p.path(), Double.toString(theta[j]), p.at());
        }
        return ScenarioLoader.bind(tree);
    }

    /** Runs {@code steps} steps and returns what the statistics read. */
    private RunOutputs run(LoadedScenario loaded, long seed, int steps) throws IOException {
        YrdModel model = new YrdModel(loaded, seed, Engines.of(EnterpriseEngine.Kind.FAST, 1));
        TableCapture capture = new TableCapture(tables);
        Recorder recorder = new Recorder(capture, 0);
        FirmDynamics dynamics = firms ? new FirmDynamics() : null;
        model.addObserver(recorder);
        if (dynamics != null) {
            model.addObserver(dynamics);
        }
        try {
            model.start(); // tells the observers
            for (int k = 0; k < steps; k++) {
                model.schedule.step(model);
            }
            JsonNode summary = Json.tree(recorder.finish(model));
            return new RunOutputs(summary, capture.tables(), dynamics != null ? dynamics.statistics() : Map.of());
        } finally {
            model.finish();
        }
    }
}
