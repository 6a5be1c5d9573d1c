package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * Comparisons and sweeps stack their runs' per-step tables under timeseries/: one header, then
 * every run's rows in run order, each naming its run; a sweep's carry the swept parameters and
 * are kept only when asked for.
 */
class CombinedTablesTest {

    private static final List<String> SERIES = List.of("provinces", "sectors", "flows", "clusters");

    @TempDir
    Path tmp;

    @Test
    void aComparisonStacksEveryRunsTablesInScenarioThenSeedOrder() throws IOException {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", "scenarios/two-regions.yaml", "scenarios/two-regions.yaml", "--replications", "2",
                "--seed", "5", "--steps", "3", "--out", out.toString(), "--set", "enterprises.scale=0.3", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<Path> runs = List.of(out.resolve("runs/two-regions/seed-5"), out.resolve("runs/two-regions/seed-6"),
                out.resolve("runs/two-regions-2/seed-5"), out.resolve("runs/two-regions-2/seed-6"));
        for (String table : SERIES) {
            assertEquals(stacked(runs, table), Files.readAllLines(out.resolve("timeseries/" + table + ".csv")), table);
        }
        List<String> provinces = Files.readAllLines(out.resolve("timeseries/provinces.csv"));
        assertTrue(provinces.get(0).startsWith("run_id,scenario,seed,step,period,province,"), provinces.get(0));
        Set<String> ids = new LinkedHashSet<>();
        provinces.stream().skip(1).forEach(line -> ids.add(line.substring(0, line.indexOf(',', line.indexOf(',') + 1))));
        String set = "-set-" + yrdsim.metrics.RunStamp.overrideHash(List.of("enterprises.scale=0.3", "time.steps=3"));
        assertEquals(List.of("two-regions-s5" + set + ",two-regions", "two-regions-s6" + set + ",two-regions",
                "two-regions-2-s5" + set + ",two-regions-2", "two-regions-2-s6" + set + ",two-regions-2"),
                new ArrayList<>(ids), "a scenario compared with itself stays two scenarios");
        JsonNode manifest = Manifest.read(out);
        List<String> expected = new ArrayList<>();
        manifest.path(Manifest.EXPECTED).forEach(e -> expected.add(e.asText()));
        for (String table : SERIES) {
            assertTrue(expected.contains("timeseries/" + table + ".csv"), expected.toString());
        }
        assertFalse(Files.exists(out.resolve("timeseries/firms.csv")), "snapshots are not stacked");
        assertEquals(0, Cli.run("verify", out.toString()).code());
    }

    @Test
    void aSweepStacksItsSeriesWithTheParametersOnlyWhenAsked() throws IOException {
        Path file = TinySweep.write(tmp, "grid.yaml", 2, 3, 0.3, "0, 1");
        Path plain = tmp.resolve("plain");
        Cli r = Cli.run("sweep", file.toString(), "--out", plain.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(plain.resolve("timeseries")), "series are opt-in for sweeps");
        assertFalse(Files.exists(plain.resolve("runs/p0000-r0/provinces.csv")));

        Path kept = tmp.resolve("kept");
        r = Cli.run("sweep", file.toString(), "--out", kept.toString(), "--keep", "series", "--jobs", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> ids = List.of("p0000-r0", "p0000-r1", "p0001-r0", "p0001-r1");
        List<Path> runs = ids.stream().map(id -> kept.resolve("runs/" + id)).toList();
        for (String table : SERIES) {
            assertEquals(stacked(runs, table), Files.readAllLines(kept.resolve("timeseries/" + table + ".csv")), table);
        }
        assertFalse(Files.exists(kept.resolve("runs/p0000-r0/firms.csv")), "a series run keeps no snapshot");
        List<String> provinces = Files.readAllLines(kept.resolve("timeseries/provinces.csv"));
        assertTrue(provinces.get(0).startsWith("run_id,scenario,seed,barriers.labor.scale,step,period,province,"),
                provinces.get(0));
        assertTrue(provinces.get(1).startsWith("p0000-r0,two-regions,"), provinces.get(1));
        assertTrue(provinces.get(provinces.size() - 1).matches("p0001-r1,two-regions,\\d+,1,2,2020Q3,B,.*"),
                provinces.get(provinces.size() - 1));
        assertEquals(0, Cli.run("verify", kept.toString()).code());

        // Shards and merge stack the same bytes.
        Path sharded = tmp.resolve("sharded");
        for (String shard : List.of("0/2", "1/2")) {
            r = Cli.run("sweep", file.toString(), "--out", sharded.toString(), "--keep", "series", "--shard", shard,
                    "--quiet");
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(0, Cli.run("merge", sharded.toString(), "--quiet").code());
        for (String table : SERIES) {
            assertEquals(Files.readString(kept.resolve("timeseries/" + table + ".csv")),
                    Files.readString(sharded.resolve("timeseries/" + table + ".csv")), table);
        }
    }

    @Test
    void aSweepStartedWithoutSeriesIsNotContinuedWithThem() throws IOException {
        Path file = TinySweep.write(tmp, "grid.yaml", 1, 2, 0.3, "0, 1");
        Path out = tmp.resolve("sweep");
        assertEquals(0, Cli.run("sweep", file.toString(), "--out", out.toString(), "--shard", "0/2", "--quiet").code());
        Cli r = Cli.run("sweep", file.toString(), "--out", out.toString(), "--shard", "1/2", "--keep", "series",
                "--quiet");
        assertEquals(2, r.code());
        assertEquals("yrdsim: " + out + " was started without --keep series, so its finished runs kept no per-step "
                + "tables; rerun it without --keep series, or give a new --out", r.err().trim());
    }

    /** The header of the first run's table, then every run's rows in order. */
    private static List<String> stacked(List<Path> runs, String table) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path run : runs) {
            List<String> own = Files.readAllLines(run.resolve(table + ".csv"));
            if (lines.isEmpty()) {
                lines.add(own.get(0));
            }
            assertEquals(lines.get(0), own.get(0), run + ": same columns");
            lines.addAll(own.subList(1, own.size()));
        }
        return lines;
    }
}
