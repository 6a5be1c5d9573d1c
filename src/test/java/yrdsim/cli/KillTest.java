package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * A run killed with SIGKILL in the middle: its directory is visibly incomplete, a rerun
 * replaces it without --force, and resume finishes it with the bytes of an uninterrupted run.
 */
class KillTest {

    private static final String SCENARIO = "scenarios/two-regions.yaml";
    private static final String CHECKPOINT = "checkpoint.ser.gz";

    @TempDir
    Path tmp;

    /** Starts a long run in a child JVM and kills it once its first checkpoint is on disk. */
    private Path killedRun(String name, String steps) throws Exception {
        Path dir = tmp.resolve(name);
        Process child = Child.start(Child.javaCommand("run", SCENARIO, "--steps", steps, "--threads", "1",
                "--set", "enterprises.scale=0.5", "--checkpoint-every", "2", "--quiet", "--out", dir.toString()),
                tmp.resolve(name + "-logs"));
        Child.awaitFile(child, dir.resolve(CHECKPOINT));
        child.destroyForcibly();
        child.waitFor();
        assertNotEquals(0, child.exitValue(), "the child was killed, not finished");
        return dir;
    }

    @Test
    void aKilledRunIsIncompleteAndARerunWithoutForceCompletesIt() throws Exception {
        Path dir = killedRun("run", "120");
        assertNotEquals(Manifest.COMPLETE, Manifest.read(dir).path("status").asText());

        Cli verify = Cli.run("verify", dir.toString());
        assertEquals(1, verify.code(), verify.err());
        assertTrue(verify.err().contains("not 'complete'"), verify.err());

        Cli rerun = Cli.run("run", SCENARIO, "--steps", "120", "--threads", "2", "--set", "enterprises.scale=0.5",
                "--quiet", "--out", dir.toString());
        assertEquals(0, rerun.code(), rerun.err());
        assertEquals(Manifest.COMPLETE, Manifest.read(dir).path("status").asText());
        assertEquals(0, Cli.run("verify", dir.toString()).code());

        Cli again = Cli.run("run", SCENARIO, "--steps", "100", "--quiet", "--out", dir.toString());
        assertEquals(2, again.code(), "a different complete run needs --force");
        assertTrue(again.err().contains("--force"), again.err());
    }

    @Test
    void aKilledRunResumesToTheBytesOfAnUninterruptedRun() throws Exception {
        Path dir = killedRun("killed", "60");
        Cli resume = Cli.run("resume", dir.toString(), "--quiet");
        assertEquals(0, resume.code(), resume.err());
        assertEquals(dir.toString(), resume.out().strip());
        assertEquals(0, Cli.run("verify", dir.toString()).code());

        Path straight = tmp.resolve("straight");
        Cli run = Cli.run("run", SCENARIO, "--steps", "60", "--threads", "2", "--set", "enterprises.scale=0.5",
                "--quiet", "--out", straight.toString());
        assertEquals(0, run.code(), run.err());
        for (String name : List.of("provinces.csv", "sectors.csv", "flows.csv", "clusters.csv", "firms.csv",
                "summary.json", "calibration.json", "scenario.resolved.yaml")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
        }

        Path provinces = dir.resolve("provinces.csv");
        byte[] bytes = Files.readAllBytes(provinces);
        bytes[bytes.length / 2] ^= 1;
        Files.write(provinces, bytes);
        Cli verify = Cli.run("verify", dir.toString());
        assertEquals(1, verify.code());
        assertEquals(List.of("yrdsim: " + provinces + ": SHA-256 differs from the manifest (the file was changed)"),
                verify.errLines());
    }
}
