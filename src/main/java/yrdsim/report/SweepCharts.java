package yrdsim.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.OneWayAnova;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.RefusedException;

/**
 * The charts of a sweep report. A grid's heat map comes as two panels, the mean over replications
 * in each cell and, beside it, their standard deviation, so that seed noise is seen next to the
 * differences it could explain; when the cell means differ no more than that noise would make them
 * (analysis of variance, p ≥ 0.05; see {@link #noise}), the mean panel is grey and its title says
 * so. Shares are in per cent.
 */
final class SweepCharts {

    private static final Color FIRST_ORDER = new Color(0x00, 0x72, 0xB2);
    private static final Color TOTAL_ORDER = new Color(0xE6, 0x9F, 0x00);
    /** Light colours only, so the values written in the cells stay readable. */
    private static final Color[] MEAN_COLORS = {new Color(0xFF, 0xFF, 0xD9), new Color(0xC7, 0xE9, 0xB4),
        new Color(0x7F, 0xCD, 0xBB), new Color(0x41, 0xB6, 0xC4)};
    private static final Color[] NOISE_COLORS = {Color.WHITE, new Color(0xFD, 0xD0, 0xA2), new Color(0xFD, 0x8D, 0x3C)};
    private static final Color UNRESOLVED = new Color(0xE4, 0xE4, 0xE4);
    /** Category labels longer than this are set at an angle. */
    private static final int LONG_LABEL = 22;

    /**
     * One design point: its parameter values as written, each metric's values over its runs, and
     * the replication each value came from.
     */
    record Point(List<String> values, Map<String, List<Double>> metrics, Map<String, List<Integer>> replications) {
    }

    /**
     * Whether a grid's cell means differ by more than seed noise: the p-value of an analysis of
     * variance over the cells (NaN when the noise cannot be judged), and whether the seed was a
     * block in it.
     */
    record Noise(double pValue, boolean blocked) {

        /** The level below which the cells are taken to differ. */
        static final double LEVEL = 0.05;

        boolean resolved() {
            return !(pValue >= LEVEL);
        }
    }

    private SweepCharts() {
    }

