package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import yrdsim.output.AtomicFiles;
import yrdsim.output.Json;
import yrdsim.output.RefusedException;

/**
 * The report of one run directory: charts of the IotF revenue share by province, cluster
 * events, wages, net migration and cross-province flows, and a report.md around them.
 */
final class RunReport {

    /** The charts of a run report, relative to the run directory. */
    static final List<String> CHARTS = List.of("charts/iotf-share.png", "charts/clusters.png", "charts/wages.png",
            "charts/migration.png", "charts/flows.png");

    /** Model wages are bn yuan per thousand persons; ×1000 gives thousand yuan per person. */
    private static final double THOUSAND_YUAN_PER_PERSON = 1000;

    private RunReport() {
    }

    /** Writes the charts and report.md into {@code dir}; returns report.md. */
    static Path write(Path dir) throws IOException, RefusedException {
        RunSeries series = RunSeries.read(dir);
        ClusterTimeline timeline = ClusterTimeline.read(dir.resolve("clusters.csv"), series);
        JsonNode manifest = Reports.manifest(dir);
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("summary.json").toFile());

        double[] x = Charts.times(series.periods());
        String caption = caption(manifest, series);
        Charts.save(iotfShare(series, x), dir.resolve(CHARTS.get(0)), caption);
        Charts.save(timeline.chart(), dir.resolve(CHARTS.get(1)), caption);
        Charts.saveGrid(List.of(
                provinceLines(series, x, "wage", THOUSAND_YUAN_PER_PERSON, "Wage of workers by province",
                        "thousand yuan per worker per quarter"),
                provinceLines(series, x, "talent_wage", THOUSAND_YUAN_PER_PERSON, "Wage of talent by province",
                        "thousand yuan per person per quarter")), 2, dir.resolve(CHARTS.get(2)), caption);
        Charts.saveGrid(List.of(
                provinceLines(series, x, "net_migration_workers", 1, "Net migration of workers",
                        "thousand persons per quarter (+ in, − out)"),
                provinceLines(series, x, "net_migration_talent", 1, "Net migration of talent",
                        "thousand persons per quarter (+ in, − out)")), 2, dir.resolve(CHARTS.get(3)), caption);
        List<XYChart> flows = new ArrayList<>();
        for (String factor : Reports.FLOW_FACTORS) {
            flows.add(inflows(series, x, factor));
        }
        Charts.saveGrid(flows, 2, dir.resolve(CHARTS.get(4)), caption);

