package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.RunStamp;
import yrdsim.output.Manifest;

/**
 * The mistakes a new user makes on the command line: each exits 2 with one line that says what
 * is wrong and, where a name was mistyped, what was probably meant; none shows a stack trace.
 */
class CliMistakesTest {

    private static final String TWO_REGIONS = "scenarios/two-regions.yaml";

    @TempDir
    Path tmp;

    @Test
    void negativeSnapshotAndCheckpointIntervalsAreBadInput() {
        Cli r = Cli.run("run", TWO_REGIONS, "--firms-every", "-1", "--out", tmp.resolve("a").toString());
        assertEquals(2, r.code());
        assertEquals("yrdsim: --firms-every must be a number of steps, 1 or more (or 0, the default: a firm snapshot "
                + "at the last step only), got -1", r.errLines().get(0));
        r = Cli.run("run", TWO_REGIONS, "--checkpoint-every", "-2", "--out", tmp.resolve("b").toString());
        assertEquals(2, r.code());
        assertEquals("yrdsim: --checkpoint-every must be a number of steps, 1 or more (or 0, the default: no "
                + "checkpoints), got -2", r.errLines().get(0));
        r = Cli.run("run", TWO_REGIONS, "--steps", "0", "--out", tmp.resolve("c").toString());
        assertEquals(2, r.code());
        assertEquals("yrdsim: --steps must be at least 1, got 0", r.errLines().get(0));
        assertFalse(r.hasStackTrace(), r.err());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
    }

    @Test
    void aMistypedOptionOrCommandSuggestsTheClosestOne() {
        Cli r = Cli.run("run", TWO_REGIONS, "--firm-every", "2");
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("yrdsim: Unknown option"), r.err());
        assertTrue(r.errLines().get(0).endsWith("; did you mean '--firms-every'?"), r.err());
        assertEquals("Try 'yrdsim run --help' for usage.", r.errLines().get(1));

