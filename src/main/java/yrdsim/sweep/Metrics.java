package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.run.Engines;
import yrdsim.output.Json;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Problem;
import yrdsim.scenario.Suggestions;

/**
 * Metrics are summary.json figures named by dotted path, such as {@code iotf_revenue_share.YRD},
 * {@code clusters.emerged} or {@code iotf_sectors.future_networks.revenue_annual_bn}. A metric
 * must lead to a number; it may be null in a run where the figure is undefined (a threshold
 * never reached), and its cell is then empty.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * A summary of {@code scenario} after one step, whose keys are those of every full run's
     * summary: the names metrics are checked against before a sweep starts. Costs one model
     * build and one step on one thread.
     */
    public static JsonNode probe(LoadedScenario scenario, long seed) throws IOException {
        YrdModel model = new YrdModel(scenario, seed, Engines.of(EnterpriseEngine.Kind.FAST, 1));
        Recorder recorder = new Recorder(DISCARD, 0);
        model.addObserver(recorder);
        try {
            model.start();
            model.schedule.step(model);
            Map<String, Object> summary = recorder.finish(model);
            return Json.tree(summary);
        } finally {
            model.finish();
        }
    }

    /** One problem per metric of {@code file} that does not lead to a number in {@code summary}. */
    public static List<Problem> check(SweepFile file, JsonNode summary) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < file.metrics().size(); i++) {
            String error = error(summary, file.metrics().get(i));
            if (error != null) {
                problems.add(file.problem("metrics." + i, error));
            }
        }
        return problems;
    }

    /** The value of {@code metric}: a number, or NaN when the run left it null. */
    public static double value(JsonNode summary, String metric) {
        JsonNode v = resolve(summary, metric);
        if (v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(error(summary, metric));
        }
        return v.asDouble();
    }

    /** The results.csv cell of {@code metric}: the number as summary.json writes it, or empty when null. */
    public static String cell(JsonNode summary, String metric) {
        JsonNode v = resolve(summary, metric);
        if (!v.isNull() && !v.isNumber()) {
            throw new IllegalArgumentException(error(summary, metric));
        }
        return Values.cell(v);
    }

    private static JsonNode resolve(JsonNode summary, String metric) {
        JsonNode node = summary;
        for (String part : metric.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Why {@code metric} is not a number of {@code summary}, or null if it is one (or null). */
    static String error(JsonNode summary, String metric) {
        JsonNode node = summary;
        String at = "";
        for (String part : metric.split("\\.")) {
            if (!node.isObject()) {
                return "'" + at + "' in summary.json is " + kind(node) + ", not a group of figures";
            }
            JsonNode next = node.get(part);
            if (next == null) {
                List<String> known = new ArrayList<>();
                node.fieldNames().forEachRemaining(known::add);
                return "no figure '" + part + "' " + (at.isEmpty() ? "in summary.json" : "under '" + at + "'")
                        + Suggestions.didYouMean(part, known) + " (known: " + String.join(", ", known) + ")";
            }
            at = at.isEmpty() ? part : at + "." + part;
            node = next;
        }
        if (!node.isNumber() && !node.isNull()) {
            return "'" + metric + "' in summary.json is " + kind(node) + ", not a number"
                    + (node.isObject() && node.size() > 0 ? " (name one of its figures, such as " + metric + "."
                    + node.fieldNames().next() + ")" : "");
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "a group" : node.isArray() ? "a list" : node.isTextual() ? "text" : "a value";
    }

    /** Sweeps keep no tables from the probe. */
    private static final TableSink DISCARD = (name, columns) -> new RowSink() {
        @Override
        public void row(Object... values) {
        }

        @Override
        public void close() {
        }
    };
}