        Path report = dir.resolve(Reports.REPORT);
        AtomicFiles.write(report, markdown(manifest, summary, series, timeline));
        Html.write(report);
        return report;
    }

    /** "Scenario baseline, seed 7, 2020Q1–2021Q4 · yrdsim 0.1.0, commit …": under every chart of the run. */
    static String caption(JsonNode manifest, RunSeries series) {
        String[] periods = series.periods();
        return "Scenario " + manifest.path("scenario").path("name").asText("?")
                + Reports.overridesCaption(manifest.path("overrides")) + ", seed " + manifest.path("seed").asText("?")
                + ", " + periods[0] + "–" + periods[periods.length - 1] + " · " + Reports.source(manifest);
    }

    private static XYChart iotfShare(RunSeries series, double[] x) throws RefusedException {
        XYChart chart = Charts.time("Industries of the Future: share of manufacturing revenue",
                "IotF share of manufacturing revenue (%)", x);
        int i = 0;
        for (Map.Entry<String, double[]> e : series.byProvince("iotf_revenue_share").entrySet()) {
            Charts.line(chart, e.getKey(), x, scaled(e.getValue(), 100), Charts.color(i++), false);
        }
        Charts.line(chart, "whole delta", x, scaled(series.deltaIotfShare(), 100), Charts.REFERENCE, true);
        Charts.includeZero(chart);
        return chart;
    }

    private static XYChart provinceLines(RunSeries series, double[] x, String column, double factor, String title,
                                         String yTitle) throws RefusedException {
        XYChart chart = Charts.time(title, yTitle, x);
        int i = 0;
        for (Map.Entry<String, double[]> e : series.byProvince(column).entrySet()) {
            Charts.line(chart, e.getKey(), x, scaled(e.getValue(), factor), Charts.color(i++), false);
        }
        Charts.includeZero(chart);
        return chart;
    }

    private static XYChart inflows(RunSeries series, double[] x, String factor) throws RefusedException {
        XYChart chart = Charts.time("Cross-province flows: " + factor + " (inflow by destination)",
                Reports.flowUnit(factor), x);
        int i = 0;
        for (Map.Entry<String, double[]> e : series.inflows(factor).entrySet()) {
            Charts.line(chart, "into " + e.getKey(), x, e.getValue(), Charts.color(i++), false);
        }
        Charts.line(chart, "all crossings", x, series.crossFlow(factor), Charts.REFERENCE, true);
        Charts.includeZero(chart);
        return chart;
    }

    static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static String markdown(JsonNode manifest, JsonNode summary, RunSeries series, ClusterTimeline timeline) {
        String[] periods = series.periods();
        JsonNode scenario = manifest.path("scenario");
        StringBuilder b = new StringBuilder();
        b.append("# Run report: ").append(scenario.path("name").asText("?")).append(", seed ")
                .append(manifest.path("seed").asText("?")).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("scenario", scenario.path("name").asText() + " (" + Markdown.code(scenario.path("path").asText())
                + ", sha256 " + Markdown.code(scenario.path("sha256").asText()) + ")"));
        rows.add(List.of("seed", manifest.path("seed").asText()));
        rows.add(List.of("steps", series.steps() + " quarters, " + periods[0] + " to " + periods[periods.length - 1]));
        rows.add(List.of("engine", manifest.path("engine").asText()));
        rows.add(List.of("overrides", Reports.overrides(manifest.path("overrides"))));
        rows.add(List.of("yrdsim", manifest.path("yrdsim_version").asText() + ", commit "
                + Markdown.code(manifest.path("git_commit").asText())));
        b.append(Markdown.table(List.of("provenance", ""), rows)).append('\n');
        b.append("The run's own files (`provinces.csv`, `flows.csv`, `clusters.csv`, `summary.json`) hold every "
                + "number drawn here; `manifest.json` lists them with their SHA-256.\n\n");

        b.append("## Industries of the Future\n\n");
        b.append(Markdown.image("IotF share of revenue by province", CHARTS.get(0))).append('\n');
        List<List<String>> shares = new ArrayList<>();
        summary.path("iotf_revenue_share").fields().forEachRemaining(e -> shares.add(List.of(
                Labels.region(e.getKey()), Markdown.number(100 * e.getValue().asDouble()))));
        b.append("IotF share of manufacturing revenue in ").append(periods[periods.length - 1]).append(" (%):\n\n");
        b.append(Markdown.table(List.of("region", "IotF share (%)"), shares)).append('\n');
        List<List<String>> sectors = new ArrayList<>();
        summary.path("iotf_sectors").fields().forEachRemaining(e -> sectors.add(List.of(Labels.words(e.getKey()),
                Markdown.number(e.getValue().path("revenue_annual_bn").asDouble()),
                Reports.text(e.getValue().path("revenue_500bn_period")),
                Markdown.number(e.getValue().path("hhi").asDouble()),
                Markdown.number(e.getValue().path("spatial_gini").asDouble()))));
        if (!sectors.isEmpty()) {
            b.append("IotF sectors at the end (revenue in bn yuan a year; HHI and spatial Gini across provinces):\n\n");
            b.append(Markdown.table(List.of("sector", "revenue", "reaches 500 bn", "HHI", "spatial Gini"), sectors))
                    .append('\n');
        }

        b.append("## Cluster events\n\n");
        b.append(Markdown.image("cluster events over time", CHARTS.get(1))).append('\n');
        b.append(timeline.describe()).append('\n');

        b.append("## Wages\n\n");
        b.append(Markdown.image("wages of workers and talent by province", CHARTS.get(2))).append('\n');
        b.append("## Net migration\n\n");
        b.append(Markdown.image("net migration of workers and talent by province", CHARTS.get(3))).append('\n');
        b.append("Positive values are net arrivals from the other provinces in that quarter.\n\n");
        b.append("## Cross-province flows\n\n");
        b.append(Markdown.image("cross-province flows by factor", CHARTS.get(4))).append('\n');
        b.append("Each panel is one factor: the inflow into each province from the others, and (dashed) all "
                + "border crossings of the delta. Capital is capital newly placed in another province's market; "
                + "technology is licences bought from, or spillovers absorbed from, another province.\n\n");
        JsonNode cross = summary.path("cross_province_share");
        if (cross.isObject()) {
            List<List<String>> crossRows = new ArrayList<>();
            cross.fields().forEachRemaining(e -> crossRows.add(List.of(e.getKey(),
                    Markdown.number(100 * e.getValue().path("mean").asDouble()),
                    Markdown.number(100 * e.getValue().path("end").asDouble()))));
            b.append("Share of each factor that crossed a border in a quarter (%):\n\n");
            b.append(Markdown.table(List.of("factor", "mean over the run", "last quarter"), crossRows));
        }
        return b.toString();
    }

    /** Orders provinces as in provinces.csv, unknown names last. */
    static Comparator<String> provinceOrder(List<String> provinces) {
        return Comparator.comparingInt(p -> provinces.contains(p) ? provinces.indexOf(p) : Integer.MAX_VALUE);
    }

    static Color provinceColor(List<String> provinces, String province) {
        int i = provinces.indexOf(province);
        return i < 0 ? Charts.REFERENCE : Charts.color(i);
    }
}
