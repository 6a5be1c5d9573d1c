package yrdsim.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.run.Progress;

/**
 * Comparisons of the two-region test bed, 2 seeds and 6 quarters: each comparison is four runs
 * of about a quarter of a second.
 */
class ComparisonTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    private static final Path OPEN = Path.of("src/test/resources/compare/two-regions-open.yaml");
    private static final int STEPS = 6;

    private static CompareOptions options(Path baseline, Path policy, int jobs, Path out) {
        return new CompareOptions(baseline, List.of(policy), 2, 11L, STEPS, jobs, out, List.of(), false);
    }

    private static List<CSVRecord> table(Path dir) throws Exception {
        try (Reader in = Files.newBufferedReader(dir.resolve("comparison.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static List<String> expectedMetrics(Path dir, String label, long seed) throws Exception {
        JsonNode summary = Json.MAPPER.readTree(dir.resolve("runs").resolve(label).resolve("seed-" + seed)
                .resolve("summary.json").toFile());
        return HeadlineMetrics.names(summary);
    }

    @Test
    void policyAgainstBaselineWritesTheTableChartsAndReport(@TempDir Path tmp) throws Exception {
        Path dir = Comparison.run(options(TWO_REGIONS, OPEN, 2, tmp.resolve("cmp")), Progress.NONE);

        for (String label : List.of("two-regions", "two-regions-open")) {
            for (long seed : List.of(11L, 12L)) {
                Path run = dir.resolve("runs").resolve(label).resolve("seed-" + seed);
                assertEquals("complete", Manifest.read(run).path("status").asText(), run.toString());
                assertEquals(seed, Manifest.read(run).path("seed").asLong());
            }
        }
        List<CSVRecord> rows = table(dir);
        List<String> metrics = expectedMetrics(dir, "two-regions", 11);
        assertEquals(metrics.size() + 1, rows.size(), "one row per headline metric, and the benefit-cost ratio");
        assertEquals("benefit_cost_ratio", rows.get(rows.size() - 1).get("metric"));
        rows = rows.subList(0, metrics.size());
        assertEquals(ComparisonTable.COLUMNS, rows.get(0).getParser().getHeaderNames());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals("two-regions-open", rows.get(i).get("policy"));
            assertEquals(metrics.get(i), rows.get(i).get("metric"));
        }
        CSVRecord workers = rows.stream().filter(r -> r.get("metric").equals("cross_province_share.workers.mean"))
                .findFirst().orElseThrow();
        assertEquals("2", workers.get("n"));
        // Labour barriers at 30% of the matrix: more workers cross, on both seeds, so the whole
        // interval is above zero.
        assertTrue(Double.parseDouble(workers.get("ci95_low")) > 0, workers.toString());
        assertEquals(Double.parseDouble(workers.get("policy_mean")) - Double.parseDouble(workers.get("baseline_mean")),
                Double.parseDouble(workers.get("mean_difference")), 1e-9);

        for (String chart : List.of("charts/iotf-share.png", "charts/iotf-share-difference.png", "charts/flows.png")) {
            assertTrue(Files.size(dir.resolve(chart)) > 1000, chart);
            assertTrue(Files.readString(dir.resolve("report.md")).contains("](" + chart + ")"), chart);
        }
        JsonNode manifest = Manifest.read(dir);
        assertEquals("complete", manifest.path("status").asText());
        assertEquals("comparison", manifest.path("kind").asText());
        assertEquals("[11,12]", manifest.path("seeds").toString());
        assertTrue(manifest.path("files").toString().contains("\"comparison.csv\""));
    }

    @Test
    void baselineAgainstItselfDiffersByExactlyZero(@TempDir Path tmp) throws Exception {
        Path dir = Comparison.run(options(TWO_REGIONS, TWO_REGIONS, 1, tmp.resolve("self")), Progress.NONE);
        assertTrue(Files.isDirectory(dir.resolve("runs/two-regions-2")), "the second copy gets its own label");
        List<CSVRecord> rows = table(dir);
        assertFalse(rows.isEmpty());
        int compared = 0;
        for (CSVRecord row : rows) {
            assertEquals("two-regions-2", row.get("policy"));
            assertEquals(row.get("baseline_n"), row.get("policy_n"), row.toString());
            if (!row.get("n").equals("0")) {
                assertEquals("0", row.get("mean_difference"), row.toString());
                assertEquals("0", row.get("sd_difference"), row.toString());
                assertEquals("0", row.get("ci95_low"), row.toString());
                assertEquals("0", row.get("ci95_high"), row.toString());
                assertEquals(row.get("baseline_mean"), row.get("policy_mean"), row.toString());
                compared++;
            }
        }
        assertTrue(compared > 10, "most metrics have values: " + compared);
    }

    @Test
    void resultsDoNotDependOnJobsAndAFinishedComparisonIsKept(@TempDir Path tmp) throws Exception {
        Path one = Comparison.run(options(TWO_REGIONS, OPEN, 1, tmp.resolve("one")), Progress.NONE);
        Path two = Comparison.run(options(TWO_REGIONS, OPEN, 2, tmp.resolve("two")), Progress.NONE);
        for (String file : List.of("comparison.csv", "report.md", "charts/iotf-share.png", "charts/flows.png",
                "charts/iotf-share-difference.png")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
        byte[] manifest = Files.readAllBytes(two.resolve("manifest.json"));
        int[] steps = {0};
        Comparison.run(options(TWO_REGIONS, OPEN, 2, two), (done, total) -> steps[0] = done);
        assertEquals(0, steps[0], "nothing ran again");
        assertArrayEquals(manifest, Files.readAllBytes(two.resolve("manifest.json")));

        // A different comparison in the same directory needs --force.
        CompareOptions other = new CompareOptions(TWO_REGIONS, List.of(OPEN), 1, 11L, STEPS, 1, two, List.of(),
                false);
        RefusedException e = assertThrows(RefusedException.class, () -> Comparison.run(other, Progress.NONE));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }

    @Test
    void anInterruptedComparisonKeepsItsCompleteRuns(@TempDir Path tmp) throws Exception {
        Path dir = Comparison.run(options(TWO_REGIONS, OPEN, 1, tmp.resolve("cmp")), Progress.NONE);
        byte[] table = Files.readAllBytes(dir.resolve("comparison.csv"));
        // As if killed after its runs: the manifest says running and the table is gone.
        Files.writeString(dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json")).replace("\"complete\"", "\"running\""));
        Files.delete(dir.resolve("comparison.csv"));
        int[] steps = {0};
        Comparison.run(options(TWO_REGIONS, OPEN, 1, dir), (done, total) -> steps[0] = Math.max(steps[0], done));
        assertEquals(4 * STEPS, steps[0], "progress counts the reused runs");
        assertArrayEquals(table, Files.readAllBytes(dir.resolve("comparison.csv")));
        assertEquals("complete", Manifest.read(dir).path("status").asText());
    }

    @Test
    void scenariosOfDifferentStructureAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cmp");
        CompareOptions o = new CompareOptions(Path.of("scenarios/baseline.yaml"), List.of(TWO_REGIONS), 2, null, 2,
                1, out, List.of(), false);
        RefusedException e = assertThrows(RefusedException.class, () -> Comparison.run(o, Progress.NONE));
        assertTrue(e.getMessage().startsWith("scenarios/two-regions.yaml: cannot be compared with the baseline"),
                e.getMessage());
        assertTrue(e.getMessage().contains("regions [A, B]"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aForeignDirectoryIsNotTouched(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("thesis.tex"), "\\documentclass{article}");
        RefusedException e = assertThrows(RefusedException.class,
                () -> Comparison.run(options(TWO_REGIONS, OPEN, 1, tmp), Progress.NONE));
        assertTrue(e.getMessage().contains("not written by yrdsim"), e.getMessage());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("thesis.tex")), files.toList());
        }
    }

    @Test
    void seedsDefaultToTheBaselinesAndCount(@TempDir Path tmp) throws Exception {
        CompareOptions o = new CompareOptions(TWO_REGIONS, List.of(OPEN), 1, null, 2, 1, tmp.resolve("cmp"),
                List.of(), false);
        Path dir = Comparison.run(o, Progress.NONE);
        assertEquals("[20200101]", Manifest.read(dir).path("seeds").toString(), "two-regions.yaml's seed");
        assertNotEquals(0, Files.size(dir.resolve("comparison.csv")));
    }
}
