package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.RefusedException;

/**
 * The channel decomposition's section of a comparison report ({@code compare --channels}), read
 * from {@code channels.csv}: for each policy, a table of the channels' Shapley values with their
 * intervals and shares for the IotF share of revenue and IotF revenue, and a horizontal bar chart
 * of the shares of the IotF share's effect with error bars. A comparison without channels.csv
 * gets no section.
 */
final class ChannelReport {

    /** The decomposition's table. */
    static final String TABLE = "channels.csv";
    /** The row of channels.csv that no channel carries. */
    private static final String DIRECT = "direct";
    /** The metrics the tables show, when decomposed: the whole delta's IotF share, then IotF revenue. */
    private static final List<String> KEY_METRICS = List.of("iotf_revenue_share." + Labels.WHOLE_DELTA_KEY,
            "iotf_revenue_total_bn");
    private static final float BAR_WIDTH = 22f;
    /** Room the channel names take left of the plot, in pixels. */
    private static final int LABEL_ROOM = 130;

    /** A row of channels.csv. */
    private record Part(String channel, double shapley, double low, double high, double share, double total) {
    }

    private ChannelReport() {
    }

    /** The chart of a policy, relative to the comparison directory. */
    static String chart(String policy) {
        return "charts/channels-" + policy + ".png";
    }

