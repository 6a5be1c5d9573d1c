package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    @Test
    void runWritesACompleteDirectoryAndPrintsIt() {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", "scenarios/two-regions.yaml", "--steps", "4", "--threads", "2", "--out", out.toString(),
                "--set", "barriers.labor.scale=0.5", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(out.toString(), r.out().trim());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    }

    @Test
    void badInputExitsTwoWithOneLinePerProblemAndWritesNothing() {
        Path out = tmp.resolve("never");
        // Shape problems (a word where a number belongs) are reported first; ranges once the shape is right.
        Cli r = Cli.run("run", "scenarios/two-regions.yaml", "--out", out.toString(), "--set", "barriers.labor.scale=-1",
                "--set", "parameters.plan_smoothing=x", "--set", "parameters.gibrat_sigma=[1]");
        assertEquals(2, r.code());
        String[] lines = r.err().trim().split("\n");
        assertEquals(2, lines.length, r.err());
        assertEquals("--set parameters.plan_smoothing=x: parameters.plan_smoothing: expected a number, got text 'x'",
                lines[0]);
        assertEquals("--set parameters.gibrat_sigma=[1]: parameters.gibrat_sigma: expected a number, got a list",
                lines[1]);
        r = Cli.run("run", "scenarios/two-regions.yaml", "--out", out.toString(), "--set", "barriers.labor.scale=-1",
                "--set", "barriers.capital.default=1.5");
        assertEquals(2, r.code());
        lines = r.err().trim().split("\n");
        assertEquals(2, lines.length, r.err());
        assertEquals("--set barriers.labor.scale=-1: barriers.labor.scale: must be in [0, 100], got -1", lines[0]);
        assertEquals("--set barriers.capital.default=1.5: barriers.capital.default: must be in [0, 1], got 1.5",
                lines[1]);
        assertFalse(r.err().contains("Exception"), "no stack trace");
        assertFalse(Files.exists(out));
        assertEquals(2, Cli.run("run", "no/such.yaml").code());
        assertEquals(2, Cli.run("run", "scenarios/two-regions.yaml", "--engine", "turbo").code());
        assertEquals(2, Cli.run("run", "scenarios/two-regions.yaml", "--threads", "0").code());
    }
}
