package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.AtomicFiles;
import yrdsim.output.Json;
import yrdsim.output.RefusedException;

/**
 * The report of a calibration directory, from its files alone: the fit chart (every moment,
 * model against target in units of the target's standard error, each with its 95% bar), the
 * optimiser's trace of the objective, and the tables of estimates.csv, moments.csv and fit.json.
 */
final class CalibrationReport {

    /** The charts, relative to the calibration directory. */
    static final List<String> CHARTS = List.of("charts/fit.png", "charts/trace.png");

    private CalibrationReport() {
    }

    static Path write(Path dir) throws IOException, RefusedException {
        JsonNode manifest = Reports.manifest(dir);
        Table estimates = Table.read(dir.resolve("estimates.csv"), "parameter", "estimate", "standard_error",
                "lower_bound", "upper_bound", "at_bound");
        Table moments = Table.read(dir.resolve("moments.csv"), "target", "target_value", "target_se", "weight",
                "model_value", "model_sd", "difference_in_se", "statistic");
        Table trace = Table.read(dir.resolve("trace.csv"), "evaluation", "objective", "best_objective");
        JsonNode fit = Json.MAPPER.readTree(dir.resolve("fit.json").toFile());
        String caption = "calibration of " + manifest.path("scenario").path("path").asText("?") + " against "
                + manifest.path("targets").path("path").asText("?") + ", " + fit.path("replications").asText("?")
                + " replications per point · " + Reports.source(manifest);
        Charts.save(fitChart(moments, fit.path("replications").asInt(1)), dir.resolve(CHARTS.get(0)), caption);
        Charts.save(traceChart(trace), dir.resolve(CHARTS.get(1)), caption);
        Path report = dir.resolve(Reports.REPORT);
        AtomicFiles.write(report, markdown(manifest, estimates, moments, fit));
        Html.write(report);
        return report;
    }

    /**
     * Each moment at its number: the target at 0 with its 95% interval (±1.96), the model at
     * (model − target)/se with a bar of ±1.96 sd/√R of its replications in the same units.
     */
    private static XYChart fitChart(Table moments, int replications) throws RefusedException {
        List<CSVRecord> rows = moments.rows();
        int k = rows.size();
        XYChart chart = Charts.xy("Fit: model against target for every moment", "moment (numbered as in report.md)",
                "model − target, in target standard errors");
        double[] x = new double[k];
        double[] zero = new double[k];
        double[] model = new double[k];
        for (int i = 0; i < k; i++) {
            CSVRecord r = rows.get(i);
            x[i] = i + 1;
            double scale = Math.sqrt(1 / moments.number(r, "weight"));
            double d = number(moments, r, "difference_in_se");
            model[i] = Double.isFinite(d) ? d : Double.NaN;
            double sd = number(moments, r, "model_sd");
            double half = Double.isFinite(sd) ? 1.96 * sd / Math.sqrt(replications) / scale : 0;
            bar(chart, "t" + i, x[i] - 0.12, 0, 1.96, Charts.REFERENCE);
            if (Double.isFinite(d)) {
                bar(chart, "m" + i, x[i] + 0.12, d, half, Charts.color(0));
            }
        }
        XYSeries t = chart.addSeries("target ± 1.96 se", shift(x, -0.12), zero);
        t.setMarker(SeriesMarkers.DIAMOND);
        t.setLineColor(new java.awt.Color(0, 0, 0, 0));
        t.setMarkerColor(Charts.REFERENCE);
        XYSeries m = chart.addSeries("model (mean of R runs) ± 1.96 sd/√R", shift(x, 0.12), model);
        m.setMarker(SeriesMarkers.CIRCLE);
        m.setLineColor(new java.awt.Color(0, 0, 0, 0));
        m.setMarkerColor(Charts.color(0));
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(k + 0.5);
        chart.getStyler().setXAxisMaxLabelCount(Math.max(2, k + 1));
        Charts.includeZero(chart);
        return chart;
    }

