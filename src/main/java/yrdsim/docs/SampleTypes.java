package yrdsim.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import yrdsim.metrics.Column;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.RunStamp;
import yrdsim.metrics.TableSink;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.run.Engines;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * The type of every column of the run tables, as the writers produce them: the Java types of
 * the values a short run records (a few steps of a small scenario, one thread, a firm snapshot
 * at the end), through the same recorder and declarations as any run. A column whose values
 * were all empty in the sample (clusters.csv's location quotient when no cluster emerged) is a
 * number if it has a unit and text otherwise.
 */
final class SampleTypes {

    /** Steps of the sample run: enough for every table to have rows. */
    private static final int STEPS = 4;

    private SampleTypes() {
    }

    /** By table and column, the type of its values in a sample run of {@code scenario}. */
    static Map<String, Map<String, String>> of(Path scenario) throws IOException, ScenarioException {
        LoadedScenario loaded = ScenarioLoader.load(scenario, List.of("time.steps=" + STEPS));
        long seed = loaded.scenario().seed();
        Map<String, Map<String, TreeSet<String>>> seen = new LinkedHashMap<>();
        TableSink sink = (name, columns) -> {
            Map<String, TreeSet<String>> table = seen.computeIfAbsent(name, n -> new LinkedHashMap<>());
            columns.forEach(c -> table.put(c, new TreeSet<>()));
            return new RowSink() {
                @Override
                public void row(Object... values) {
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] != null) {
                            table.get(columns.get(i)).add(name(values[i]));
                        }
                    }
                }

                @Override
                public void close() {
                }
            };
        };
        String name = loaded.scenario().name();
        YrdModel model = new YrdModel(loaded, seed, Engines.of(EnterpriseEngine.Kind.FAST, 1));
        Recorder recorder = new Recorder(sink, 0, RunStamp.of(RunStamp.runId(name, seed, List.of()), name, seed));
        model.addObserver(recorder);
        try {
            model.start();
            for (int k = 0; k < STEPS; k++) {
                model.schedule.step(model);
            }
            recorder.finish(model);
        } finally {
            model.finish();
        }
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        seen.forEach((table, columns) -> {
            Map<String, String> byColumn = new LinkedHashMap<>();
            columns.forEach((column, kinds) -> byColumn.put(column, String.join(" or ", kinds)));
            types.put(table, byColumn);
        });
        return types;
    }

    /** The type of column {@code c} in {@code types} (one table's), falling back on its unit when the sample had no value. */
    static String type(Map<String, String> types, Column<?> c) {
        String type = types == null ? null : types.get(c.name());
        if (type == null || type.isEmpty()) {
            return c.unit().isEmpty() ? "text" : "number";
        }
        return type;
    }

    private static String name(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return "number";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "integer";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return "text";
    }
}
