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
import org.knowm.xchart.HeatMapChart;
import yrdsim.output.AtomicFiles;
import yrdsim.output.RefusedException;

/**
 * The report of a sweep directory. A two-parameter grid gets one heat map per metric (the mean
 * over replications in each cell beside the seed noise of each cell, greyed when the means do not
 * differ beyond it); a one-parameter design gets each metric against the parameter (mean, with the
 * min–max band over replications); a Sobol design's {@code sensitivity.csv} gets one bar chart per
 * metric of first- and total-order indices with their intervals, undefined ones marked n/a. The
 * charts are drawn by {@link SweepCharts}.
 */
final class SweepReport {

    private static final List<String> RUN_COLUMNS = List.of("run_id", "replication", "seed");

    private SweepReport() {
    }

    static Path write(Path dir) throws IOException, RefusedException {
        Table design = Table.read(dir.resolve("design.csv"), "run_id");
        List<String> parameters = design.columns().stream().filter(c -> !c.equals("run_id")).toList();
        Table results = Table.read(dir.resolve("results.csv"), "run_id", "replication", "seed");
        List<String> metrics = results.columns().stream()
                .filter(c -> !RUN_COLUMNS.contains(c) && !parameters.contains(c)).toList();
        List<SweepCharts.Point> points = points(design, parameters, results, metrics);
        int replications = (int) results.rows().stream().map(r -> results.text(r, "replication")).distinct().count();
        String caption = caption(Reports.manifest(dir), replications);
        boolean commonSeeds = Reports.manifest(dir).path("common_seeds").asBoolean(false);

        List<String> charts = new ArrayList<>();
        List<String> charted = new ArrayList<>();
        String heading = null;
        if (parameters.size() == 2 && isGrid(points)) {
            heading = "## Heat maps\n\nEach cell is one grid point. The left panel is the mean of the metric over "
                    + "the replications that have a value there; the right panel is their standard deviation, the "
                    + "seed noise of that cell. Where the cell means differ no more than seed noise alone would make "
                    + "them differ, the left panel is grey and its title gives the p-value of the test: its colours "
                    + "would paint noise as structure. The test is an analysis of variance over the cells (p < 0.05 "
                    + "colours the map); when every grid point ran on the same seeds (`common_seeds`), the seed is "
                    + "a block in that analysis, because the part of each cell's SD that all cells share cancels in "
                    + "their differences. Coloured or not, read a difference between two cells against their SDs. "
                    + "Shares are in per cent (the files hold fractions).\n\n";
            for (String metric : metrics) {
                if (hasValues(points, metric)) {
                    String chart = "charts/heatmap-" + fileName(metric) + ".png";
                    List<HeatMapChart> panels = SweepCharts.heatMap(points, parameters, metric, replications,
                            commonSeeds);
                    Charts.saveGrid(panels, panels.size(), dir.resolve(chart), caption);
                    charts.add(chart);
                    charted.add(metric);
                }
            }
        } else if (parameters.size() == 1) {
            heading = "## Metrics against " + parameters.get(0) + "\n\nThe line is the mean over replications, the "
                    + "band spans the lowest to the highest replication.\n\n";
            for (String metric : metrics) {
                if (hasValues(points, metric)) {
                    String chart = "charts/" + fileName(metric) + "-by-" + fileName(parameters.get(0)) + ".png";
                    Charts.save(SweepCharts.oneParameter(points, parameters.get(0), metric, replications),
                            dir.resolve(chart), caption);
                    charts.add(chart);
                    charted.add(metric);
                }
            }
        }
        Map<String, List<CSVRecord>> sensitivity = new LinkedHashMap<>();
        Table sensitivityTable = null;
        Path sensitivityFile = dir.resolve("sensitivity.csv");
        if (Files.isRegularFile(sensitivityFile)) {
            sensitivityTable = Table.read(sensitivityFile, "metric", "parameter", "first_order", "first_order_ci",
                    "total_order", "total_order_ci");
            for (CSVRecord row : sensitivityTable.rows()) {
                sensitivity.computeIfAbsent(sensitivityTable.text(row, "metric"), k -> new ArrayList<>()).add(row);
            }
            for (Map.Entry<String, List<CSVRecord>> e : sensitivity.entrySet()) {
                Charts.save(SweepCharts.sobol(sensitivityTable, e.getKey(), e.getValue()),
                        dir.resolve(sobolChart(e.getKey())), caption);
            }
        }
        StringBuilder b = new StringBuilder("# Sweep report\n\n");
        b.append(provenance(dir, parameters, metrics, points, replications));
        if (heading != null) {
            b.append(heading);
            for (int i = 0; i < charts.size(); i++) {
                b.append(Markdown.image(Labels.metric(charted.get(i)), charts.get(i))).append('\n');
            }
            List<String> empty = metrics.stream().filter(m -> !charted.contains(m)).toList();
            if (!empty.isEmpty()) {
                b.append("No chart for ").append(String.join(", ", empty))
                        .append(": no run has a value (a yardstick no run reached).\n\n");
            }
        } else if (sensitivity.isEmpty()) {
            b.append("This design (").append(parameters.size()).append(" parameters, ").append(points.size())
                    .append(" points) is neither a two-parameter grid nor a one-parameter design and has no "
                            + "`sensitivity.csv`, so there is nothing to chart; `results.csv` holds every run.\n\n");
        }
        if (!sensitivity.isEmpty()) {
            b.append(sobolSection(sensitivityTable, sensitivity));
        }
        Path report = dir.resolve(Reports.REPORT);
        AtomicFiles.write(report, b.toString());
        Html.write(report);
        return report;
    }