    static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN : StatUtils.mean(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double sd(List<Double> values) {
        return values.size() < 2 ? Double.NaN
                : Math.sqrt(StatUtils.variance(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * The noise of {@code metric} over the grid's points. With {@code commonSeeds} and every cell
     * holding the same replications, replication r ran on the same seed in every cell, so the seed
     * is a block: a two-way analysis of variance without interaction (cells × seeds) tests the
     * cells against the residual noise, which is what differences between cells carry. Otherwise a
     * one-way analysis over the cells with two or more values.
     */
    static Noise noise(List<Point> points, String metric, boolean commonSeeds) {
        List<double[]> cells = new ArrayList<>();
        List<Integer> blocks = null;
        boolean complete = true;
        for (Point p : points) {
            List<Double> v = p.metrics().get(metric);
            List<Integer> r = p.replications().get(metric).stream().sorted().toList();
            if (v.size() >= 2) {
                cells.add(byReplication(v, p.replications().get(metric)));
            }
            complete &= blocks == null || blocks.equals(r);
            blocks = blocks == null ? r : blocks;
        }
        if (cells.size() < 2) {
            return new Noise(Double.NaN, false);
        }
        if (cells.stream().allMatch(c -> StatUtils.variance(c) == 0)) {
            // No seed noise at all: any difference between cells is the parameters'.
            return new Noise(0, false);
        }
        if (commonSeeds && complete && cells.size() == points.size()) {
            return new Noise(blockedPValue(cells), true);
        }
        return new Noise(new OneWayAnova().anovaPValue(cells), false);
    }

    /** A cell's values ordered by replication, so that column j is the same seed in every cell. */
    private static double[] byReplication(List<Double> values, List<Integer> replications) {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(replications::get));
        double[] out = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values.get(order[i]);
        }
        return out;
    }

    /** p of the cell effect in a randomised complete block design: a cells, b seeds, one value each. */
    static double blockedPValue(List<double[]> cells) {
        int a = cells.size();
        int b = cells.get(0).length;
        double grand = 0;
        double[] blockMeans = new double[b];
        for (double[] c : cells) {
            for (int j = 0; j < b; j++) {
                grand += c[j] / (a * b);
                blockMeans[j] += c[j] / a;
            }
        }
        double ssCells = 0;
        double ssBlocks = 0;
        double ssTotal = 0;
        for (double[] c : cells) {
            ssCells += b * Math.pow(StatUtils.mean(c) - grand, 2);
            for (double v : c) {
                ssTotal += Math.pow(v - grand, 2);
            }
        }
        for (double m : blockMeans) {
            ssBlocks += a * Math.pow(m - grand, 2);
        }
        double ssError = Math.max(0, ssTotal - ssCells - ssBlocks);
        int dfCells = a - 1;
        int dfError = (a - 1) * (b - 1);
        if (ssError == 0) {
            return ssCells > 0 ? 0 : 1;
        }
        double f = (ssCells / dfCells) / (ssError / dfError);
        return 1 - new FDistribution(null, dfCells, dfError).cumulativeProbability(f);
    }

    /**
     * The two panels of a grid's heat map: the means (grey when unresolved), and the within-cell
     * SD; only the first when no cell has two values, so there is no noise to show.
     */
    static List<HeatMapChart> heatMap(List<Point> points, List<String> parameters, String metric, int replications,
                                      boolean commonSeeds) {
        double scale = Labels.chartScale(metric);
        Noise noise = noise(points, metric, commonSeeds);
        boolean gaps = points.stream().anyMatch(p -> p.metrics().get(metric).size() < replications);
        String unit = scale == 100 ? " (%)" : "";
        String meanTitle = Labels.metric(metric) + ": mean of " + replications + (gaps ? " (gaps left out)" : "");
        boolean noiseKnown = points.stream().anyMatch(p -> p.metrics().get(metric).size() >= 2);
        if (!noiseKnown) {
            meanTitle += "; seed noise unknown (one value a cell)";
        }
        if (!noise.resolved()) {
            meanTitle += "; grey: within seed noise (" + (noise.blocked() ? "seed-blocked " : "") + "ANOVA p = "
                    + Markdown.number(noise.pValue(), 2) + ")";
        }
        HeatMapChart means = panel(points, parameters, metric, meanTitle, v -> mean(v) * scale,
                noise.resolved() ? MEAN_COLORS : new Color[] {UNRESOLVED, UNRESOLVED});
        if (!noiseKnown) {
            return List.of(means);
        }
        HeatMapChart spread = panel(points, parameters, metric, "Seed noise: SD over the " + replications
                + " replications of each cell" + unit, v -> sd(v) * scale, NOISE_COLORS);
        return List.of(means, spread);
    }

    /** What a cell shows, from the metric's values there. */
    @FunctionalInterface
    private interface CellValue {
        double of(List<Double> values);
    }

    private static HeatMapChart panel(List<Point> points, List<String> parameters, String metric, String title,
                                      CellValue value, Color[] colors) {
        List<String> xs = levels(points, 0);
        List<String> ys = levels(points, 1);
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            double m = value.of(p.metrics().get(metric));
            if (Double.isFinite(m)) {
                cells.add(new Number[] {xs.indexOf(p.values().get(0)), ys.indexOf(p.values().get(1)), m});
                min = Math.min(min, m);
                max = Math.max(max, m);
            }
        }
        if (cells.isEmpty()) {
            min = 0;
            max = 0;
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).build();
        chart.setTitle(title);
        chart.setXAxisTitle(parameters.get(0));
        chart.setYAxisTitle(parameters.get(1));
        Charts.style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Charts.FONT, Font.PLAIN, 13));
        chart.getStyler().setValueFontColor(Color.DARK_GRAY);
        chart.getStyler().setRangeColors(colors);
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

