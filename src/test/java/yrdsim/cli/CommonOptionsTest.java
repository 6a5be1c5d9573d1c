package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommonOptionsTest {

    private static final Set<String> WRITERS = Set.of("run", "resume", "compare", "sweep", "merge", "report", "calibrate",
            "atlas");

    @TempDir
    Path tmp;

    @Test
    void everyCommandTakesDebugAndEveryCommandThatWritesTakesQuiet() {
        CommandLine cli = new CommandLine(new Main());
        for (var entry : cli.getSubcommands().entrySet()) {
            String name = entry.getKey();
            if (name.equals("help")) {
                continue;
            }
            var spec = entry.getValue().getCommandSpec();
            assertNotNull(spec.findOption("--debug"), name + " --debug");
            assertEquals(WRITERS.contains(name), spec.findOption("--quiet") != null, name + " --quiet");
        }
    }

    @Test
    void debugAddsTheStackTraceToTheOneLineMessage() throws Exception {
        Path foreign = tmp.resolve("thesis");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        String[] args = {"run", "scenarios/two-regions.yaml", "--steps", "1", "--out", foreign.toString(), "--force"};

        Cli plain = Cli.run(args);
        assertEquals(Main.BAD_INPUT, plain.code(), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());

        String[] withDebug = Arrays.copyOf(args, args.length + 1);
        withDebug[args.length] = "--debug";
        Cli debug = Cli.run(withDebug);
        assertEquals(Main.BAD_INPUT, debug.code(), debug.err());
        assertTrue(debug.err().contains("\tat "), debug.err());
        assertEquals(plain.errLines().get(0), debug.errLines().get(0), "the same message first");
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }

    @Test
    void quietLeavesOnlyThePathOnStandardOutputAndNoInfoLines() {
        Path out = tmp.resolve("run");
        Cli quiet = Cli.run("run", "scenarios/two-regions.yaml", "--steps", "2", "--out", out.toString(), "--quiet");
        assertEquals(Main.OK, quiet.code(), quiet.err());
        assertEquals(out.toString(), quiet.out().trim());
        assertFalse(quiet.err().contains("INFO") || quiet.err().contains("running "), quiet.err());
    }
}
