package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * A run killed before its first checkpoint, started with a relative scenario path, resumes from
 * another working directory (issue 17: it reloaded the scenario by the relative path and got
 * "baseline.yaml: no such file"). The manifest records the scenario's absolute path.
 */
class ResumeElsewhereTest {

    private static final String SCENARIO = "scenarios/two-regions.yaml";

    @TempDir
    Path tmp;

    @Test
    void aRunKilledBeforeItsFirstCheckpointResumesFromAnotherDirectory() throws Exception {
        Path dir = tmp.resolve("killed").toAbsolutePath();
        List<String> args = List.of("run", SCENARIO, "--steps", "120", "--threads", "1", "--set",
                "enterprises.scale=0.5", "--quiet", "--out");
        Process child = Child.start(Child.javaCommand(concat(args, dir.toString()).toArray(String[]::new)),
                tmp.resolve("run-logs"));
        Child.awaitFile(child, dir.resolve("provinces.csv.partial"));
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(dir.resolve("checkpoint.ser.gz")), "killed before any checkpoint");
        assertEquals(Manifest.RUNNING, Manifest.read(dir).path("status").asText());

        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        assertFalse(Files.exists(elsewhere.resolve(SCENARIO)));
        Process resume = new ProcessBuilder(Child.javaCommand("resume", dir.toString(), "--quiet"))
                .directory(elsewhere.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("resume.log").toFile()).start();
        assertTrue(resume.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resume.exitValue(), Files.readString(tmp.resolve("resume.log")));
        assertEquals(0, Cli.run("verify", dir.toString()).code());

        Path straight = tmp.resolve("straight");
        Cli run = Cli.run(concat(args, straight.toString()).toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        for (String name : List.of("provinces.csv", "sectors.csv", "flows.csv", "clusters.csv", "firms.csv",
                "summary.json", "calibration.json", "scenario.resolved.yaml")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
        }
    }

    private static List<String> concat(List<String> args, String last) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(last);
        return all;
    }
}
