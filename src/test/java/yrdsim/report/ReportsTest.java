package yrdsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/** Reports on a real (tiny) run directory, on hand-made sweep directories, and on what is neither. */
class ReportsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    static Path shared;
    private static Path run;

    private static Path report;

    /** One run of the two-region test bed, 8 quarters (about a second), and its report. */
    @BeforeAll
    static void runAndReportOnce() throws Exception {
        run = shared.resolve("run");
        Runner.run(new RunOptions(Path.of("scenarios/two-regions.yaml"), List.of(), 7L, 8, 1,
                EnterpriseEngine.Kind.FAST, run, false, 0, 0, true), (done, total) -> { });
        report = Reports.report(run);
    }

    /** Checks a PNG file: its signature and its size in pixels; returns the image. */
    static BufferedImage png(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " is missing");
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " is suspiciously small: " + bytes.length + " bytes");
        byte[] head = new byte[PNG_SIGNATURE.length];
        System.arraycopy(bytes, 0, head, 0, head.length);
        assertArrayEquals(PNG_SIGNATURE, head, file + " does not start like a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file + " width");
        if (height > 0) {
            assertEquals(height, image.getHeight(), file + " height");
        }
        return image;
    }

    /** True when the image is not one flat colour (a chart was drawn). */
    static boolean hasContent(BufferedImage image) {
        int first = image.getRGB(0, 0);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                if (image.getRGB(x, y) != first) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void runReportWritesEveryChartAndLinksThem() throws Exception {
        assertEquals(Reports.Kind.RUN, Reports.kind(run));
        assertEquals(run.resolve("report.md"), report);

        int w = Charts.WIDTH;
        int h = Charts.HEIGHT + Charts.CAPTION_HEIGHT;
        assertTrue(hasContent(png(run.resolve("charts/iotf-share.png"), w, h)));
        BufferedImage clusters = png(run.resolve("charts/clusters.png"), w, -1);
        assertTrue(clusters.getHeight() >= h, "the cluster timeline is at least one chart high");
        png(run.resolve("charts/wages.png"), 2 * w, h);
        png(run.resolve("charts/migration.png"), 2 * w, h);
        png(run.resolve("charts/flows.png"), 2 * w, 2 * Charts.HEIGHT + Charts.CAPTION_HEIGHT);

        String md = Files.readString(report);
        for (String chart : RunReport.CHARTS) {
            assertTrue(md.contains("](" + chart + ")"), "report.md links " + chart);
        }
        assertTrue(md.contains("| seed | 7 |"), "report.md names the seed");
        assertTrue(md.contains("8 quarters, 2020Q1 to 2021Q4"), "report.md names the periods");

        // The run's manifest now lists the report's files, and is still complete.
        JsonNode manifest = Manifest.read(run);
        assertEquals("complete", manifest.path("status").asText());
        List<String> listed = new ArrayList<>();
        manifest.path("files").forEach(f -> listed.add(f.path("name").asText()));
        assertTrue(listed.containsAll(List.of("report.md", "charts/iotf-share.png", "charts/flows.png",
                "provinces.csv")), listed.toString());
    }

    @Test
    void aReportWrittenAgainIsIdentical() throws Exception {
        byte[] md = Files.readAllBytes(run.resolve("report.md"));
        byte[] chart = Files.readAllBytes(run.resolve("charts/flows.png"));
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
        Reports.report(run);
        assertArrayEquals(md, Files.readAllBytes(run.resolve("report.md")));
        assertArrayEquals(chart, Files.readAllBytes(run.resolve("charts/flows.png")));
        assertArrayEquals(manifest, Files.readAllBytes(run.resolve("manifest.json")));
    }

    private static Path fixture(String name, Path into) throws IOException {
        Path from = Path.of("src/test/resources/report", name);
        Path to = into.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void gridSweepGetsOneHeatMapPerMetric(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep-grid", tmp);
        assertEquals(Reports.Kind.SWEEP, Reports.kind(dir));
        Path report = Reports.report(dir);
        for (String metric : List.of("iotf_revenue_share.YRD", "iotf_sectors.gene_technology.revenue_500bn_step")) {
            String chart = "charts/heatmap-" + metric + ".png";
            assertTrue(hasContent(png(dir.resolve(chart), 2 * Charts.WIDTH, Charts.HEIGHT + Charts.CAPTION_HEIGHT)),
                    "mean and seed-noise panels side by side, one caption under them");
            assertTrue(Files.readString(report).contains("](" + chart + ")"), "report.md links " + chart);
        }
        String md = Files.readString(report);
        assertTrue(md.contains("9 distinct points over 2 parameters"), md);
        assertTrue(md.contains("2 replications each"), md);
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertEquals(2, charts.count(), "no Sobol chart without sensitivity.csv, no map of a metric without values");
        }
        assertTrue(md.contains("No chart for iotf_sectors.quantum_information.revenue_1tn_step: no run has a value"),
                md);
    }

    @Test
    void sobolSweepGetsIndexChartsAndTables(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep-sobol", tmp);
        Path report = Reports.report(dir);
        String md = Files.readString(report);
        for (String metric : List.of("iotf_revenue_share.YRD", "clusters.emerged")) {
            String chart = "charts/sobol-" + metric + ".png";
            assertTrue(hasContent(png(dir.resolve(chart), Charts.WIDTH, Charts.HEIGHT + Charts.CAPTION_HEIGHT)));
            assertTrue(md.contains("](" + chart + ")"), "report.md links " + chart);
        }
        assertTrue(md.contains("| barriers.labor.scale | 0.62 ± 0.08 | 0.71 ± 0.09 |"), md);
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            assertEquals(2, charts.count(), "eight Sobol points over three parameters are not a grid");
        }
    }

    @Test
    void oneParameterSweepGetsALinePerMetric(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep-line", tmp);
        Reports.report(dir);
        assertTrue(hasContent(png(dir.resolve("charts/iotf_revenue_share.YRD-by-barriers.labor.scale.png"),
                Charts.WIDTH, Charts.HEIGHT + Charts.CAPTION_HEIGHT)));
        assertTrue(Files.readString(dir.resolve("report.md")).contains("5 distinct points over 1 parameter"));
    }

    @Test
    void aDirectoryOfNoKnownKindIsRefused(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        RefusedException e = assertThrows(RefusedException.class, () -> Reports.report(tmp));
        assertTrue(e.getMessage().contains("is not a run, comparison, sweep, calibration or atlas directory"), e.getMessage());
        assertThrows(RefusedException.class, () -> Reports.report(tmp.resolve("missing")));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "nothing was written");
        }
    }

    @Test
    void anUnfinishedRunIsRefused(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("run");
        Files.createDirectories(copy);
        for (String f : List.of("provinces.csv", "flows.csv", "clusters.csv", "summary.json", "manifest.json")) {
            Files.copy(run.resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("manifest.json"),
                Files.readString(copy.resolve("manifest.json")).replace("\"complete\"", "\"running\""));
        RefusedException e = assertThrows(RefusedException.class, () -> Reports.report(copy));
        assertTrue(e.getMessage().contains("unfinished run"), e.getMessage());
    }

    @Test
    void aBadCellIsNamedByFileLineAndColumn(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep-line", tmp);
        Path results = dir.resolve("results.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(results));
        lines.set(3, lines.get(3).replaceAll(",[^,]*$", ",abc"));
        Files.write(results, lines);
        RefusedException e = assertThrows(RefusedException.class, () -> Reports.report(dir));
        assertEquals(results + ":4: column 'iotf_revenue_share.YRD': not a number: 'abc'", e.getMessage());
    }

    @Test
    void reportHtmlIsSelfContained() throws Exception {
        Path html = run.resolve(Html.REPORT);
        assertTrue(Files.isRegularFile(html), "report.html sits next to report.md");
        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"), text.substring(0, 40));
        assertTrue(text.contains("<table>"), "the pipe tables are rendered as tables");
        for (String chart : RunReport.CHARTS) {
            assertFalse(text.contains("src=\"" + chart + "\""), chart + " is embedded, not linked");
        }
        String embedded = "src=\"data:image/png;base64,";
        assertEquals(RunReport.CHARTS.size(), text.split(embedded, -1).length - 1, "one data URI per chart");
        String first = text.substring(text.indexOf(embedded) + embedded.length());
        byte[] png = java.util.Base64.getDecoder().decode(first.substring(0, first.indexOf('"')));
        assertArrayEquals(Files.readAllBytes(run.resolve(RunReport.CHARTS.get(0))), png, "the chart's own bytes");
    }

    @Test
    void runChartsCarryACaptionNamingScenarioSeedAndCommit() throws Exception {
        String caption = RunReport.caption(Manifest.read(run), RunSeries.read(run));
        String commit = Manifest.read(run).path("git_commit").asText();
        assertTrue(caption.startsWith("Scenario two-regions, seed 7, 2020Q1–2021Q4 · yrdsim "), caption);
        assertTrue(caption.contains("commit " + commit.substring(0, Math.min(12, commit.length()))), caption);
        // The strip under the chart holds dark caption text.
        BufferedImage image = ImageIO.read(run.resolve("charts/iotf-share.png").toFile());
        boolean text = false;
        for (int y = Charts.HEIGHT + 2; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth() / 2; x++) {
                text |= (image.getRGB(x, y) & 0xFF) < 0x80;
            }
        }
        assertTrue(text, "caption text under the chart");
    }

    @Test
    void undefinedSobolIndicesAreMarkedNotAvailable(@TempDir Path tmp) throws Exception {
        Path dir = fixture("sweep-sobol", tmp);
        Path sensitivity = dir.resolve("sensitivity.csv");
        Files.writeString(sensitivity, Files.readString(sensitivity)
                .replace("clusters.emerged,barriers.labor.scale,0.05,0.04,0.1,0.03", "clusters.emerged,barriers.labor.scale,,,0.1,0.03"));
        String md = Files.readString(Reports.report(dir));
        assertTrue(md.contains("| barriers.labor.scale | n/a | 0.1 ± 0.03 |"), md);
        assertTrue(hasContent(png(dir.resolve("charts/sobol-clusters.emerged.png"), Charts.WIDTH, -1)));
    }
}
