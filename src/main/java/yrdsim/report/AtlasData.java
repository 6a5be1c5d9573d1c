package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.StatUtils;
import yrdsim.output.Json;
import yrdsim.output.RefusedException;

/**
 * What an atlas report is made from, read from the atlas directory's files alone (so that
 * {@code docs/FINDINGS.md} can be rendered again from the tables committed beside it):
 * atlas.csv, channels.csv, sensitivity.csv and sweep-results.csv (when the atlas ran its Sobol
 * sweep) and provenance.json.
 *
 * @param policies    the policies in atlas.csv's order
 * @param effects     effects.get(policy).get(metric)
 * @param channels    channels.get(policy).get(metric): the rows of channels.csv, channels then direct
 * @param sensitivity the rows of sensitivity.csv, empty without a Sobol sweep
 * @param sweepRange  per outcome of the sweep (sweep-results.csv), its minimum, median and maximum over the
 *                    sweep's runs; empty without a Sobol sweep
 * @param provenance  provenance.json
 */
record AtlasData(List<String> policies, Map<String, Map<String, Effect>> effects,
                 Map<String, Map<String, List<Part>>> channels, List<Index> sensitivity,
                 Map<String, double[]> sweepRange, JsonNode provenance) {

    /**
     * A row of atlas.csv.
     *
     * @param effect    the paired mean difference, NaN when no pair has a value
     * @param low       95% interval with parameter uncertainty (seeds alone without draws)
     * @param lowSeeds  95% interval of seed noise alone
     * @param sdSeeds   standard deviation of the mean effect from seed noise, NaN without draws
     * @param sdParams  standard deviation of the effect over parameter draws, NaN without draws
     * @param baselineReached replications where the baseline has a value (a yardstick reached)
     * @param policyReached   the same for the policy
     * @param runs      replications
     * @param distinct  yes, seeds_only, no, or empty
     */
    record Effect(double baselineMean, double policyMean, double effect, double low, double high, double lowSeeds,
                  double highSeeds, double sdSeeds, double sdParams, int baselineReached, int policyReached, int runs,
                  String distinct) {
    }

    /** A row of channels.csv. */
    record Part(String channel, double shapley, double low, double high, double share, double total) {
    }

    /** A row of sensitivity.csv. */
    record Index(String metric, String parameter, double firstOrder, double firstCi, double totalOrder,
                 double totalCi) {
    }

    /** Reads the files of the atlas in {@code dir}. */
    static AtlasData read(Path dir) throws IOException, RefusedException {
        Table atlas = Table.read(dir.resolve("atlas.csv"), "policy", "metric", "effect", "ci95_low", "ci95_high",
                "ci95_low_seeds_only", "ci95_high_seeds_only", "var_seeds", "var_parameters", "baseline_reached",
                "policy_reached", "runs", "distinct_from_zero");
        List<String> policies = new ArrayList<>();
        Map<String, Map<String, Effect>> effects = new LinkedHashMap<>();
        for (CSVRecord r : atlas.rows()) {
            String policy = atlas.text(r, "policy");
            if (!policies.contains(policy)) {
                policies.add(policy);
            }
            effects.computeIfAbsent(policy, p -> new LinkedHashMap<>()).put(atlas.text(r, "metric"),
                    new Effect(atlas.number(r, "baseline_mean"), atlas.number(r, "policy_mean"),
                            atlas.number(r, "effect"), atlas.number(r, "ci95_low"), atlas.number(r, "ci95_high"),
                            atlas.number(r, "ci95_low_seeds_only"), atlas.number(r, "ci95_high_seeds_only"),
                            Math.sqrt(atlas.number(r, "var_seeds")), Math.sqrt(atlas.number(r, "var_parameters")),
                            (int) atlas.number(r, "baseline_reached"), (int) atlas.number(r, "policy_reached"),
                            (int) atlas.number(r, "runs"), atlas.text(r, "distinct_from_zero")));
        }
        Table ch = Table.read(dir.resolve("channels.csv"), "policy", "metric", "channel", "shapley", "ci95_low",
                "ci95_high", "share", "total_effect");
        Map<String, Map<String, List<Part>>> channels = new LinkedHashMap<>();
        for (CSVRecord r : ch.rows()) {
            channels.computeIfAbsent(ch.text(r, "policy"), p -> new LinkedHashMap<>())
                    .computeIfAbsent(ch.text(r, "metric"), m -> new ArrayList<>())
                    .add(new Part(ch.text(r, "channel"), ch.number(r, "shapley"), ch.number(r, "ci95_low"),
                            ch.number(r, "ci95_high"), ch.number(r, "share"), ch.number(r, "total_effect")));
        }
        List<Index> sensitivity = new ArrayList<>();
        Path file = dir.resolve("sensitivity.csv");
        if (Files.isRegularFile(file)) {
            Table s = Table.read(file, "metric", "parameter", "first_order", "first_order_ci", "total_order",
                    "total_order_ci");
            for (CSVRecord r : s.rows()) {
                sensitivity.add(new Index(s.text(r, "metric"), s.text(r, "parameter"), s.number(r, "first_order"),
                        s.number(r, "first_order_ci"), s.number(r, "total_order"), s.number(r, "total_order_ci")));
            }
        }
        Map<String, double[]> sweepRange = new LinkedHashMap<>();
        Path results = dir.resolve("sweep-results.csv");
        if (Files.isRegularFile(results)) {
            List<String> metrics = sensitivity.stream().map(Index::metric).distinct().toList();
            Table r = Table.read(results, metrics.toArray(String[]::new));
            for (String metric : metrics) {
                List<Double> values = new ArrayList<>();
                for (CSVRecord row : r.rows()) {
                    double v = r.number(row, metric);
                    if (!Double.isNaN(v)) {
                        values.add(v);
                    }
                }
                double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
                if (v.length > 0) {
                    sweepRange.put(metric, new double[] {StatUtils.min(v), StatUtils.percentile(v, 50),
                        StatUtils.max(v)});
                }
            }
        }
        Path provenance = dir.resolve("provenance.json");
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(provenance.toFile());
        } catch (IOException e) {
            throw new RefusedException(provenance + ": not readable JSON: " + e.getMessage());
        }
        return new AtlasData(policies, effects, channels, sensitivity, sweepRange, tree);
    }

    /** The effect of {@code policy} on {@code metric}, or null when atlas.csv has no such row. */
    Effect effect(String policy, String metric) {
        return effects.getOrDefault(policy, Map.of()).get(metric);
    }

    /** Whether the atlas has parameter draws. */
    boolean withDraws() {
        return provenance.path("parameter_draws").path("n").asInt() > 0;
    }
}
