package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * A calibration killed with SIGKILL midway (no shutdown hook) and run again with the same
 * command reuses the replications it had finished and reaches byte-identical estimates, moments
 * and trace.
 */
class CalibrateKillTest {

    @TempDir
    Path tmp;

    private List<String> args(Path out) throws Exception {
        Path targets = tmp.resolve("targets.yaml");
        Path params = tmp.resolve("params.yaml");
        Files.writeString(targets, """
                targets:
                  - id: exit_rate
                    value: 0.05
                    se: 0.01
                    source: test
                    statistic: sum(sectors.exits) / (sum(sectors.firms) / 4)
                  - id: growth_sd
                    value: 0.2
                    se: 0.05
                    source: test
                    statistic: firm_dynamics.growth_sd
                  - id: kurtosis
                    value: 5
                    se: 1
                    source: test
                    statistic: firm_dynamics.growth_kurtosis
                """);
        Files.writeString(params, """
                set:
                  time.steps: 16
                parameters:
                  parameters.exit_hazard: {min: 0.001, max: 0.03, start: 0.005}
                  parameters.gibrat_sigma: {min: 0.03, max: 0.3, start: 0.1}
                """);
        return List.of("calibrate", "scenarios/two-regions.yaml", targets.toString(), "--parameters",
                params.toString(), "--out", out.toString(), "--replications", "2", "--max-evaluations", "24",
                "--jobs", "1", "--quiet");
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var l = Files.lines(file)) {
            return l.count();
        }
    }

    @Test
    void aCalibrationKilledMidwayResumesToTheSameEstimates() throws Exception {
        Path reference = tmp.resolve("reference");
        Cli whole = Cli.run(args(reference).toArray(String[]::new));
        assertEquals(0, whole.code(), whole.err());

        Path out = tmp.resolve("killed");
        Path log = out.resolve("evaluations.csv");
        Process child = Child.start(Child.javaCommand(args(out).toArray(String[]::new)), tmp.resolve("logs"));
        // Kill after about ten replications, well before the 24 x 2 + 8 the calibration needs.
        Child.killWhen(child, () -> lines(log) >= 11, tmp.resolve("logs"));
        long kept = lines(log) - 1;
        assertTrue(kept >= 10 && kept < 50, "killed midway: " + kept + " replications finished");
        assertEquals(Manifest.RUNNING, Manifest.read(out).path("status").asText());

        Cli resumed = Cli.run(args(out).stream().filter(a -> !a.equals("--quiet")).toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("holds " + kept + " finished replications; they are reused"), resumed.err());
        for (String file : List.of("estimates.csv", "covariance.csv", "moments.csv", "trace.csv", "fit.json")) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
        }
        assertEquals(Manifest.COMPLETE, Manifest.read(out).path("status").asText());
        Cli again = Cli.run(args(out).toArray(String[]::new));
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(Files.readAllBytes(reference.resolve("estimates.csv")),
                Files.readAllBytes(out.resolve("estimates.csv")), "a complete calibration is left as it is");
    }
}
