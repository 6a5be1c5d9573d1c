package yrdsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.AtomicFiles;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;

class RunnerTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    @TempDir
    Path tmp;

    private static RunOptions options(Path scenario, List<String> sets, int steps, int threads,
                                      EnterpriseEngine.Kind engine, Path out) {
        return new RunOptions(scenario, sets, 99L, steps, threads, engine, out, false, 8, 0, true);
    }

    private RunResult run(RunOptions o) throws Exception {
        return Runner.run(o, Progress.NONE);
    }

    @Test
    void outputsAreByteIdenticalForOneAndTwoThreadsAndForRepeatedRuns() throws Exception {
        List<String> sets = List.of("enterprises.scale=0.03");
        Path one = run(options(BASELINE, sets, 16, 1, EnterpriseEngine.Kind.FAST, tmp.resolve("one"))).directory();
        Path two = run(options(BASELINE, sets, 16, 2, EnterpriseEngine.Kind.FAST, tmp.resolve("two"))).directory();
        Path again = run(options(BASELINE, sets, 16, 2, EnterpriseEngine.Kind.FAST, tmp.resolve("again"))).directory();
        RunDirectories.assertIdentical(one, two);
        RunDirectories.assertIdentical(two, again);
    }

    @Test
    void everyBitOfTheSeedCounts() throws Exception {
        // MASON 18 keeps only the low 32 bits of a seed; 6,000,000,000 and 1,705,032,704 share them.
        long wide = 6_000_000_000L;
        Path a = run(new RunOptions(TWO_REGIONS, List.of(), wide, 2, 1, EnterpriseEngine.Kind.FAST, tmp.resolve("a"),
                false, 0, 0, true)).directory();
        Path b = run(new RunOptions(TWO_REGIONS, List.of(), (long) (int) wide, 2, 1, EnterpriseEngine.Kind.FAST,
                tmp.resolve("b"), false, 0, 0, true)).directory();
        assertEquals(wide, Manifest.read(a).get("seed").asLong());
        assertTrue(Files.readString(a.resolve("summary.json")).contains("\"seed\" : 6000000000"));
        assertFalse(Files.readString(a.resolve("firms.csv")).equals(Files.readString(b.resolve("firms.csv"))));
    }

    @Test
    void fastAndReferenceEnginesAgreeOnTwoRegions() throws Exception {
        Path fast = run(options(TWO_REGIONS, List.of(), 64, 2, EnterpriseEngine.Kind.FAST, tmp.resolve("f"))).directory();
        Path ref = run(options(TWO_REGIONS, List.of(), 64, 2, EnterpriseEngine.Kind.REFERENCE, tmp.resolve("r")))
                .directory();
        RunDirectories.assertNumericallyEqual(fast, ref, 1e-9);
        // The reference engine steps on one thread whatever was asked; the manifest says what ran.
        assertEquals(2, Manifest.read(fast).get("threads").asInt());
        assertEquals(1, Manifest.read(ref).get("threads").asInt());
    }

    @Test
    void fastAndReferenceEnginesAgreeOnAScaledDownBaseline() throws Exception {
        List<String> sets = List.of("enterprises.scale=0.02");
        Path fast = run(options(BASELINE, sets, 24, 2, EnterpriseEngine.Kind.FAST, tmp.resolve("f"))).directory();
        Path ref = run(options(BASELINE, sets, 24, 1, EnterpriseEngine.Kind.REFERENCE, tmp.resolve("r"))).directory();
        RunDirectories.assertNumericallyEqual(fast, ref, 1e-9);
    }

    @Test
    void aRunDirectoryIsCompleteAndItsManifestListsEveryFile() throws Exception {
        RunResult result = run(options(TWO_REGIONS, List.of(), 8, 2, EnterpriseEngine.Kind.FAST, tmp.resolve("x")));
        Path dir = result.directory();
        for (String name : List.of("manifest.json", "provinces.csv", "sectors.csv", "flows.csv", "clusters.csv",
                "demand.csv", "summary.json", "firms.csv", "scenario.resolved.yaml", "calibration.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        JsonNode manifest = Manifest.read(dir);
        assertEquals("complete", manifest.get("status").asText());
        for (String field : List.of("yrdsim_version", "git_commit", "mason_version", "java_version", "seed", "steps",
                "threads", "engine", "overrides", "enterprises_initial", "started_at", "finished_at", "wall_seconds",
                "steps_wall_seconds", "enterprise_steps_per_second")) {
            assertTrue(manifest.has(field), field);
        }
        assertEquals(8, manifest.get("steps").asInt());
        assertTrue(manifest.get("enterprise_steps_per_second").asDouble() > 0);
        assertEquals(9, RunDirectories.dataFiles(dir).size());
        for (JsonNode file : manifest.get("files")) {
            Path path = dir.resolve(file.get("name").asText());
            assertEquals(Files.size(path), file.get("bytes").asLong());
            assertEquals(AtomicFiles.sha256(path), file.get("sha256").asText());
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(AtomicFiles.PARTIAL)));
        }
        // Firm snapshots every 8 steps and at the last step: here both are step 7.
        List<String> firms = Files.readAllLines(dir.resolve("firms.csv"));
        String stampOf = "two-regions-s99-set-" + RunStamp.overrideHash(List.of("time.steps=8"));
        assertTrue(firms.stream().skip(1).allMatch(line -> line.startsWith(stampOf + ",two-regions,99,7,2021Q4,")),
                firms.get(1));
        // The resolved scenario reproduces the run (stamped as the same run: without overrides its id would differ).
        Path again = run(new RunOptions(dir.resolve("scenario.resolved.yaml"), List.of(), 99L, null, 1,
                EnterpriseEngine.Kind.FAST, tmp.resolve("again"), false, 8, 0, true)
                .withStamp(RunStamp.of(stampOf, "two-regions", 99))).directory();
        for (String name : List.of("provinces.csv", "sectors.csv", "flows.csv", "firms.csv", "clusters.csv")) {
            assertEquals(Files.readString(dir.resolve(name)), Files.readString(again.resolve(name)), name);
        }
    }

    /**
     * clusters.csv keeps its two kinds of value apart: a cluster event has the cell's location
     * quotient, a yardstick the sector's annual revenue and the whole delta's one name.
     */
    @Test
    void clusterEventsAndYardsticksKeepTheirValuesInTheirOwnColumns() throws Exception {
        Path dir = run(options(BASELINE, List.of("enterprises.scale=0.02"), 20, 1, EnterpriseEngine.Kind.FAST,
                tmp.resolve("clusters"))).directory();
        List<String> rows = Files.readAllLines(dir.resolve("clusters.csv"));
        assertEquals("run_id,scenario,seed,step,period,province,sector,event,location_quotient,revenue_annual_bn",
                rows.get(0));
        int clusters = 0;
        int yardsticks = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells[7].startsWith("cluster_")) {
                clusters++;
                assertTrue(Double.parseDouble(cells[8]) > 1 && cells[9].isEmpty(), row);
                assertFalse(cells[5].equals("YRD"), row);
            } else {
                yardsticks++;
                assertTrue(cells[8].isEmpty() && Double.parseDouble(cells[9]) >= 500, row);
                assertEquals("YRD", cells[5], row);
            }
        }
        assertTrue(clusters > 0 && yardsticks > 0, "the test needs both kinds of event: " + rows);
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"YRD\""), "the summary's delta is YRD too");
    }

    @Test
    void anIdenticalCompleteRunIsReusedAndADifferentOneIsRefused() throws Exception {
        Path out = tmp.resolve("same");
        run(options(TWO_REGIONS, List.of(), 4, 1, EnterpriseEngine.Kind.FAST, out));
        assertTrue(run(options(TWO_REGIONS, List.of(), 4, 2, EnterpriseEngine.Kind.FAST, out)).reused());
        assertThrows(RefusedException.class,
                () -> run(options(TWO_REGIONS, List.of(), 5, 1, EnterpriseEngine.Kind.FAST, out)));
        RunOptions forced = new RunOptions(TWO_REGIONS, List.of(), 99L, 5, 1, EnterpriseEngine.Kind.FAST, out, true,
                0, 0, true);
        assertFalse(run(forced).reused());
        assertEquals(5, Manifest.read(out).get("steps").asInt());
    }

    @Test
    void aForeignDirectoryIsNeverTouched() throws Exception {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        RunOptions forced = new RunOptions(TWO_REGIONS, List.of(), 1L, 2, 1, EnterpriseEngine.Kind.FAST, out, true,
                0, 0, true);
        assertThrows(RefusedException.class, () -> run(forced));
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    }

    @Test
    void theManifestIsStampedByTheInjectedClockAndNamesTheFilesARunMustHave() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-04T08:30:00Z"), ZoneOffset.UTC);
        Path dir = Runner.run(options(TWO_REGIONS, List.of(), 2, 1, EnterpriseEngine.Kind.FAST, tmp.resolve("t")),
                Progress.NONE, fixed).directory();
        JsonNode manifest = Manifest.read(dir);
        assertEquals("2026-12-04T08:30:00Z", manifest.path("started_at").asText());
        assertEquals("2026-12-04T08:30:00Z", manifest.path("finished_at").asText());
        List<String> expected = new java.util.ArrayList<>();
        manifest.path(Manifest.EXPECTED).forEach(n -> expected.add(n.asText()));
        assertEquals(List.of("provinces.csv", "sectors.csv", "flows.csv", "clusters.csv", "firms.csv", "demand.csv",
                "summary.json", "calibration.json", "scenario.resolved.yaml"), expected);
        assertTrue(manifest.path("scenario").path("absolute_path").asText()
                .endsWith("/scenarios/two-regions.yaml"), manifest.path("scenario").toString());
        assertFalse(Files.exists(dir.resolve(yrdsim.output.OutputDirectory.LOCK_FILE)), "no lock left behind");
    }
}