    /** "Sweep barriers-grid on baseline, seed 1, 2 replications per point · yrdsim …". */
    static String caption(JsonNode manifest, int replications) {
        String sweep = manifest.path("sweep").path("path").asText("");
        String name = sweep.isEmpty() ? "Sweep" : "Sweep " + Path.of(sweep).getFileName().toString().replaceAll("\\.ya?ml$", "");
        String scenario = manifest.path("scenario").path("name").asText("");
        String seed = manifest.path("seed").asText("");
        return name + (scenario.isEmpty() ? "" : " on scenario " + scenario)
                + Reports.overridesCaption(manifest.path("overrides")) + (seed.isEmpty() ? "" : ", seed " + seed)
                + ", " + replications + " replication" + (replications == 1 ? "" : "s") + " per point · "
                + Reports.source(manifest);
    }

    private static String sobolChart(String metric) {
        return "charts/sobol-" + fileName(metric) + ".png";
    }

    /**
     * The design points: runs with the same parameter values (the replications of a point) are
     * one point, in the order of design.csv.
     */
    private static List<SweepCharts.Point> points(Table design, List<String> parameters, Table results, List<String> metrics)
            throws RefusedException {
        Map<String, List<String>> valuesOfRun = new LinkedHashMap<>();
        Map<List<String>, SweepCharts.Point> byValues = new LinkedHashMap<>();
        for (CSVRecord row : design.rows()) {
            List<String> values = new ArrayList<>();
            for (String p : parameters) {
                values.add(design.text(row, p).trim());
            }
            String id = design.text(row, "run_id");
            if (valuesOfRun.put(id, values) != null) {
                throw new RefusedException(design.where(row, "run_id") + ": run_id '" + id + "' appears twice");
            }
            byValues.computeIfAbsent(values, v -> {
                Map<String, List<Double>> m = new LinkedHashMap<>();
                Map<String, List<Integer>> r = new LinkedHashMap<>();
                metrics.forEach(name -> m.put(name, new ArrayList<>()));
                metrics.forEach(name -> r.put(name, new ArrayList<>()));
                return new SweepCharts.Point(v, m, r);
            });
        }
        for (CSVRecord row : results.rows()) {
            List<String> values = valuesOfRun.get(results.text(row, "run_id"));
            if (values == null) {
                throw new RefusedException(results.where(row, "run_id") + ": run_id '" + results.text(row, "run_id")
                        + "' is not in design.csv");
            }
            SweepCharts.Point point = byValues.get(values);
            for (String metric : metrics) {
                double v = results.number(row, metric);
                if (!Double.isNaN(v)) {
                    point.metrics().get(metric).add(v);
                    point.replications().get(metric).add(results.integer(row, "replication"));
                }
            }
        }
        return new ArrayList<>(byValues.values());
    }