    /**
     * Writes each policy's chart and returns the section for report.md, or "" when the
     * comparison has no channels.csv.
     *
     * @param caption the caption of the comparison's charts (scenarios, seeds, commit)
     */
    static String write(Path dir, JsonNode manifest, String caption) throws IOException, RefusedException {
        Path file = dir.resolve(TABLE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        Table table = Table.read(file, "policy", "metric", "channel", "shapley", "ci95_low", "ci95_high", "share",
                "total_effect", "method", "samples");
        Map<String, Map<String, List<Part>>> byPolicy = new LinkedHashMap<>();
        for (CSVRecord r : table.rows()) {
            byPolicy.computeIfAbsent(table.text(r, "policy"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(table.text(r, "metric"), k -> new ArrayList<>())
                    .add(new Part(table.text(r, "channel"), table.number(r, "shapley"), table.number(r, "ci95_low"),
                            table.number(r, "ci95_high"), table.number(r, "share"), table.number(r, "total_effect")));
        }
        String baseline = manifest.path("baseline").path("label").asText("baseline");
        StringBuilder b = new StringBuilder("\n## Channel decomposition\n\n");
        b.append(method(manifest, byPolicy));
        for (Map.Entry<String, Map<String, List<Part>>> e : byPolicy.entrySet()) {
            String policy = e.getKey();
            b.append("### ").append(policy).append(" − ").append(baseline).append(", by channel\n\n");
            List<String> keys = KEY_METRICS.stream().filter(e.getValue()::containsKey).toList();
            if (keys.isEmpty()) {
                b.append("Neither the IotF share of revenue nor IotF revenue could be decomposed; see `channels.csv` "
                        + "for the metrics that were.\n\n");
                continue;
            }
            b.append(table(keys, e.getValue())).append('\n');
            String metric = keys.get(0);
            XYChart chart = barChart(policy, baseline, metric, e.getValue().get(metric));
            Charts.save(chart, dir.resolve(chart(policy)), caption);
            b.append(Markdown.image("channel shares of " + policy + "'s effect", chart(policy))).append('\n');
        }
        return b.toString();
    }

    /** How the values were found, from the manifest, and how to read them. */
    private static String method(JsonNode manifest, Map<String, Map<String, List<Part>>> byPolicy) {
        JsonNode settings = manifest.path("channels");
        int channels = settings.path("channels").size();
        int subsets = manifest.path("channel_subsets").asInt();
        int runs = manifest.path("channel_runs").asInt();
        int metrics = byPolicy.values().stream().mapToInt(Map::size).max().orElse(0);
        StringBuilder b = new StringBuilder();
        b.append("Which of the model's ").append(channels).append(" channels carry each policy's effect (MODEL-2 10), "
                + "from `channels.csv`. ");
        if ("exact".equals(settings.path("method").asText())) {
            b.append("**Exact** Shapley values over all ").append(subsets).append(" subsets of the channels. ");
        } else {
            b.append("**Sampled** Shapley values: ").append(settings.path("samples").asInt())
                    .append(" random orders of the channels (drawn from seed ").append(settings.path("order_seed")
                            .asText()).append("), needing ").append(subsets).append(" subsets; an estimate, which "
                            + "more orders (`--channel-samples`) make closer to the exact values. ");
        }
        b.append("Each subset ran with the channels outside it switched off (`channels.KEY=false`) in the baseline and "
                + "every policy alike, on the comparison's seeds: ").append(runs).append(" runs besides the "
                + "comparison's own, which are the subset with every channel on. On each seed the policy's effect "
                + "(policy − baseline) with a subset's channels on is that subset's value; *direct* is the effect "
                + "with every channel off, and direct plus the channels' Shapley values is the total effect, seed by "
                + "seed. The tables give the mean over the seeds with its 95% t interval. *Share* is a part over the "
                + "total effect (– where the total is 0); channels that offset each other can have shares above "
                + "100% or below 0. `channels.csv` holds ").append(metrics).append(" metrics per policy.");
        JsonNode leftOut = manifest.path("channel_metrics_left_out");
        if (leftOut.size() > 0) {
            Map<String, List<String>> byReason = new LinkedHashMap<>();
            leftOut.fields().forEachRemaining(f -> byReason.computeIfAbsent(f.getValue().asText(),
                    k -> new ArrayList<>()).add(f.getKey()));
            b.append(" Not decomposed:");
            byReason.forEach((reason, names) -> b.append(" ").append(names.size()).append(" metric")
                    .append(names.size() == 1 ? "" : "s").append(" (").append(reason).append(");"));
            b.setLength(b.length() - 1);
            b.append('.');
        }
        return b.append("\n\n").toString();
    }

    /** Rows: the channels, direct and the total; for each key metric its value, interval and share. */
    private static String table(List<String> keys, Map<String, List<Part>> byMetric) {
        List<String> header = new ArrayList<>(List.of("channel"));
        for (String metric : keys) {
            header.add(Labels.metric(metric) + ": effect");
            header.add("95% interval");
            header.add("share");
        }
        List<Part> first = byMetric.get(keys.get(0));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= first.size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(i < first.size() ? channelName(first.get(i).channel()) : "**total effect**");
            for (String metric : keys) {
                double scale = Labels.chartScale(metric);
                List<Part> parts = byMetric.get(metric);
                if (i < parts.size()) {
                    Part p = parts.get(i);
                    cells.add(Markdown.number(p.shapley() * scale));
                    cells.add(Double.isFinite(p.low()) ? "[" + Markdown.number(p.low() * scale) + ", "
                            + Markdown.number(p.high() * scale) + "]" : "–");
                    cells.add(Double.isFinite(p.share()) ? Markdown.number(100 * p.share(), 3) + "%" : "–");
                } else {
                    cells.add("**" + Markdown.number(parts.get(0).total() * scale) + "**");
                    cells.add("");
                    cells.add(Double.isFinite(parts.get(0).share()) ? "100%" : "–");
                }
            }
            rows.add(cells);
        }
        return Markdown.table(header, rows);
    }

    /** A channel's key in words ("labor mobility"), and the direct part explained. */
    private static String channelName(String channel) {
        return channel.equals(DIRECT) ? "direct (every channel off)" : Labels.words(channel);
    }

    /**
     * Horizontal bars of each channel's share of the effect on {@code metric} (per cent) with its
     * interval scaled alike as error bars; where the total effect is 0 and shares are undefined,
     * the Shapley values themselves in the metric's units.
     */
    static XYChart barChart(String policy, String baseline, String metric, List<Part> parts) {
        boolean shares = parts.stream().allMatch(p -> Double.isFinite(p.share()));
        double total = parts.get(0).total();
        double scale = shares ? 100 / total : Labels.chartScale(metric);
        XYChart chart = Charts.xy("Channel " + (shares ? "shares" : "parts") + " of " + policy + " − " + baseline
                        + " on " + Labels.metric(metric).replace(" (%)", ""),
                shares ? "share of the total effect (%); error bars: 95% interval of the part over the total"
                        : "part of the effect" + (Labels.isShare(metric) ? " (percentage points)" : "")
                        + " (the total effect is 0, so shares are undefined)", "");
        int rows = parts.size();
        List<String> names = new ArrayList<>();
        double lowest = 0;
        double highest = 0;
        for (int i = 0; i < rows; i++) {
            Part p = parts.get(i);
            names.add(channelName(p.channel()).replace(" (every channel off)", ""));
            double y = rows - i;
            double value = p.shapley() * scale;
            Color color = p.channel().equals(DIRECT) ? Color.GRAY : Charts.color(0);
            segment(chart, "bar " + i, value < 0 ? value : 0, value < 0 ? 0 : value, y, color,
                    new BasicStroke(BAR_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
            if (Double.isFinite(p.low())) {
                double lo = Math.min(p.low() * scale, p.high() * scale);
                double hi = Math.max(p.low() * scale, p.high() * scale);
                BasicStroke thin = new BasicStroke(1.5f);
                segment(chart, "interval " + i, lo, hi, y, Color.DARK_GRAY, thin);
                whisker(chart, "low " + i, lo, y, thin);
                whisker(chart, "high " + i, hi, y, thin);
                lowest = Math.min(lowest, lo);
                highest = Math.max(highest, hi);
            }
        }
        XYSeries zero = chart.addSeries("zero", new double[] {0, 0}, new double[] {0.5, rows + 0.5});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Charts.REFERENCE);
        zero.setLineStyle(new BasicStroke(1.2f));
        zero.setShowInLegend(false);
        // Every part 0 (a policy without effect): an axis of ±1 rather than one of round-off.
        double pad = highest > lowest ? 0.05 * (highest - lowest) : 1;
        chart.getStyler().setXAxisMin(lowest - pad);
        chart.getStyler().setXAxisMax(highest + pad);
        chart.getStyler().setLegendVisible(false);
        fitTitleOverPlot(chart);
        // The rows sit at 1 .. rows, and the axis ends half a row beyond them, where XChart then
        // puts its ticks. Every label must be non-empty (XChart drops the whole axis on an empty
        // one), so a tick between rows, which this layout does not produce, would show its value.
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(rows + 0.5);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> {
            long k = Math.round(y);
            return Math.abs(y - k) < 1e-6 && k >= 1 && k <= rows ? names.get((int) (rows - k))
                    : Markdown.number(y, 3);
        });
        return chart;
    }

    /**
     * Sets the title smaller, down to 10 points, until it fits over the plot: XChart centres a
     * title over the plot, which the channel names push right, and cuts off both ends of one
     * that is too long ({@link Charts#fitTitle} allows for the chart's whole width only).
     */
    private static void fitTitleOverPlot(XYChart chart) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        Font font = chart.getStyler().getChartTitleFont();
        int room = chart.getWidth() - 2 * LABEL_ROOM;
        while (font.getSize() > 10 && g.getFontMetrics(font).stringWidth(chart.getTitle()) > room) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        g.dispose();
        chart.getStyler().setChartTitleFont(font);
    }

    /** A horizontal segment from {@code x0} to {@code x1} at height {@code y}, not in the legend. */
    private static void segment(XYChart chart, String name, double x0, double x1, double y, Color color,
                                BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setShowInLegend(false);
    }

    /** The end cap of an error bar: a short vertical line at {@code x}. */
    private static void whisker(XYChart chart, String name, double x, double y, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {y - 0.15, y + 0.15});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.DARK_GRAY);
        s.setLineStyle(stroke);
        s.setShowInLegend(false);
    }
}
