package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path tmp;

    /** Runs the command line, returning exit code, stdout and stderr. */
    static String[] cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8),
                e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void runWritesACompleteDirectoryAndPrintsIt() {
        Path out = tmp.resolve("run");
        String[] r = cli("run", "scenarios/two-regions.yaml", "--steps", "4", "--threads", "2", "--out", out.toString(),
                "--set", "barriers.labor.scale=0.5", "--quiet");
        assertEquals("0", r[0], r[2]);
        assertEquals(out.toString(), r[1].trim());
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    }

    @Test
    void badInputExitsTwoWithOneLinePerProblemAndWritesNothing() {
        Path out = tmp.resolve("never");
        // Shape problems (a word where a number belongs) are reported first; ranges once the shape is right.
        String[] r = cli("run", "scenarios/two-regions.yaml", "--out", out.toString(), "--set", "barriers.labor.scale=-1",
                "--set", "parameters.plan_smoothing=x", "--set", "parameters.gibrat_sigma=[1]");
        assertEquals("2", r[0]);
        String[] lines = r[2].trim().split("\n");
        assertEquals(2, lines.length, r[2]);
        assertEquals("--set parameters.plan_smoothing=x: parameters.plan_smoothing: expected a number, got text 'x'",
                lines[0]);
        assertEquals("--set parameters.gibrat_sigma=[1]: parameters.gibrat_sigma: expected a number, got a list",
                lines[1]);
        r = cli("run", "scenarios/two-regions.yaml", "--out", out.toString(), "--set", "barriers.labor.scale=-1",
                "--set", "barriers.capital.default=1.5");
        assertEquals("2", r[0]);
        lines = r[2].trim().split("\n");
        assertEquals(2, lines.length, r[2]);
        assertEquals("--set barriers.labor.scale=-1: barriers.labor.scale: must be in [0, 100], got -1", lines[0]);
        assertEquals("--set barriers.capital.default=1.5: barriers.capital.default: must be in [0, 1], got 1.5",
                lines[1]);
        assertFalse(r[2].contains("Exception"), "no stack trace");
        assertFalse(Files.exists(out));
        assertEquals("2", cli("run", "no/such.yaml")[0]);
        assertEquals("2", cli("run", "scenarios/two-regions.yaml", "--engine", "turbo")[0]);
        assertEquals("2", cli("run", "scenarios/two-regions.yaml", "--threads", "0")[0]);
    }
}