    private static boolean hasValues(List<SweepCharts.Point> points, String metric) {
        return points.stream().anyMatch(p -> !p.metrics().get(metric).isEmpty());
    }

    /** True when the points are every combination of the two parameters' values, with at least two of each. */
    private static boolean isGrid(List<SweepCharts.Point> points) {
        long first = points.stream().map(p -> p.values().get(0)).distinct().count();
        long second = points.stream().map(p -> p.values().get(1)).distinct().count();
        return first > 1 && second > 1 && first * second == points.size();
    }

    /** A metric or parameter name as part of a file name. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String provenance(Path dir, List<String> parameters, List<String> metrics, List<SweepCharts.Point> points,
                                     int replications) {
        JsonNode manifest = Reports.manifest(dir);
        List<List<String>> rows = new ArrayList<>();
        // The sweep's own manifest fields, without timings and the file list, which say nothing about the results.
        manifest.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (!key.equals("files") && !key.endsWith("_at") && !key.endsWith("seconds") && !key.equals("threads")
                    && !key.equals("jobs") && !key.endsWith("_files") && !key.endsWith("per_second")) {
                JsonNode v = e.getValue();
                rows.add(List.of(key, v.isValueNode() ? Reports.text(v) : Markdown.code(v.toString())));
            }
        });
        rows.add(List.of("design points", points.size() + " distinct points over " + parameters.size()
                + " parameter" + (parameters.size() == 1 ? "" : "s") + " (" + String.join(", ", parameters) + "), "
                + replications + " replication" + (replications == 1 ? "" : "s") + " each"));
        if (!manifest.has("metrics")) {
            rows.add(List.of("metrics", String.join(", ", metrics)));
        }
        return Markdown.table(List.of("provenance", ""), rows) + "\n";
    }

    private static String sobolSection(Table t, Map<String, List<CSVRecord>> sensitivity) throws RefusedException {
        StringBuilder b = new StringBuilder("## Sobol sensitivity indices\n\n");
        b.append("The first-order index is the share of a metric's variance due to one parameter alone; the "
                + "total-order index adds its interactions with the others. Error bars and ± are the 95% intervals "
                + "of `sensitivity.csv`. An index that `sensitivity.csv` leaves empty is undefined (for example when "
                + "the metric did not vary across the runs): it is marked n/a and has no bar, rather than a bar at 0.\n\n");
        for (Map.Entry<String, List<CSVRecord>> e : sensitivity.entrySet()) {
            b.append("### ").append(Labels.metric(e.getKey())).append("\n\n");
            b.append(Markdown.image("Sobol indices of " + e.getKey(), sobolChart(e.getKey()))).append('\n');
            List<List<String>> table = new ArrayList<>();
            for (CSVRecord row : e.getValue()) {
                table.add(List.of(t.text(row, "parameter"), index(t, row, "first_order"), index(t, row, "total_order")));
            }
            b.append(Markdown.table(List.of("parameter", "first order", "total order"), table)).append('\n');
        }
        return b.toString();
    }

    /** An index with its interval, or n/a when sensitivity.csv leaves it empty. */
    private static String index(Table t, CSVRecord row, String column) throws RefusedException {
        double v = t.number(row, column);
        return Double.isNaN(v) ? "n/a" : Markdown.number(v, 3) + " ± " + Markdown.number(t.number(row, column + "_ci"), 2);
    }
}
