package yrdsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.cli.Cli;

/**
 * The worked examples run on real (small) outputs: examples/analysis.py with pandas, examples/
 * analysis.R with Rscript, and the README's two-run stacking snippet. Where Python has no pandas
 * the Python tests are skipped, except under CI ({@code YRDSIM_CI}, which {@code .ci/run} sets
 * after installing python3-pandas), where they fail; R is optional everywhere.
 */
class ExamplesTest {

    /** Set by .ci/run: the examples must run there. */
    private static final boolean CI = System.getenv("YRDSIM_CI") != null;
    private static final String TWO_REGIONS = "scenarios/two-regions.yaml";

    @TempDir
    static Path tmp;

    private static Path comparison;
    private static Path sweep;

    @BeforeAll
    static void outputs() throws IOException {
        comparison = tmp.resolve("compare");
        succeed("compare", TWO_REGIONS, "src/test/resources/compare/two-regions-open.yaml", "--replications", "2",
                "--steps", "4", "--set", "enterprises.scale=0.3", "--out", comparison.toString(), "--quiet");
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, """
                scenario: %s
                seed: 3
                replications: 2
                steps: 4
                set:
                  enterprises.scale: 0.3
                design:
                  type: grid
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                metrics:
                  - iotf_revenue_share.YRD
                """.formatted(Path.of(TWO_REGIONS).toAbsolutePath()));
        sweep = tmp.resolve("sweep");
        succeed("sweep", file.toString(), "--keep", "series", "--out", sweep.toString(), "--quiet");
    }

    @Test
    void thePythonExampleStacksAComparisonAndASweepAndPlotsTheIotfShare() throws Exception {
        String python = pythonWithPandas();
        Path out = tmp.resolve("python");
        String printed = run(List.of(python, "examples/analysis.py", comparison.toString(), sweep.toString(), "--out",
                out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("iotf-share.csv"));
        assertEquals("source,group,step,period,mean,sd,n,ci95_low,ci95_high", csv.get(0));
        // Two scenarios and two design points, 4 quarters each, each over its 2 seeds.
        assertEquals(1 + 4 * 4, csv.size(), String.join("\n", csv));
        for (String group : List.of("comparison,two-regions,", "comparison,two-regions-open,",
                "sweep,barriers.labor.scale=0,", "sweep,barriers.labor.scale=1,")) {
            assertTrue(csv.stream().anyMatch(l -> l.startsWith(group + "3,2020Q4,") && l.contains(",2,")), group);
        }
        assertTrue(printed.contains("over 2 seeds"), printed);
        if (exitCode(List.of(python, "-c", "import matplotlib")) == 0) {
            assertTrue(Files.size(out.resolve("iotf-share.png")) > 5000, "the chart, drawn without a display");
        }
    }

    @Test
    void theReadmesStackingSnippetRunsOnTwoRuns() throws Exception {
        String python = pythonWithPandas();
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("(?s)<!-- stacking example -->\\s*```python\\n(.*?)```").matcher(readme);
        assertTrue(block.find(), "README.md has the stacking example after '<!-- stacking example -->'");
        List<String> runs = List.of(comparison.resolve("runs/two-regions/seed-20200101").toString(),
                comparison.resolve("runs/two-regions-open/seed-20200101").toString());
        String code = block.group(1).replaceFirst("(?m)^runs = \\[.*]$",
                Matcher.quoteReplacement("runs = [\"" + String.join("\", \"", runs) + "\"]"));
        assertTrue(code.contains(runs.get(0)), "the snippet names its runs in one line 'runs = [...]'");
        Path script = tmp.resolve("stacking.py");
        Files.writeString(script, code);
        String printed = run(List.of(python, script.toString()));
        assertTrue(printed.contains("2020Q4") && printed.contains("two-regions-open-s20200101"), printed);
    }

    @Test
    void theRExampleDoesTheSameInBaseR() throws Exception {
        Assumptions.assumeTrue(exitCode(List.of("Rscript", "--version")) == 0,
                "Rscript is not installed: the R example is optional and is not run");
        Path out = tmp.resolve("r");
        String printed = run(List.of("Rscript", "examples/analysis.R", comparison.toString(), sweep.toString(),
                out.toString()));
        List<String> csv = Files.readAllLines(out.resolve("iotf-share-r.csv"));
        assertEquals("\"source\",\"group\",\"step\",\"period\",\"mean\",\"sd\",\"n\",\"ci95_low\",\"ci95_high\"",
                csv.get(0));
        assertEquals(1 + 4 * 4, csv.size(), String.join("\n", csv));
        assertTrue(printed.contains("over 2 seeds"), printed);
        assertTrue(Files.size(out.resolve("iotf-share-r.png")) > 5000);
    }

    /**
     * A Python 3 that has pandas: $YRDSIM_PYTHON, python3 on the path, or /usr/bin/python3 (where
     * apt puts python3-pandas when the path's python3 is another installation). None: skipped,
     * but under CI a failure saying what to install.
     */
    private static String pythonWithPandas() throws Exception {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("YRDSIM_PYTHON") != null) {
            candidates.add(System.getenv("YRDSIM_PYTHON"));
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String python : candidates) {
            if (exitCode(List.of(python, "-c", "import pandas")) == 0) {
                return python;
            }
        }
        String why = "no Python 3 with pandas among " + candidates + " (set YRDSIM_PYTHON to one, or install "
                + "python3-pandas and python3-matplotlib, as .ci/run does)";
        if (CI) {
            fail("the worked examples must run under CI, but there is " + why);
        }
        Assumptions.abort("the Python examples are not run: " + why);
        return null;
    }

    /** Runs {@code command} without a display, from the project directory, and returns its output; fails on a non-zero exit. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().put("MPLBACKEND", "Agg");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish: " + output);
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** The exit code of {@code command}, or -1 when it cannot be started. */
    private static int exitCode(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void succeed(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + ": " + r.err());
    }
}
