package yrdsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.RefusedException;

/**
 * The events of {@code clusters.csv} on a timeline: one row per (province, sector) that ever
 * held a cluster, a bar while the cluster is active, a triangle where it emerged and a cross
 * where it dissolved; and one row per sector whose revenue crossed a yardstick during the run
 * (crossings already true at step 0 are the starting state and are listed, not drawn).
 */
final class ClusterTimeline {

    private static final String ALL = yrdsim.metrics.RunTables.WHOLE_DELTA;
    private static final int ROW_PIXELS = 26;

    /** One event of clusters.csv. */
    record Event(int step, String period, String province, String sector, String event, double value) {
    }

    private final List<Event> events;
    private final List<String> provinces;
    private final String[] periods;

    private ClusterTimeline(List<Event> events, RunSeries series) {
        this.events = events;
        this.provinces = series.provinces();
        this.periods = series.periods();
    }

    /** Reads {@code clusters.csv}. */
    static ClusterTimeline read(Path file, RunSeries series) throws IOException, RefusedException {
        Table t = Table.read(file, "step", "period", "province", "sector", "event", "location_quotient",
                "revenue_annual_bn");
        List<Event> events = new ArrayList<>();
        for (CSVRecord row : t.rows()) {
            int step = t.integer(row, "step");
            if (step < 0 || step >= series.steps()) {
                throw new RefusedException(t.where(row, "step") + ": step " + step + " is outside the "
                        + series.steps() + " steps of provinces.csv");
            }
            events.add(new Event(step, t.text(row, "period"), t.text(row, "province"),
                    t.text(row, "sector"), t.text(row, "event"), t.number(row, t.text(row, "province").equals(ALL)
                    ? "revenue_annual_bn" : "location_quotient")));
        }
        return new ClusterTimeline(events, series);
    }

    private List<Event> clusterEvents() {
        return events.stream().filter(e -> !e.province().equals(ALL)).toList();
    }

    private List<Event> crossings() {
        return events.stream().filter(e -> e.province().equals(ALL) && e.step() > 0).toList();
    }

    private List<Event> startingYardsticks() {
        return events.stream().filter(e -> e.province().equals(ALL) && e.step() == 0).toList();
    }

    /** Rows from the top: yardstick crossings first, then clusters grouped by province. */
    private List<String> rows() {
        Set<String> rows = new LinkedHashSet<>();
        crossings().stream().map(ClusterTimeline::rowOf).sorted().forEach(rows::add);
        clusterEvents().stream()
                .sorted(Comparator.comparing(Event::province, RunReport.provinceOrder(provinces))
                        .thenComparing(Event::sector))
                .map(ClusterTimeline::rowOf).forEach(rows::add);
        return new ArrayList<>(rows);
    }

    private static String rowOf(Event e) {
        return Labels.region(e.province()) + " · " + Labels.words(e.sector());
    }