    /** A vertical bar from {@code y - half} to {@code y + half} at {@code x}, not in the legend. */
    private static void bar(XYChart chart, String name, double x, double y, double half, java.awt.Color color) {
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {y - half, y + half});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setShowInLegend(false);
        s.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.SOLID);
    }

    private static double[] shift(double[] x, double by) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }

    private static XYChart traceChart(Table trace) throws RefusedException {
        List<CSVRecord> rows = trace.rows();
        double[] x = new double[rows.size()];
        double[] j = new double[rows.size()];
        double[] best = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = trace.number(rows.get(i), "evaluation");
            j[i] = Math.max(1e-6, trace.number(rows.get(i), "objective"));
            best[i] = Math.max(1e-6, trace.number(rows.get(i), "best_objective"));
        }
        XYChart chart = Charts.xy("The optimiser's trace (CMA-ES)", "evaluation", "objective J(θ) (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        XYSeries all = chart.addSeries("J at each point", x, j);
        all.setMarker(SeriesMarkers.CIRCLE);
        all.setLineColor(new java.awt.Color(0, 0, 0, 0));
        all.setMarkerColor(Charts.color(1));
        XYSeries low = chart.addSeries("lowest J so far", x, best);
        low.setMarker(SeriesMarkers.NONE);
        low.setLineColor(Charts.REFERENCE);
        chart.getStyler().setMarkerSize(4);
        return chart;
    }

    private static double number(Table t, CSVRecord r, String column) throws RefusedException {
        String cell = t.text(r, column);
        return cell.isEmpty() ? Double.NaN : t.number(r, column);
    }

    private static String markdown(JsonNode manifest, Table estimates, Table moments, JsonNode fit)
            throws RefusedException {
        StringBuilder md = new StringBuilder("# Calibration of ").append(manifest.path("scenario").path("path")
                .asText("?")).append("\n\n");
        md.append("Method of simulated moments against ").append(Markdown.code(manifest.path("targets").path("path")
                .asText("?"))).append(", parameters of ").append(Markdown.code(manifest.path("parameters")
                .path("path").asText("?"))).append(", overrides ").append(Reports.overrides(manifest.path("overrides")))
                .append(". ").append(fit.path("replications").asText()).append(" replications per point on common seeds ")
                .append(fit.path("seeds").toString()).append("; ").append(fit.path("evaluations").asText())
                .append(" evaluations of CMA-ES (at most ").append(fit.path("max_evaluations").asText())
                .append("). ").append(Reports.source(manifest)).append(".\n\n");
        md.append("## Estimates\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : estimates.rows()) {
            rows.add(List.of(Markdown.code(estimates.text(r, "parameter")), Markdown.number(number(estimates, r,
                    "estimate")), Markdown.number(number(estimates, r, "standard_error")), "[" + estimates.text(r,
                    "lower_bound") + ", " + estimates.text(r, "upper_bound") + "]",
                    "true".equals(estimates.text(r, "at_bound")) ? "**on a bound**" : ""));
        }
        md.append(Markdown.table(List.of("parameter", "estimate", "standard error", "bounds", ""), rows));
        md.append("\nStandard errors by the sandwich formula with a central-difference Jacobian (step ")
                .append(fit.path("jacobian_step").asText()).append(" of each range); an estimate on a bound has no "
                        + "valid standard error. Not identified: ")
                .append(fit.path("not_identified").isEmpty() ? "none" : fit.path("not_identified").toString())
                .append(".\n\n## Fit\n\n");
        md.append(Markdown.image("fit chart", CHARTS.get(0)));
        rows = new ArrayList<>();
        int number = 0;
        for (CSVRecord r : moments.rows()) {
            rows.add(List.of(Integer.toString(++number), Markdown.code(moments.text(r, "target")), Markdown.number(number(moments, r,
                    "target_value")), Markdown.number(number(moments, r, "target_se")),
                    Markdown.number(number(moments, r, "model_value")),
                    Markdown.number(number(moments, r, "difference_in_se"), 3), Markdown.number(number(moments, r,
                    "weight"))));
        }
        md.append('\n').append(Markdown.table(List.of("#", "target", "value", "se", "model", "difference (se)",
                "weight"), rows));
        md.append("\n**J test of the overidentifying restrictions:** J = ")
                .append(Markdown.number(fit.path("j_statistic").asDouble(Double.NaN)))
                .append(" with ").append(fit.path("degrees_of_freedom").asText()).append(" degrees of freedom, p = ")
                .append(Markdown.number(fit.path("p_value").asDouble(Double.NaN), 3))
                .append(" (weighted objective at the estimate: ").append(Markdown.number(fit.path("objective")
                        .asDouble(Double.NaN))).append("). The J statistic is computed with the generalised inverse "
                        + "of the variance of the moment errors, so it is χ² under the diagonal weighting too; it is "
                        + "asymptotic and only as good as the targets' standard errors, many of which are judgements "
                        + "(see each target's source in targets.yaml).\n\n");
        md.append("## The search\n\n").append(Markdown.image("optimiser trace", CHARTS.get(1)));
        return md.toString();
    }
}