        r = Cli.run("runn", "--help");
        assertEquals(2, r.code(), "a mistyped command is not a request for help");
        assertEquals("", r.out(), "no help is printed");
        assertEquals(List.of("yrdsim: 'runn' is not a yrdsim command; did you mean 'run'? (commands: run, resume, "
                + "verify, validate, compare, sweep, merge, calibrate, report, atlas, gui, help)", "Try 'yrdsim --help' for usage."),
                r.errLines());
        r = Cli.run("comapre", TWO_REGIONS, TWO_REGIONS);
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).contains("did you mean 'compare'?"), r.err());
    }

    @Test
    void mistypedKeysRegionsSectorsAndFilesSuggestWhatWasMeant() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("run", "scenarios/baseline.yaml", "--set", "regions.Anhu.talent=1", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(List.of("--set regions.Anhu.talent=1: regions.Anhu.talent: no list element named 'Anhu'; "
                + "did you mean 'Anhui'? (known: Shanghai, Jiangsu, Zhejiang, Anhui)"), r.errLines());

        r = Cli.run("run", "scenarios/baseline.yaml", "--set", "regons.Anhui.talent=1", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("--set regons.Anhui.talent=1: regons: unknown key; did you mean "
                + "'regions'? (allowed: name, description,"), r.err());

        r = Cli.run("validate", TWO_REGIONS, "--set", "policies.division_of_labor.A.iotff=0.1",
                "--set", "policies.talent_program.b.wage_top_up=0.1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("policies.division_of_labor.A.iotff: unknown sector 'iotff'; did you mean "
                + "'iotf'? (known: traditional, iotf)"), r.err());
        assertTrue(r.err().contains("policies.talent_program.b: unknown region 'b'; did you mean 'B'? (known: A, B)"),
                r.err());

        r = Cli.run("run", "scenarios/baselin.yaml", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(List.of("scenarios/baselin.yaml: no such file; did you mean scenarios/baseline.yaml?"),
                r.errLines());
        r = Cli.run("sweep", "scenarios/sweeps/barriers-grd.yaml", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(List.of("scenarios/sweeps/barriers-grd.yaml: no such file; did you mean "
                + "scenarios/sweeps/barriers-grid.yaml?"), r.errLines());
        assertFalse(Files.exists(out));
    }

    /** Problems that do not depend on each other are all reported at once: shape, values, timeline. */
    @Test
    void everyIndependentProblemOfAScenarioIsReportedInOnePass() throws IOException {
        Path file = tmp.resolve("four.yaml");
        Files.writeString(file, """
                name: four
                description: four problems
                paper_basis: none
                extends: %s
                regons: {}
                barriers:
                  labor: {scale: -1}
                enterprises: {scale: 0}
                timeline:
                  - at: 2021Q1
                    ramp: -3
                    set: {barriers.capital.scale: 0.5}
                """.formatted(Path.of(TWO_REGIONS).toAbsolutePath()));
        Cli r = Cli.run("validate", file.toString());
        assertEquals(2, r.code());
        List<String> lines = r.errLines();
        assertEquals(4, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(file + ":5:1: regons: unknown key; did you mean 'regions'?"), r.err());
        assertTrue(lines.contains(file + ":8:15: enterprises.scale: must be in [1e-6, 1000], got 0"), r.err());
        assertTrue(lines.contains(file + ":7:11: barriers.labor.scale: must be in [0, 100], got -1"), r.err());
        assertTrue(lines.contains(file + ":11:5: timeline.0.ramp: must be in [0, 10000], got -3"), r.err());
    }

    @Test
    void aSweepFileGivenToRunSaysToUseSweepAndValidateChecksItAsASweep() throws IOException {
        Path sweep = TinySweep.write(tmp, "grid.yaml", 1, 2, 0.3, "0, 1");
        Path out = tmp.resolve("never");
        Cli r = Cli.run("run", sweep.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(List.of(sweep + ": this is a sweep file (it has a design), not a scenario: run it with 'yrdsim "
                + "sweep " + sweep + "', or give a scenario such as scenarios/baseline.yaml"), r.errLines());
        assertFalse(Files.exists(out));
        r = Cli.run("compare", TWO_REGIONS, sweep.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("this is a sweep file"), r.err());

        r = Cli.run("validate", sweep.toString(), TWO_REGIONS);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(sweep + ": ok (sweep file: 2 runs of two-regions; run it with 'yrdsim sweep "
                + sweep + "')"), r.out());
        Files.writeString(sweep, Files.readString(sweep).replace("iotf_revenue_share.YRD", "iotf_revenue_share.Anhu"));
        r = Cli.run("validate", sweep.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("metrics.0: no figure 'Anhu' under 'iotf_revenue_share' (known: YRD, A, B)"),
                r.err());
    }

    @Test
    void everyCommandsHelpGivesExamplesAndExitCodes() {
        for (String command : List.of("run", "resume", "verify", "validate", "compare", "sweep", "merge", "report",
                "gui")) {
            Cli r = Cli.run(command, "--help");
            assertEquals(0, r.code(), command);
            assertTrue(r.out().contains("\nExamples:\n  yrdsim "), command + ": " + r.out());
            assertTrue(r.out().contains("\nExit codes:\n   0   success"), command + ": " + r.out());
            assertTrue(r.out().contains("   2   bad input"), command);
        }
        Cli r = Cli.run("--help");
        assertTrue(r.out().contains("Examples:") && r.out().contains("Exit codes:"), r.out());
    }

    /** A shard of another split would run some runs twice and others never: it is refused. */
    @Test
    void aShardOfAnotherSplitIsRefused() throws IOException {
        Path sweep = TinySweep.write(tmp, "grid.yaml", 2, 2, 0.3, "0, 1");
        Path out = tmp.resolve("sweep");
        assertEquals(0, Cli.run("sweep", sweep.toString(), "--out", out.toString(), "--shard", "0/4", "--quiet")
                .code());
        Cli r = Cli.run("sweep", sweep.toString(), "--out", out.toString(), "--shard", "1/2", "--quiet");
        assertEquals(2, r.code());
        assertEquals(List.of("yrdsim: " + out + " is run in 4 shards (" + out.resolve("shards") + " has 0-of-4 ...), "
                + "but this is shard 1/2, of a split into 2: the two splits would run some runs twice and others "
                + "never. Give the same N, --shard I/4 with 0 <= I < 4 (the Slurm template takes N as its third "
                + "argument), or a new --out"), r.errLines());
        assertFalse(Files.exists(out.resolve("shards/1-of-2")), "the refused shard left nothing");
        for (String shard : List.of("1/4", "2/4", "3/4")) {
            assertEquals(0, Cli.run("sweep", sweep.toString(), "--out", out.toString(), "--shard", shard, "--quiet")
                    .code(), shard);
        }
        assertEquals(0, Cli.run("merge", out.toString(), "--quiet").code());
    }

    /**
     * A what-if run with --set writes next to the plain run, in a directory named by a hash of its
     * overrides, instead of being refused as a different run. Runs in a child JVM whose working
     * directory is a temporary one, as the default directory is relative to it.
     */
    @Test
    void aWhatIfRunGetsItsOwnDefaultDirectory() throws Exception {
        String scenario = Path.of(TWO_REGIONS).toAbsolutePath().toString();
        assertEquals(0, child("run", scenario, "--seed", "3", "--quiet"));
        assertEquals(0, child("run", scenario, "--seed", "3", "--set", "barriers.labor.scale=0.5", "--quiet"));
        String hash = RunStamp.overrideHash(List.of("barriers.labor.scale=0.5"));
        Path plain = tmp.resolve("results/two-regions/seed-3");
        Path whatIf = tmp.resolve("results/two-regions/seed-3-set-" + hash);
        assertEquals("complete", Manifest.read(plain).path("status").asText());
        JsonNode manifest = Manifest.read(whatIf);
        assertEquals("complete", manifest.path("status").asText());
        assertEquals("barriers.labor.scale=0.5", manifest.path("overrides").get(0).asText());
        assertEquals("two-regions-s3-set-" + hash, manifest.path("run").path("id").asText());
        assertNotEquals(Files.readString(plain.resolve("provinces.csv")), Files.readString(whatIf.resolve(
                "provinces.csv")));
    }

    private int child(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Child.javaCommand(args)).directory(tmp.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        return p.exitValue();
    }
}
