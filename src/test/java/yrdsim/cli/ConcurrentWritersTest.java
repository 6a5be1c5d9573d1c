package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.Verification;

/**
 * Two yrdsim processes writing one output directory (issue 17: of 36 pairs of runs into one
 * {@code --out}, 2 ended "complete" with only calibration.json, 3 with two seeds' files mixed,
 * and in 7 one silently replaced the other). Now exactly one proceeds; the other exits 2 at
 * once, touching nothing, and the result verifies intact with every table its kind must have.
 * Separate JVMs, because the lock is the operating system's, per process.
 */
class ConcurrentWritersTest {

    private static final String SCENARIO = "scenarios/two-regions.yaml";
    private static final Pattern IN_USE = Pattern.compile(
            "yrdsim: (.+) is in use by another yrdsim process \\(pid (\\d+), started \\S+Z\\)");

    @TempDir
    Path tmp;

    /**
     * A run of {@code steps} quarters into {@code dir}, with {@code seed}: 120 take about five
     * seconds on an idle machine.
     */
    private static List<String> run(Path dir, int seed, int steps) {
        return run(dir, seed, steps, 0.5);
    }

    private static List<String> run(Path dir, int seed, int steps, double scale) {
        return Child.javaCommand("run", SCENARIO, "--steps", Integer.toString(steps), "--threads", "1", "--set",
                "enterprises.scale=" + scale, "--seed", Integer.toString(seed), "--quiet", "--out", dir.toString());
    }

