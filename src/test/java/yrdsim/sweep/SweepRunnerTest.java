package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yrdsim.sweep.SweepFixtures.yrdsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.cli.Cli;
import yrdsim.output.CsvTables;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.RunFailure;
import yrdsim.run.Progress;

class SweepRunnerTest {

    @TempDir
    Path tmp;

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CsvTables.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }

    @Test
    void resultsHoldEveryRunsSeedParametersAndSummaryFiguresWhateverTheJobs() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "grid.yaml", 2, 4, SweepFixtures.GRID);
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", one.toString(), "--jobs", "1", "--quiet").code());
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", two.toString(), "--jobs", "2", "--quiet").code());
        assertArrayEquals(Files.readAllBytes(one.resolve("results.csv")), Files.readAllBytes(two.resolve("results.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("design.csv")), Files.readAllBytes(two.resolve("design.csv")));

        List<CSVRecord> rows = csv(one.resolve("results.csv"));
        assertEquals(8, rows.size(), "4 points x 2 replications");
        assertEquals(List.of("run_id", "replication", "seed", "barriers.labor.scale", "barriers.technology.scale",
                "iotf_revenue_share.YRD", "iotf_revenue_share.A", "clusters.emerged",
                "iotf_sectors.iotf.revenue_500bn_step"), rows.get(0).getParser().getHeaderNames());
        assertEquals(List.of("p0000-r0", "p0000-r1", "p0001-r0", "p0001-r1"),
                rows.subList(0, 4).stream().map(r -> r.get("run_id")).toList());
        assertEquals(List.of("0/0.2", "0/0.2", "0/0.8", "0/0.8", "1/0.2", "1/0.2", "1/0.8", "1/0.8"),
                rows.stream().map(r -> r.get(3) + "/" + r.get(4)).toList(), "first parameter slowest");
        java.util.Set<String> seeds = new java.util.HashSet<>();
        for (CSVRecord row : rows) {
            Path run = one.resolve("runs").resolve(row.get("run_id"));
            assertEquals(List.of("manifest.json", "summary.json"), Files.list(run).map(p -> p.getFileName().toString())
                    .sorted().toList(), "a sweep keeps only manifest and summary");
            JsonNode summary = Json.MAPPER.readTree(run.resolve("summary.json").toFile());
            JsonNode manifest = Manifest.read(run);
            assertEquals(manifest.path("seed").asText(), row.get("seed"));
            assertEquals(summary.path("seed").asText(), row.get("seed"), "the seed the model ran with");
            seeds.add(row.get("seed"));
            assertTrue(manifest.path("overrides").toString().contains("\"barriers.labor.scale=" + row.get(3) + "\""),
                    manifest.path("overrides").toString());
            assertEquals(summary.path("iotf_revenue_share").path("A").decimalValue(),
                    new java.math.BigDecimal(row.get("iotf_revenue_share.A")));
            assertEquals(summary.path("clusters").path("emerged").asText(), row.get("clusters.emerged"));
            assertEquals("", row.get("iotf_sectors.iotf.revenue_500bn_step"), "never reached in 4 steps: empty");
        }
        assertEquals(8, seeds.size(), "every run has its own seed");
        assertEquals("grid", Manifest.read(one).path("design").path("type").asText());
        assertEquals(Manifest.COMPLETE, Manifest.read(one).path("status").asText());
    }

    @Test
    void shardsPlusMergeEqualTheWholeSweepByteForByte() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "sobol.yaml", 1, 4, SweepFixtures.SOBOL);
        Path whole = tmp.resolve("whole");
        Path shared = tmp.resolve("shared");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", whole.toString(), "--jobs", "2", "--quiet").code());
        for (int i = 0; i < 3; i++) {
            Cli cli = yrdsim("sweep", file.toString(), "--out", shared.toString(), "--shard", i + "/3",
                    "--jobs", "1", "--quiet");
            assertEquals(0, cli.code(), cli.err());
            assertFalse(Files.exists(shared.resolve("results.csv")), "a shard never writes results");
            if (i == 1) {
                Cli early = yrdsim("merge", shared.toString(), "--quiet");
                assertEquals(2, early.code());
                assertTrue(early.err().contains("5 of 16 runs in " + shared + " are not complete (p0002-r0, p0005-r0"),
                        early.err());
            }
        }
        assertEquals(0, yrdsim("merge", shared.toString(), "--quiet").code());
        assertArrayEquals(Files.readAllBytes(whole.resolve("results.csv")),
                Files.readAllBytes(shared.resolve("results.csv")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("sensitivity.csv")),
                Files.readAllBytes(shared.resolve("sensitivity.csv")));
        List<CSVRecord> sensitivity = csv(whole.resolve("sensitivity.csv"));
        assertEquals(4 * 2, sensitivity.size(), "4 metrics x 2 parameters");
        assertEquals(List.of("metric", "parameter", "first_order", "first_order_ci", "total_order", "total_order_ci"),
                sensitivity.get(0).getParser().getHeaderNames());
        JsonNode merged = Manifest.read(shared);
        assertEquals(Manifest.COMPLETE, merged.path("status").asText());
        assertEquals(Manifest.read(whole).path("sweep"), merged.path("sweep"));
        assertEquals("[\"0/3\",\"1/3\",\"2/3\"]", merged.path("merged_shards").toString());
    }

    @Test
    void aChangedSweepFileIsRefusedOnResumeAndNothingIsTouched() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "grid.yaml", 1, 4, SweepFixtures.GRID);
        Path out = tmp.resolve("out");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", out.toString(), "--shard", "0/2", "--quiet").code());
        Map<String, String> before = SweepFixtures.snapshot(out);
        Files.writeString(file, Files.readString(file).replace("replications: 1", "replications: 2"));
        Cli cli = yrdsim("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, cli.code());
        assertTrue(cli.err().startsWith("yrdsim: the sweep file changed: " + file), cli.err());
        assertEquals(1, cli.err().lines().count(), "one line: " + cli.err());
        assertEquals(before, SweepFixtures.snapshot(out));
    }

    @Test
    void aCompleteSweepIsLeftExactlyAsItIs() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "grid.yaml", 1, 4, SweepFixtures.GRID);
        Path out = tmp.resolve("out");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", out.toString(), "--quiet").code());
        Map<String, String> before = SweepFixtures.snapshot(out);
        Cli again = yrdsim("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, again.code());
        assertEquals(out + System.lineSeparator(), again.out());
        assertEquals(before, SweepFixtures.snapshot(out));
    }

    @Test
    void anInterruptKeepsFinishedRunsMarksTheSweepIncompleteAndResumesToTheSameBytes() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "grid.yaml", 3, 6, SweepFixtures.GRID);
        Path reference = tmp.resolve("reference");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", reference.toString(), "--quiet").code());

        Path out = tmp.resolve("out");
        SweepPlan plan = SweepPlan.prepare(SweepFile.read(file));
        SweepRunner[] runner = new SweepRunner[1];
        Progress interruptAfterTwo = (done, total) -> {
            if (done == 2) {
                new Thread(runner[0]::interrupt).start(); // as the shutdown hook does, from another thread
                try {
                    Thread.sleep(500); // hold this worker so the interrupt lands; the other one is mid-run
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        runner[0] = new SweepRunner(plan, out, 2, Shard.WHOLE, interruptAfterTwo);
        RunFailure failure = assertThrows(RunFailure.class, runner[0]::run);
        assertTrue(failure.getMessage().startsWith("interrupted"), failure.getMessage());
        JsonNode manifest = Manifest.read(out);
        assertEquals(Manifest.FAILED, manifest.path("status").asText());
        assertTrue(manifest.path("error").asText().startsWith("interrupted"));
        assertFalse(Files.exists(out.resolve("results.csv")));
        long complete = SweepFixtures.completeRuns(out);
        assertTrue(complete >= 2 && complete < 12, "some but not all runs complete: " + complete);

        Cli resumed = yrdsim("sweep", file.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains(complete + " complete already"), resumed.err());
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(out.resolve("results.csv")));
        assertEquals(Manifest.COMPLETE, Manifest.read(out).path("status").asText());
    }

    @Test
    void badParametersAndMetricsAreReportedInTheSweepFileBeforeAnythingIsWritten() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "bad.yaml", 1, 4, """
                type: grid
                parameters:
                  barriers.labour.scale: {values: [0, 1]}
                  barriers.technology.scale: {values: [0.5, -1]}
                """);
        Files.writeString(file, Files.readString(file).replace("clusters.emerged", "clusters.count"));
        Path out = tmp.resolve("out");
        Cli cli = yrdsim("sweep", file.toString(), "--out", out.toString());
        assertEquals(2, cli.code());
        assertEquals(file + ":11:38: barriers.labour: unknown key; did you mean 'labor'? (allowed: labor, capital, technology, external) "
                + "(design point 0: barriers.labour.scale=0, barriers.technology.scale=0.5)",
                cli.err().lines().findFirst().orElse(""));
        assertFalse(Files.exists(out), "nothing written");

        Files.writeString(file, Files.readString(file).replace("labour", "labor"));
        cli = yrdsim("sweep", file.toString(), "--out", out.toString());
        assertEquals(2, cli.code());
        List<String> lines = cli.err().lines().toList();
        assertEquals(2, lines.size(), cli.err());
        assertTrue(lines.get(0).startsWith(file + ":12:47: barriers.technology.scale: must be in [0, "), lines.get(0));
        assertEquals(file + ":16:5: metrics.2: no figure 'count' under 'clusters' (known: emerged, iotf_emerged, "
                + "active_at_end)", lines.get(1));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void keepRunFilesKeepsEveryTable() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "keep.yaml", 1, 2, """
                type: oat
                parameters:
                  barriers.labor.scale: {values: [0]}
                """);
        Files.writeString(file, "keep_run_files: true\n" + Files.readString(file));
        Path out = tmp.resolve("out");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", out.toString(), "--quiet").code());
        List<CSVRecord> rows = csv(out.resolve("results.csv"));
        assertEquals(List.of("1", "0"), rows.stream().map(r -> r.get("barriers.labor.scale")).toList(),
                "oat: the scenario's value, then the level");
        assertTrue(Files.exists(out.resolve("runs").resolve("p0001-r0").resolve("provinces.csv")));
    }
}
