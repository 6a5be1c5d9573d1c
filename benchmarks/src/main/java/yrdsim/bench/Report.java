package yrdsim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the JSON results of a benchmark run (see {@code benchmarks/run}) into the Markdown
 * tables of {@code benchmarks/README.md}: step times, the ratios the targets are stated in, and
 * allocation per step with the harness's own share subtracted. Prints to stdout.
 *
 * <p>Usage: {@code java -cp benchmarks.jar yrdsim.bench.Report steps.json allocation.json}
 */
public final class Report {

    private static final String[] SIZES = {"1e5", "1e6", "1e7"};

    private final List<JsonNode> results = new ArrayList<>();

    private Report() {
    }

    /** Prints the tables for the given JMH JSON result files. */
    public static void main(String[] args) throws IOException {
        Report r = new Report();
        ObjectMapper json = new ObjectMapper();
        for (String file : args) {
            json.readTree(Path.of(file).toFile()).forEach(r.results::add);
        }
        r.print();
    }

    /** Score of benchmark {@code name} (simple method name) with these params, or NaN. */
    private double score(String name, String enterprises, String threads) {
        JsonNode n = find(name, enterprises, threads);
        return n == null ? Double.NaN : n.path("primaryMetric").path("score").asDouble();
    }

    private JsonNode find(String name, String enterprises, String threads) {
        for (JsonNode n : results) {
            String bench = n.path("benchmark").asText();
            JsonNode p = n.path("params");
            if (bench.endsWith("." + name) && p.path("enterprises").asText().equals(enterprises)
                    && (threads == null || p.path("threads").asText().equals(threads))) {
                return n;
            }
        }
        return null;
    }

    private static double firms(String size) {
        return Double.parseDouble(size);
    }

    private static String f(String format, double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }

    private void print() {
        System.out.println("| benchmark | enterprises | threads | ms per step | ± (99.9% CI) | ns per enterprise-step |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        String[][] rows = {
            {"fast", "1"}, {"fast", "2"}, {"reference", null}, {"memory", null}, {"compute", null}};
        for (String[] row : rows) {
            for (String size : SIZES) {
                JsonNode n = find(row[0], size, row[1]);
                if (n == null) {
                    continue;
                }
                double ms = n.path("primaryMetric").path("score").asDouble();
                double error = n.path("primaryMetric").path("scoreError").asDouble();
                String label = switch (row[0]) {
                    case "fast" -> "fast engine, one step";
                    case "reference" -> "reference engine, one step";
                    case "memory" -> "memory floor (streaming passes)";
                    default -> "compute floor (transcendentals)";
                };
                System.out.println("| " + label + " | " + size + " | " + (row[1] == null ? "1" : row[1]) + " | "
                        + f("%.2f", ms) + " | " + f("%.2f", error) + " | " + f("%.1f", ms * 1e6 / firms(size)) + " |");
            }
        }

        System.out.println();
        System.out.println("| ratio | 1e5 | 1e6 | 1e7 |");
        System.out.println("| --- | --- | --- | --- |");
        StringBuilder ref = new StringBuilder("| reference / fast (1 thread) |");
        StringBuilder scaling = new StringBuilder("| fast 1 thread / fast 2 threads |");
        StringBuilder floor = new StringBuilder("| fast (1 thread) / larger floor |");
        StringBuilder which = new StringBuilder("| larger floor |");
        for (String size : SIZES) {
            double fast1 = score("fast", size, "1");
            double fast2 = score("fast", size, "2");
            double memory = score("memory", size, null);
            double compute = score("compute", size, null);
            ref.append(' ').append(f("%.1f×", score("reference", size, null) / fast1)).append(" |");
            scaling.append(' ').append(f("%.2f×", fast1 / fast2)).append(" |");
            floor.append(' ').append(f("%.2f×", fast1 / Math.max(memory, compute))).append(" |");
            which.append(' ').append(Double.isNaN(memory) ? "–" : memory > compute ? "memory" : "compute").append(" |");
        }
        System.out.println(ref);
        System.out.println(scaling);
        System.out.println(floor);
        System.out.println(which);
        for (String threads : new String[] {"1", "2"}) {
            double lo = Double.MAX_VALUE;
            double hi = 0;
            for (String size : SIZES) {
                double ns = score("fast", size, threads) * 1e6 / firms(size);
                if (!Double.isNaN(ns)) {
                    lo = Math.min(lo, ns);
                    hi = Math.max(hi, ns);
                }
            }
            System.out.println("| ns per enterprise-step, largest / smallest over sizes, " + threads + " thread"
                    + (threads.equals("1") ? "" : "s") + " | " + f("%.2f×", hi / lo) + " | | |");
        }

        System.out.println();
        System.out.println("| allocation per step (`-prof gc`, all threads) | 1e5 | 1e6 | 1e7 |");
        System.out.println("| --- | --- | --- | --- |");
        StringBuilder total = new StringBuilder("| fast engine, 2 threads, gc.alloc.rate.norm |");
        StringBuilder harness = new StringBuilder("| empty iteration (JMH's own), same normalisation |");
        StringBuilder model = new StringBuilder("| the model's own (difference) |");
        for (String size : SIZES) {
            double all = allocation("fastStep", size);
            double own = allocation("harness", null);
            total.append(' ').append(f("%.0f B", all)).append(" |");
            harness.append(' ').append(f("%.0f B", own)).append(" |");
            model.append(' ').append(f("%.0f B", all - own)).append(" |");
        }
        System.out.println(total);
        System.out.println(harness);
        System.out.println(model);
    }

    private double allocation(String name, String enterprises) {
        for (JsonNode n : results) {
            if (!n.path("benchmark").asText().endsWith("AllocationBenchmark." + name)) {
                continue;
            }
            if (enterprises != null && !n.path("params").path("enterprises").asText().equals(enterprises)) {
                continue;
            }
            return n.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
        }
        return Double.NaN;
    }
}
