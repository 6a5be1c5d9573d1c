package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareAndReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void compareWiresItsOptionsAndPrintsTheDirectory() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", "scenarios/two-regions.yaml", "src/test/resources/compare/two-regions-open.yaml",
                "--replications", "1", "--seed", "5", "--steps", "3", "--jobs", "2", "--out", out.toString(),
                "--set", "enterprises.scale=0.5", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toString(), r.out().trim());
        assertTrue(Files.isRegularFile(out.resolve("runs/two-regions-open/seed-5/summary.json")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"enterprises.scale=0.5\""), manifest);
        assertTrue(manifest.contains("\"steps\" : 3"), manifest);

        // report on the comparison directory writes the same report again.
        byte[] report = Files.readAllBytes(out.resolve("report.md"));
        r = Cli.run("report", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(out.resolve("report.md").toString(), r.out().trim());
        assertEquals(new String(report), Files.readString(out.resolve("report.md")));
    }

    @Test
    void badCompareInputExitsTwoWithoutAStackTrace() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("compare", "scenarios/baseline.yaml", "scenarios/two-regions.yaml", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("scenarios/two-regions.yaml: cannot be compared with the baseline"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(2, Cli.run("compare", "scenarios/two-regions.yaml").code(), "a policy is required");
        assertEquals(2, Cli.run("compare", "scenarios/two-regions.yaml", "scenarios/two-regions.yaml",
                "--replications", "0").code());
        r = Cli.run("compare", "scenarios/two-regions.yaml", "no/such.yaml", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no/such.yaml"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void reportReadsWhatTheSweepCommandWrites() throws Exception {
        // A 2 x 2 grid of the two-region test bed, one replication, 2 quarters: four tiny runs.
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, """
                scenario: %s
                seed: 3
                replications: 1
                steps: 2
                design:
                  type: grid
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                    barriers.capital.scale: {values: [0.5, 1]}
                metrics:
                  - iotf_revenue_share.YRD
                  - clusters.emerged
                """.formatted(Path.of("scenarios/two-regions.yaml").toAbsolutePath()));
        Path out = tmp.resolve("sweep");
        Cli r = Cli.run("sweep", file.toString(), "--out", out.toString(), "--jobs", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        r = Cli.run("report", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(out.resolve("report.md"));
        for (String metric : new String[] {"iotf_revenue_share.YRD", "clusters.emerged"}) {
            assertTrue(Files.size(out.resolve("charts/heatmap-" + metric + ".png")) > 1000, metric);
            assertTrue(md.contains("](charts/heatmap-" + metric + ".png)"), md);
        }
        assertTrue(md.contains("4 distinct points over 2 parameters"), md);
    }

    @Test
    void reportOnAnUnknownDirectoryExitsTwo() throws Exception {
        Files.writeString(tmp.resolve("data.txt"), "x");
        Cli r = Cli.run("report", tmp.toString());
        assertEquals(2, r.code());
        assertEquals("yrdsim: " + tmp + " is not a run, comparison, sweep, calibration or atlas directory: a run "
                + "has provinces.csv, flows.csv, clusters.csv and summary.json; a comparison has comparison.csv; a sweep "
                + "has design.csv and results.csv; a calibration estimates.csv, moments.csv and fit.json; an atlas "
                + "atlas.csv, channels.csv and provenance.json", r.err().trim());
    }
}
