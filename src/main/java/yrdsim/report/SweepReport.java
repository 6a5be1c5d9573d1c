package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.StatUtils;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.AtomicFiles;
import yrdsim.output.RefusedException;

/**
 * The report of a sweep directory. A two-parameter grid gets one heat map per metric (the mean
 * over replications in each cell); a one-parameter design gets each metric against the parameter
 * (mean, with the min–max band over replications); a Sobol design's {@code sensitivity.csv} gets
 * one bar chart per metric of first- and total-order indices with their intervals.
 */
final class SweepReport {

    private static final List<String> RUN_COLUMNS = List.of("run_id", "replication", "seed");
    private static final Color FIRST_ORDER = new Color(0x00, 0x72, 0xB2);
    private static final Color TOTAL_ORDER = new Color(0xE6, 0x9F, 0x00);

    /** One design point: its parameter values as written, and each metric's values over its runs. */
    private record Point(List<String> values, Map<String, List<Double>> metrics) {
    }

    private SweepReport() {
    }

    static Path write(Path dir) throws IOException, RefusedException {
        Table design = Table.read(dir.resolve("design.csv"), "run_id");
        List<String> parameters = design.columns().stream().filter(c -> !c.equals("run_id")).toList();
        Table results = Table.read(dir.resolve("results.csv"), "run_id", "replication", "seed");
        List<String> metrics = results.columns().stream()
                .filter(c -> !RUN_COLUMNS.contains(c) && !parameters.contains(c)).toList();
        List<Point> points = points(design, parameters, results, metrics);
        int replications = (int) results.rows().stream().map(r -> results.text(r, "replication")).distinct().count();

        List<String> charts = new ArrayList<>();
        List<String> charted = new ArrayList<>();
        String heading = null;
        if (parameters.size() == 2 && isGrid(points)) {
            heading = "## Heat maps\n\nEach cell is one grid point: the mean of the metric over the replications "
                    + "that have a value there.\n\n";
            for (String metric : metrics) {
                if (hasValues(points, metric)) {
                    String chart = "charts/heatmap-" + fileName(metric) + ".png";
                    Charts.save(heatMap(points, parameters, metric, replications), dir.resolve(chart));
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
                    Charts.save(oneParameter(points, parameters.get(0), metric, replications), dir.resolve(chart));
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
                Charts.save(sobol(sensitivityTable, e.getKey(), e.getValue()), dir.resolve(sobolChart(e.getKey())));
            }
        }
        StringBuilder b = new StringBuilder("# Sweep report\n\n");
        b.append(provenance(dir, parameters, metrics, points, replications));
        if (heading != null) {
            b.append(heading);
            for (int i = 0; i < charts.size(); i++) {
                b.append(Markdown.image(charted.get(i), charts.get(i))).append('\n');
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
        return report;
    }

    private static String sobolChart(String metric) {
        return "charts/sobol-" + fileName(metric) + ".png";
    }

    /**
     * The design points: runs with the same parameter values (the replications of a point) are
     * one point, in the order of design.csv.
     */
    private static List<Point> points(Table design, List<String> parameters, Table results, List<String> metrics)
            throws RefusedException {
        Map<String, List<String>> valuesOfRun = new LinkedHashMap<>();
        Map<List<String>, Point> byValues = new LinkedHashMap<>();
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
                metrics.forEach(name -> m.put(name, new ArrayList<>()));
                return new Point(v, m);
            });
        }
        for (CSVRecord row : results.rows()) {
            List<String> values = valuesOfRun.get(results.text(row, "run_id"));
            if (values == null) {
                throw new RefusedException(results.where(row, "run_id") + ": run_id '" + results.text(row, "run_id")
                        + "' is not in design.csv");
            }
            Point point = byValues.get(values);
            for (String metric : metrics) {
                double v = results.number(row, metric);
                if (!Double.isNaN(v)) {
                    point.metrics().get(metric).add(v);
                }
            }
        }
        return new ArrayList<>(byValues.values());
    }

    private static boolean hasValues(List<Point> points, String metric) {
        return points.stream().anyMatch(p -> !p.metrics().get(metric).isEmpty());
    }

    /** True when the points are every combination of the two parameters' values, with at least two of each. */
    private static boolean isGrid(List<Point> points) {
        long first = points.stream().map(p -> p.values().get(0)).distinct().count();
        long second = points.stream().map(p -> p.values().get(1)).distinct().count();
        return first > 1 && second > 1 && first * second == points.size();
    }

