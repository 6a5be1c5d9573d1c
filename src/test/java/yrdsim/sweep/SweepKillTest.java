package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static yrdsim.sweep.SweepFixtures.yrdsim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.cli.Cli;
import yrdsim.output.Manifest;

/**
 * A sweep process killed with SIGKILL midway (no shutdown hook, no cleanup) and then resumed
 * gives a results.csv byte-identical to an uninterrupted sweep's.
 */
class SweepKillTest {

    private static final int RUNS = 12;

    @TempDir
    Path tmp;

    private static long runsInFlight(Path sweepDir) throws java.io.IOException {
        Path runs = sweepDir.resolve(SweepDirectory.RUNS);
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (var list = Files.list(runs)) {
            return list.filter(r -> {
                var manifest = Manifest.read(r);
                return manifest != null && Manifest.RUNNING.equals(manifest.path("status").asText());
            }).count();
        }
    }

    private Process startChild(Path file, Path out) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "yrdsim.cli.Main",
                "sweep", file.toString(), "--out", out.toString(), "--jobs", "1", "--quiet")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    @Test
    void aSweepKilledMidwayResumesToTheSameBytes() throws Exception {
        Path file = SweepFixtures.sweepFile(tmp, "kill.yaml", 2, 8, """
                type: grid
                parameters:
                  barriers.labor.scale: {values: [0, 0.5, 1]}
                  barriers.technology.scale: {values: [0, 1]}
                """);
        Path reference = tmp.resolve("reference");
        assertEquals(0, yrdsim("sweep", file.toString(), "--out", reference.toString(), "--jobs", "2", "--quiet").code());

        Path out = tmp.resolve("killed");
        long complete = 0;
        boolean halfWritten = false;
        // Kill while a run is in flight (its manifest says running), so the resume must redo a
        // half-written run. On a busy machine that run may still finish before the kill lands;
        // then resume in a new child and kill again.
        for (int attempt = 0; attempt < 3 && !halfWritten; attempt++) {
            Process child = startChild(file, out);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((SweepFixtures.completeRuns(out) < complete + 2 || runsInFlight(out) == 0) && child.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertTrue(child.isAlive(), "the child must still be running when killed; its log: "
                    + Files.readString(tmp.resolve("child.log")));
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, child.exitValue());
            complete = SweepFixtures.completeRuns(out);
            try (var runs = Files.list(out.resolve("runs"))) {
                halfWritten = complete < runs.count();
            }
        }
        assertTrue(halfWritten, "one of three kills left a run directory half-written");
        assertTrue(complete >= 2 && complete < RUNS, "killed midway: " + complete + " of " + RUNS + " complete");
        assertFalse(Files.exists(out.resolve("results.csv")));
        assertEquals(Manifest.RUNNING, Manifest.read(out).path("status").asText(), "not complete after a kill");

        Cli resumed = yrdsim("sweep", file.toString(), "--out", out.toString(), "--jobs", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains(complete + " complete already, " + (RUNS - complete) + " to do"),
                resumed.err());
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")),
                Files.readAllBytes(out.resolve("results.csv")));
        assertEquals(RUNS, SweepFixtures.completeRuns(out), "every run directory is complete after the resume");
    }
}