    private static Child.Output finish(Process p, Path logs) throws Exception {
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "a child did not finish in 3 minutes");
        return new Child.Output(p.exitValue(), Files.readString(logs.resolve("stdout")),
                Files.readString(logs.resolve("stderr")));
    }

    /** Asserts that {@code dir} is intact, holds nothing unlisted and is the run with {@code seed}. */
    private static void intactRunOf(Path dir, int seed) throws IOException {
        Verification v = Verification.of(dir);
        assertTrue(v.intact(), v.problem());
        assertEquals(List.of(), v.unlisted(), "nothing but the winner's files");
        assertEquals(9, Manifest.read(dir).path(Manifest.EXPECTED).size(), "every table of a run is expected");
        assertEquals(seed, Manifest.read(dir).path("seed").asInt());
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"seed\" : " + seed));
    }

    /** The second run starts once the first holds the directory: refused at once, naming the holder. */
    @Test
    void aSecondRunIntoADirectoryInUseIsRefusedAndTouchesNothing() throws Exception {
        Path dir = tmp.resolve("out");
        // Long enough (about 6 s on one core) that the second JVM starts and claims while the first
        // runs, even on a busy machine; had the first finished, the second would meet a different
        // complete run instead.
        Process first = Child.start(run(dir, 1, 400, 5), tmp.resolve("first"));
        Child.awaitFile(first, dir.resolve("provinces.csv.partial"));

        Child.Output second = Child.run(run(dir, 2, 400), tmp.resolve("second"));
        // Refused at once: a second writer that waited for the lock would end after the first.
        boolean firstStillRunning = first.isAlive();
        Child.Output winner = finish(first, tmp.resolve("first"));

        assertEquals(0, winner.code(), winner.err());
        assertEquals(2, second.code(), second.err());
        assertEquals(1, second.errLines().size(), second.err());
        var m = IN_USE.matcher(second.errLines().get(0));
        assertTrue(m.matches(), second.err());
        assertEquals(dir.toString(), m.group(1));
        assertEquals(first.pid(), Long.parseLong(m.group(2)), "the message names the holder's pid");
        assertTrue(firstStillRunning, "the first run had ended before the second was refused");
        intactRunOf(dir, 1);
        assertTrue(!Files.exists(dir.resolve(OutputDirectory.LOCK_FILE)), "the lock went with its holder");
    }

    /**
     * Two runs started together, three times: exactly one proceeds each time. The loser meets the
     * lock, or, had it come after the winner finished, a different complete run; exit 2 either way.
     */
    @Test
    void twoRunsStartedTogetherNeverBothProceed() throws Exception {
        for (int trial = 0; trial < 3; trial++) {
            Path dir = tmp.resolve("trial-" + trial);
            Path logsA = tmp.resolve(trial + "-a");
            Path logsB = tmp.resolve(trial + "-b");
            Process a = Child.start(run(dir, 1, 40), logsA);
            Process b = Child.start(run(dir, 2, 40), logsB);
            Child.Output ra = finish(a, logsA);
            Child.Output rb = finish(b, logsB);
            List<Integer> codes = new ArrayList<>(List.of(ra.code(), rb.code()));
            codes.sort(null);
            assertEquals(List.of(0, 2), codes, "trial " + trial + ": " + ra.err() + " | " + rb.err());
            Child.Output loser = ra.code() == 2 ? ra : rb;
            assertEquals(1, loser.errLines().size(), loser.err());
            String line = loser.errLines().get(0);
            assertTrue(IN_USE.matcher(line).matches() || line.contains("holds a different complete run"), line);
            intactRunOf(dir, ra.code() == 0 ? 1 : 2);
        }
    }

    /** A second sweep on a directory a sweep is writing: refused at once, where it used to talk of shards. */
    @Test
    void aSecondSweepIntoADirectoryInUseIsRefusedAndTouchesNothing() throws Exception {
        // About 30 s of runs on an idle machine, so three more JVMs start and claim while it goes.
        Path file = TinySweep.write(tmp, "grid.yaml", 4, 300, 0.5, "0, 0.5, 1");
        Path dir = tmp.resolve("sweep");
        List<String> sweep = Child.javaCommand("sweep", file.toString(), "--jobs", "1", "--quiet", "--out",
                dir.toString());
        Process first = Child.start(sweep, tmp.resolve("first"));
        Child.awaitFile(first, dir.resolve("design.csv"));

        // A second sweep, a shard and a merge, all at once while the first sweep runs.
        Process second = Child.start(sweep, tmp.resolve("second"));
        Process shard = Child.start(Child.javaCommand("sweep", file.toString(), "--shard", "1/2", "--quiet",
                "--out", dir.toString()), tmp.resolve("shard"));
        Process merge = Child.start(Child.javaCommand("merge", dir.toString(), "--quiet"), tmp.resolve("merge"));
        List<Child.Output> refused = List.of(finish(second, tmp.resolve("second")),
                finish(shard, tmp.resolve("shard")), finish(merge, tmp.resolve("merge")));
        Child.Output winner = finish(first, tmp.resolve("first"));

        assertEquals(0, winner.code(), winner.err());
        for (Child.Output loser : refused) {
            assertEquals(2, loser.code(), loser.err());
            assertEquals(1, loser.errLines().size(), loser.err());
            var m = IN_USE.matcher(loser.errLines().get(0));
            assertTrue(m.matches(), loser.err());
            assertEquals(first.pid(), Long.parseLong(m.group(2)));
        }
        Verification v = Verification.of(dir);
        assertTrue(v.intact(), v.problem());
        assertEquals(List.of(), v.unlisted());
        assertEquals(4 + 2 * 12, Manifest.read(dir).path(Manifest.EXPECTED).size(),
                "inputs, results and each run's manifest and summary are expected");
        assertTrue(!Files.exists(dir.resolve("shards")), "the refused shard wrote nothing");
    }

    /** Shards still run side by side into one directory, and merge to the unsharded sweep's bytes. */
    @Test
    void shardsStillRunSideBySide() throws Exception {
        Path file = TinySweep.write(tmp, "grid.yaml", 2, 12, 0.5, "0, 0.5, 1");
        Path dir = tmp.resolve("shared");
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            shards.add(Child.start(Child.javaCommand("sweep", file.toString(), "--shard", i + "/2", "--jobs", "1",
                    "--quiet", "--out", dir.toString()), tmp.resolve("shard-" + i)));
        }
        for (int i = 0; i < 2; i++) {
            Child.Output r = finish(shards.get(i), tmp.resolve("shard-" + i));
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(0, Cli.run("merge", dir.toString(), "--quiet").code());
        assertEquals(0, Cli.run("verify", dir.toString()).code());
        Path whole = tmp.resolve("whole");
        assertEquals(0, Cli.run("sweep", file.toString(), "--jobs", "2", "--quiet", "--out", whole.toString()).code());
        assertArrayEquals(Files.readAllBytes(whole.resolve("results.csv")), Files.readAllBytes(dir.resolve("results.csv")));
    }
}