    /** The timeline chart; its height grows with the number of rows. */
    XYChart chart() {
        List<String> rows = rows();
        int n = rows.size();
        int height = Math.max(Charts.HEIGHT, 160 + ROW_PIXELS * n);
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(height).build();
        chart.setTitle("Cluster events (bars: cluster active)");
        chart.setXAxisTitle("quarter");
        chart.setYAxisTitle("");
        Charts.style(chart.getStyler());
        double[] x = Charts.times(periods);
        // The row labels and the legend leave the plot narrow: fewer period labels.
        Charts.timeAxis(chart, x, 5);
        // An invisible series at every quarter: XChart then places time ticks on quarters, as in
        // the other charts, instead of on round numbers that may fall after the last quarter.
        XYSeries quarters = chart.addSeries("quarters", x, new double[x.length]);
        quarters.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        quarters.setLineColor(new Color(0, 0, 0, 0));
        quarters.setMarker(SeriesMarkers.NONE);
        quarters.setShowInLegend(false);
        // Row i is drawn at y = n - 1 - i so the first row is on top; the axis runs from -1 to n.
        chart.getStyler().setYAxisMin(-1.0);
        chart.getStyler().setYAxisMax((double) Math.max(1, n));
        chart.getStyler().setYAxisTickMarkSpacingHint(ROW_PIXELS / 2);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> rowLabel(rows, y));
        chart.getStyler().setPlotGridHorizontalLinesVisible(true);
        if (n == 0) {
            chart.getStyler().setLegendVisible(false);
            AnnotationText note = new AnnotationText("No cluster emerged or dissolved, and no sector crossed a "
                    + "revenue yardstick, during this run.", (x[0] + x[x.length - 1]) / 2, 0, false);
            chart.addAnnotation(note);
            chart.getStyler().setAnnotationTextFont(new Font(Charts.FONT, Font.PLAIN, 14));
            return chart;
        }
        bars(chart, rows, x);
        markers(chart, rows, "cluster emerged", "cluster_emerged", SeriesMarkers.TRIANGLE_UP, Charts.REFERENCE);
        markers(chart, rows, "cluster dissolved", "cluster_dissolved", SeriesMarkers.CROSS, Charts.REFERENCE);
        List<Event> crossings = crossings();
        for (String event : crossings.stream().map(Event::event).distinct().sorted().toList()) {
            markers(chart, rows, "sector revenue ≥ " + yardstick(event) + " a year", event,
                    event.endsWith("tn") ? SeriesMarkers.DIAMOND : SeriesMarkers.SQUARE, Charts.REFERENCE);
        }
        return chart;
    }

    /**
     * The label of the tick at {@code y}: the row's name, blank between rows. XChart widens the
     * tick step until all tick labels differ, and draws none when the axis ends are blank, so
     * whole ticks outside the rows get distinct invisible labels (spaces below, no-break spaces
     * above) and the step settles at one tick per row.
     */
    private static String rowLabel(List<String> rows, double y) {
        long k = Math.round(y);
        if (Math.abs(y - k) > 1e-6) {
            return "";
        }
        if (k < 0) {
            return " ".repeat((int) -k);
        }
        if (k >= rows.size()) {
            return "\u00A0".repeat((int) (k - rows.size() + 1));
        }
        return rows.get(rows.size() - 1 - (int) k);
    }

    private double rowY(List<String> rows, Event e) {
        return rows.size() - 1 - rows.indexOf(rowOf(e));
    }

    /** A bar from each emergence to its dissolution or the end of the run, coloured by province. */
    private void bars(XYChart chart, List<String> rows, double[] x) {
        Map<String, Integer> openSince = new LinkedHashMap<>();
        Set<String> inLegend = new LinkedHashSet<>();
        int bar = 0;
        List<Event> ordered = clusterEvents().stream()
                .sorted(Comparator.comparingInt(Event::step)).toList();
        List<Event[]> spans = new ArrayList<>();
        for (Event e : ordered) {
            String row = rowOf(e);
            if (e.event().equals("cluster_emerged")) {
                openSince.putIfAbsent(row, spans.size());
                spans.add(new Event[] {e, null});
            } else if (e.event().equals("cluster_dissolved") && openSince.containsKey(row)) {
                spans.get(openSince.remove(row))[1] = e;
            }
        }
        spans.sort(Comparator.comparing((Event[] span) -> span[0].province(), RunReport.provinceOrder(provinces))
                .thenComparingInt(span -> span[0].step()));
        for (Event[] span : spans) {
            Event start = span[0];
            double from = x[start.step()];
            double to = span[1] != null ? x[span[1].step()] : x[x.length - 1];
            double y = rowY(rows, start);
            boolean first = inLegend.add(start.province());
            XYSeries s = chart.addSeries(first ? start.province() : "bar " + bar, new double[] {from, to},
                    new double[] {y, y});
            bar++;
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(RunReport.provinceColor(provinces, start.province()));
            s.setLineStyle(new BasicStroke(9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            s.setShowInLegend(first);
        }
    }

    private void markers(XYChart chart, List<String> rows, String name, String event,
                         Marker marker, Color color) {
        List<Event> matching = events.stream().filter(e -> e.event().equals(event)
                && (!e.province().equals(ALL) || e.step() > 0)).toList();
        if (matching.isEmpty()) {
            return;
        }
        double[] px = new double[matching.size()];
        double[] py = new double[matching.size()];
        double[] x = Charts.times(periods);
        for (int i = 0; i < px.length; i++) {
            px[i] = x[matching.get(i).step()];
            py[i] = rowY(rows, matching.get(i));
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        chart.getStyler().setMarkerSize(11);
    }

    private static String yardstick(String event) {
        String amount = event.substring("revenue_".length());
        return amount.endsWith("tn") ? amount.replace("tn", " tn yuan") : amount.replace("bn", " bn yuan");
    }

    /** The events in words and a table, for report.md. */
    String describe() {
        StringBuilder b = new StringBuilder();
        List<Event> clusters = clusterEvents();
        long emerged = clusters.stream().filter(e -> e.event().equals("cluster_emerged")).count();
        long dissolved = clusters.stream().filter(e -> e.event().equals("cluster_dissolved")).count();
        b.append("Cluster events: ").append(emerged).append(" emerged, ").append(dissolved)
                .append(" dissolved (those in the first quarter are clusters present from the start). ");
        List<String> starting = startingYardsticks().stream().filter(e -> e.event().equals("revenue_500bn"))
                .map(e -> Labels.words(e.sector())).toList();
        b.append(starting.isEmpty() ? "No sector had 500 bn yuan of annual revenue at the start."
                : "Sectors with 500 bn yuan of annual revenue or more from the start: " + String.join(", ", starting)
                + ".");
        b.append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Event e : events) {
            if (e.province().equals(ALL) && e.step() == 0) {
                continue;
            }
            rows.add(List.of(e.period(), Labels.region(e.province()), Labels.words(e.sector()),
                    e.event(), e.event().startsWith("revenue_")
                            ? Markdown.number(e.value()) + " bn yuan a year"
                            : "location quotient " + Markdown.number(e.value())));
        }
        if (!rows.isEmpty()) {
            b.append(Markdown.table(List.of("period", "province", "sector", "event", "value"), rows));
        }
        return b.toString();
    }
}