    /** Distinct values of parameter {@code i}, numerically ascending when all are numbers. */
    static List<String> levels(List<Point> points, int i) {
        List<String> levels = new ArrayList<>(points.stream().map(p -> p.values().get(i)).distinct().toList());
        if (levels.stream().allMatch(SweepCharts::isNumber)) {
            levels.sort(Comparator.comparingDouble(Double::parseDouble));
        } else {
            levels.sort(Comparator.naturalOrder());
        }
        return levels;
    }

    static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A metric against the one parameter of the design: mean and min–max band, from zero. */
    static XYChart oneParameter(List<Point> points, String parameter, String metric, int replications) {
        double scale = Labels.chartScale(metric);
        List<Point> sorted = new ArrayList<>(points);
        boolean numeric = sorted.stream().allMatch(p -> isNumber(p.values().get(0)));
        if (numeric) {
            sorted.sort(Comparator.comparingDouble(p -> Double.parseDouble(p.values().get(0))));
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            List<Double> v = sorted.get(i).metrics().get(metric);
            if (!v.isEmpty()) {
                rows.add(new double[] {numeric ? Double.parseDouble(sorted.get(i).values().get(0)) : i,
                    mean(v) * scale, v.stream().mapToDouble(Double::doubleValue).min().orElseThrow() * scale,
                    v.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * scale});
            }
        }
        if (rows.isEmpty()) {
            rows.add(new double[4]);
        }
        XYChart chart = Charts.xy(Labels.metric(metric) + " against " + parameter + " (mean of " + replications
                + "; band: min–max)", parameter, Labels.metric(metric));
        double[] px = rows.stream().mapToDouble(r -> r[0]).toArray();
        Charts.band(chart, "band", px, rows.stream().mapToDouble(r -> r[2]).toArray(),
                rows.stream().mapToDouble(r -> r[3]).toArray(), Charts.color(0));
        XYSeries line = Charts.line(chart, "mean", px, rows.stream().mapToDouble(r -> r[1]).toArray(),
                Charts.color(0), false);
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(Charts.color(0));
        chart.getStyler().setMarkerSize(7);
        Charts.includeZero(chart);
        return chart;
    }

    /**
     * First- and total-order Sobol indices of {@code metric} with their intervals. An index that
     * {@code sensitivity.csv} leaves empty (undefined, as when the metric did not vary) gets no
     * bar, and its parameter's label says "n/a", so it is not read as 0.
     */
    static CategoryChart sobol(Table t, String metric, List<CSVRecord> rows) throws RefusedException {
        List<String> labels = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> firstCi = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<Double> totalCi = new ArrayList<>();
        for (CSVRecord row : rows) {
            double f = t.number(row, "first_order");
            double s = t.number(row, "total_order");
            String missing = Double.isNaN(f) && Double.isNaN(s) ? " (n/a)" : Double.isNaN(f) ? " (first: n/a)"
                    : Double.isNaN(s) ? " (total: n/a)" : "";
            labels.add(t.text(row, "parameter") + missing);
            first.add(f);
            firstCi.add(Double.isNaN(f) ? 0 : orZero(t.number(row, "first_order_ci")));
            total.add(s);
            totalCi.add(Double.isNaN(s) ? 0 : orZero(t.number(row, "total_order_ci")));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).build();
        chart.setTitle("Sobol indices of " + Labels.metric(metric) + " (error bars: 95% interval)");
        chart.setXAxisTitle("parameter (n/a: index undefined, no bar)");
        chart.setYAxisTitle("share of the metric's variance");
        Charts.style(chart.getStyler());
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setAvailableSpaceFill(0.7);
        if (labels.stream().anyMatch(l -> l.length() > LONG_LABEL)) {
            chart.getStyler().setXAxisLabelRotation(20);
        }
        CategorySeries s1 = chart.addSeries("first order", labels, first, firstCi);
        s1.setFillColor(FIRST_ORDER);
        CategorySeries st = chart.addSeries("total order", labels, total, totalCi);
        st.setFillColor(TOTAL_ORDER);
        return chart;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
