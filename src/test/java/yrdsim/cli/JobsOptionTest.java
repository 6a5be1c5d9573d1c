package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * {@code --jobs} is runs at once in compare and sweep; {@code --threads} there is a deprecated
 * alias that still works and says, in one line, to use {@code --jobs}. Neither changes a byte of
 * the data.
 */
class JobsOptionTest {

    private static final String OPEN = "src/test/resources/compare/two-regions-open.yaml";
    private static final String DEPRECATED = "--threads is deprecated in ";

    @TempDir
    Path tmp;

    private Cli compare(String name, String... jobs) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "scenarios/two-regions.yaml", OPEN,
                "--replications", "2", "--seed", "5", "--steps", "3", "--set", "enterprises.scale=0.3", "--quiet",
                "--out", tmp.resolve(name).toString()));
        args.addAll(List.of(jobs));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r;
    }

    private Cli sweep(String name, String... jobs) throws Exception {
        Path file = TinySweep.write(tmp, "grid.yaml", 2, 2, 0.3, "0, 1");
        List<String> args = new java.util.ArrayList<>(List.of("sweep", file.toString(), "--quiet", "--out",
                tmp.resolve(name).toString()));
        args.addAll(List.of(jobs));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void compareGivesTheSameBytesForAnyJobsAndTheOldNameWarnsOnce() {
        Cli one = compare("one", "--jobs", "1");
        Cli two = compare("two", "--jobs", "2");
        Cli old = compare("old", "--threads", "2");
        assertFalse(one.err().contains(DEPRECATED) || two.err().contains(DEPRECATED), two.err());
        assertEquals(List.of("yrdsim: --threads is deprecated in compare: use --jobs 2 for runs at once (--threads "
                + "means engine threads, as in 'yrdsim run')"), old.errLines());
        Map<String, String> data = hashes("one");
        assertTrue(data.containsKey("comparison.csv") && data.size() > 10, data.keySet().toString());
        assertEquals(data, hashes("two"));
        assertEquals(data, hashes("old"));
        assertEquals(1, Manifest.read(tmp.resolve("one")).path("jobs").asInt());
        assertEquals(2, Manifest.read(tmp.resolve("old")).path("jobs").asInt(), "the alias set the runs at once");
    }

    @Test
    void sweepGivesTheSameBytesForAnyJobsAndTheOldNameWarnsOnce() throws Exception {
        sweep("one", "--jobs", "1");
        sweep("two", "--jobs", "2");
        Cli old = sweep("old", "--threads", "2");
        assertEquals(List.of("yrdsim: --threads is deprecated in sweep: use --jobs 2 for runs at once (--threads "
                + "means engine threads, as in 'yrdsim run')"), old.errLines());
        Map<String, String> data = hashes("one");
        assertTrue(data.containsKey("results.csv"), data.keySet().toString());
        assertEquals(data, hashes("two"));
        assertEquals(data, hashes("old"));
        assertEquals(2, Manifest.read(tmp.resolve("old")).path("jobs").asInt());

        // The report is a function of the results too: the runs at once and the expected-file list are not provenance.
        for (String name : List.of("one", "two")) {
            assertEquals(0, Cli.run("report", tmp.resolve(name).toString(), "--quiet").code());
        }
        String report = Files.readString(tmp.resolve("one/report.md"));
        assertEquals(report, Files.readString(tmp.resolve("two/report.md")));
        assertFalse(report.contains("expected_files") || report.contains("| jobs"), report);
    }

    @Test
    void jobsMustBePositiveAndHelpNamesOnlyJobs() {
        Cli zero = Cli.run("sweep", "scenarios/sweeps/barriers-grid.yaml", "--jobs", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().startsWith("yrdsim: --jobs must be at least 1"), zero.err());
        assertEquals(2, Cli.run("compare", "scenarios/two-regions.yaml", OPEN, "--threads", "0").code());
        for (String command : List.of("compare", "sweep")) {
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("--jobs=N"), help.out());
            assertFalse(help.out().contains("--threads"), "the alias is hidden: " + help.out());
        }
        assertTrue(Cli.run("run", "--help").out().contains("--threads=N"));
    }

    private Map<String, String> hashes(String name) {
        try {
            return GoldenOutputsTest.dataHashes(tmp.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