    /** Distinct values of parameter {@code i}, numerically ascending when all are numbers. */
    private static List<String> levels(List<Point> points, int i) {
        List<String> levels = new ArrayList<>(points.stream().map(p -> p.values().get(i)).distinct().toList());
        if (levels.stream().allMatch(SweepReport::isNumber)) {
            levels.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            levels.sort(Comparator.naturalOrder());
        }
        return levels;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN : StatUtils.mean(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static HeatMapChart heatMap(List<Point> points, List<String> parameters, String metric, int replications) {
        List<String> xs = levels(points, 0);
        List<String> ys = levels(points, 1);
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double m = mean(p.metrics().get(metric));
            if (!Double.isNaN(m)) {
                cells.add(new Number[] {xs.indexOf(p.values().get(0)), ys.indexOf(p.values().get(1)), m});
                min = Math.min(min, m);
                max = Math.max(max, m);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).build();
        boolean gaps = points.stream().anyMatch(p -> p.metrics().get(metric).size() < replications);
        chart.setTitle(metric + ": mean over " + replications + " replication" + (replications == 1 ? "" : "s")
                + (gaps ? " (empty values left out)" : ""));
        chart.setXAxisTitle(parameters.get(0));
        chart.setYAxisTitle(parameters.get(1));
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setValueFontColor(Color.DARK_GRAY);
        // Light colours only, so the values written in the cells stay readable.
        chart.getStyler().setRangeColors(new Color[] {new Color(0xFF, 0xFF, 0xD9), new Color(0xC7, 0xE9, 0xB4),
            new Color(0x7F, 0xCD, 0xBB), new Color(0x41, 0xB6, 0xC4)});
        // Cells show about three significant digits; the colour scale's ends are rounded outwards
        // to the same digits, so its labels are short too.
        int decimals = decimals(Math.max(Math.abs(min), Math.abs(max)));
        double unit = Math.pow(10, -decimals);
        double low = Math.floor(min / unit) * unit;
        double high = Math.max(Math.ceil(max / unit) * unit, low + unit);
        chart.getStyler().setHeatMapValueDecimalPattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals));
        chart.getStyler().setMin(Double.parseDouble(Markdown.number(low, 12)));
        chart.getStyler().setMax(Double.parseDouble(Markdown.number(high, 12)));
        chart.addSeries(metric, xs, ys, cells);
        return chart;
    }

    /** Decimals that show about three significant digits of numbers up to {@code magnitude}. */
    static int decimals(double magnitude) {
        return magnitude > 0 ? Math.min(12, Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)))) : 0;
    }

    private static XYChart oneParameter(List<Point> points, String parameter, String metric, int replications) {
        List<Point> sorted = new ArrayList<>(points);
        boolean numeric = sorted.stream().allMatch(p -> isNumber(p.values().get(0)));
        if (numeric) {
            sorted.sort(Comparator.comparingDouble(p -> Double.parseDouble(p.values().get(0))));
        }
        List<Double> x = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            List<Double> v = sorted.get(i).metrics().get(metric);
            if (v.isEmpty()) {
                continue;
            }
            x.add(numeric ? Double.parseDouble(sorted.get(i).values().get(0)) : i);
            mean.add(mean(v));
            low.add(v.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            high.add(v.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
        XYChart chart = Charts.xy(metric + " against " + parameter + " (mean of " + replications
                + "; band: min–max)", parameter, metric);
        if (x.isEmpty()) {
            x.add(0.0);
            mean.add(0.0);
            low.add(0.0);
            high.add(0.0);
        }
        double[] px = x.stream().mapToDouble(Double::doubleValue).toArray();
        Charts.band(chart, "band", px, low.stream().mapToDouble(Double::doubleValue).toArray(),
                high.stream().mapToDouble(Double::doubleValue).toArray(), Charts.color(0));
        XYSeries line = Charts.line(chart, "mean", px, mean.stream().mapToDouble(Double::doubleValue).toArray(),
                Charts.color(0), false);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(Charts.color(0));
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static CategoryChart sobol(Table t, String metric, List<CSVRecord> rows) throws RefusedException {
        List<String> parameters = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> firstCi = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<Double> totalCi = new ArrayList<>();
        for (CSVRecord row : rows) {
            parameters.add(t.text(row, "parameter"));
            first.add(orZero(t.number(row, "first_order")));
            firstCi.add(orZero(t.number(row, "first_order_ci")));
            total.add(orZero(t.number(row, "total_order")));
            totalCi.add(orZero(t.number(row, "total_order_ci")));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).build();
        chart.setTitle("Sobol indices of " + metric + " (error bars: 95% interval)");
        chart.setXAxisTitle("parameter");
        chart.setYAxisTitle("share of the metric's variance");
        Charts.style(chart.getStyler());
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.7);
        CategorySeries s1 = chart.addSeries("first order", parameters, first, firstCi);
        s1.setFillColor(FIRST_ORDER);
        CategorySeries st = chart.addSeries("total order", parameters, total, totalCi);
        st.setFillColor(TOTAL_ORDER);
        return chart;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** A metric or parameter name as part of a file name. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String provenance(Path dir, List<String> parameters, List<String> metrics, List<Point> points,
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
                + "of `sensitivity.csv`.\n\n");
        for (Map.Entry<String, List<CSVRecord>> e : sensitivity.entrySet()) {
            b.append("### ").append(e.getKey()).append("\n\n");
            b.append(Markdown.image("Sobol indices of " + e.getKey(), sobolChart(e.getKey()))).append('\n');
            List<List<String>> table = new ArrayList<>();
            for (CSVRecord row : e.getValue()) {
                table.add(List.of(t.text(row, "parameter"),
                        Markdown.number(t.number(row, "first_order"), 3) + " ± "
                                + Markdown.number(t.number(row, "first_order_ci"), 2),
                        Markdown.number(t.number(row, "total_order"), 3) + " ± "
                                + Markdown.number(t.number(row, "total_order_ci"), 2)));
            }
            b.append(Markdown.table(List.of("parameter", "first order", "total order"), table)).append('\n');
        }
        return b.toString();
    }
}
