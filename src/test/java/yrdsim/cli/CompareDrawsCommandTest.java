package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --parameter-draws N --estimates DIR}: bad input is one clear line naming the
 * file and the key, exit code 2, no stack trace, and nothing written.
 */
class CompareDrawsCommandTest {

    private static final String POLICY = "src/test/resources/compare/two-regions-open.yaml";

    @TempDir
    Path tmp;

    private Path calibration(String estimates, String covariance) throws Exception {
        Path dir = tmp.resolve("cal");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("estimates.csv"), estimates);
        Files.writeString(dir.resolve("covariance.csv"), covariance);
        return dir;
    }

    private Path goodCalibration() throws Exception {
        return calibration("""
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.1,0.03,0.03,0.3,0.1,FALSE
                """, """
                parameter,parameters.gibrat_sigma
                parameters.gibrat_sigma,0.0009
                """);
    }

    /** compare with draws into tmp/out; the result must be bad input and leave nothing. */
    private Cli refused(String baseline, String policy, String... more) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("compare", baseline, policy, "--replications", "2", "--steps",
                "2", "--set", "enterprises.scale=0.3", "--out", out.toString()));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertFalse(r.hasStackTrace(), r.err());
        assertFalse(Files.exists(out), "nothing written: " + r.err());
        return r;
    }

    @Test
    void aMissingOrMalformedCalibrationDirectoryIsRefusedByName() throws Exception {
        Cli r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates",
                tmp.resolve("nowhere").toString());
        assertTrue(r.err().contains("nowhere: no such directory"), r.err());

        Path dir = calibration("""
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.1,0.03,0.03,0.3,0.1,FALSE
                parameters.exit_hazard,abc,0.004,0.001,0.05,0.005,FALSE
                """, "parameter,parameters.gibrat_sigma,parameters.exit_hazard\n");
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("estimates.csv") + ":3: parameters.exit_hazard: estimate is 'abc'"),
                r.err());

        Files.delete(dir.resolve("covariance.csv"));
        Files.writeString(dir.resolve("estimates.csv"), Files.readString(dir.resolve("estimates.csv"))
                .replace("abc", "0.01"));
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("covariance.csv") + ": missing"), r.err());

        Files.writeString(dir.resolve("covariance.csv"), """
                parameter,parameters.gibrat_sigma,parameters.exit_hazard
                parameters.gibrat_sigma,0.0009,
                parameters.exit_hazard,0,0.000016
                """);
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("covariance.csv") + ":2: parameters.gibrat_sigma: "
                + "parameters.exit_hazard has no value"), r.err());
    }

    @Test
    void fewerThanTwoDrawsOrAMissingHalfIsAUsageError() throws Exception {
        Path dir = goodCalibration();
        for (String n : List.of("0", "-1", "1")) {
            Cli r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", n, "--estimates",
                    dir.toString());
            assertTrue(r.err().contains("--parameter-draws must be at least 2"), r.err());
        }
        Cli r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3");
        assertTrue(r.err().contains("--parameter-draws needs --estimates DIR"), r.err());
        r = refused("scenarios/two-regions.yaml", POLICY, "--estimates", dir.toString());
        assertTrue(r.err().contains("--estimates is for parameter draws"), r.err());
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString(),
                "--set", "parameters.gibrat_sigma=0.2");
        assertTrue(r.err().contains("--set parameters.gibrat_sigma=0.2: parameters.gibrat_sigma is estimated in"),
                r.err());
    }

    @Test
    void aParameterTheScenarioLacksOrAPolicyChangesIsRefusedAtItsLine() throws Exception {
        Path dir = calibration("""
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.1,0.03,0.03,0.3,0.1,FALSE
                parameters.no_such_parameter,0.5,0.1,0,1,0.5,FALSE
                """, """
                parameter,parameters.gibrat_sigma,parameters.no_such_parameter
                parameters.gibrat_sigma,0.0009,0
                parameters.no_such_parameter,0,0.01
                """);
        Cli r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("estimates.csv") + ":3:1: parameters.no_such_parameter: the scenario "
                + "scenarios/two-regions.yaml has no value at this path"), r.err());

        Path policy = tmp.resolve("shocks.yaml");
        Files.writeString(policy, """
                extends: %s
                name: shocks
                parameters:
                  gibrat_sigma: 0.2
                sources:
                  parameters.gibrat_sigma: assumption
                """.formatted(Path.of("scenarios/two-regions.yaml").toAbsolutePath()));
        r = refused("scenarios/two-regions.yaml", policy.toString(), "--parameter-draws", "3", "--estimates",
                goodCalibration().toString());
        assertTrue(r.err().contains(":2:1: parameters.gibrat_sigma: the policy " + policy + " sets it to 0.2"),
                r.err());
    }

    @Test
    void anUnfinishedCalibrationOrATableWithoutItsColumnsIsRefused() throws Exception {
        Path dir = goodCalibration();
        Files.writeString(dir.resolve("manifest.json"), """
                {"kind": "calibration", "status": "running"}
                """);
        Cli r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("manifest.json") + ": the calibration is not complete (status "
                + "'running')"), r.err());

        Files.writeString(dir.resolve("manifest.json"), """
                {"kind": "calibration", "status": "complete"}
                """);
        Files.writeString(dir.resolve("estimates.csv"), """
                parameter,estimate,standard_error,upper_bound
                parameters.gibrat_sigma,0.1,0.03,0.3
                """);
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("estimates.csv") + ":1: no column 'lower_bound'"), r.err());

        Files.writeString(dir.resolve("estimates.csv"), """
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.5,0.03,0.03,0.3,0.1,FALSE
                """);
        r = refused("scenarios/two-regions.yaml", POLICY, "--parameter-draws", "3", "--estimates", dir.toString());
        assertTrue(r.err().contains(dir.resolve("estimates.csv") + ":2: parameters.gibrat_sigma: estimate 0.5 is "
                + "outside its bounds [0.03, 0.3]"), r.err());
    }

    @Test
    void badEstimatesLeaveAFinishedComparisonAsItWasEvenWithForce() throws Exception {
        Path out = tmp.resolve("kept");
        Cli first = Cli.run("compare", "scenarios/two-regions.yaml", POLICY, "--replications", "2", "--steps", "2",
                "--set", "enterprises.scale=0.3", "--out", out.toString(), "--quiet");
        assertEquals(0, first.code(), first.err());
        Map<Path, byte[]> before = contents(out);
        Path dir = calibration("""
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.1,0.03,0.03,0.3,0.1,FALSE
                parameters.exit_hazard,0.01,,0.001,0.05,0.005,FALSE
                """, """
                parameter,parameters.gibrat_sigma,parameters.exit_hazard
                parameters.gibrat_sigma,0.0009,
                parameters.exit_hazard,,
                """);
        Cli r = Cli.run("compare", "scenarios/two-regions.yaml", POLICY, "--replications", "2", "--steps", "2",
                "--set", "enterprises.scale=0.3", "--out", out.toString(), "--parameter-draws", "2", "--estimates",
                dir.toString(), "--force");
        assertEquals(2, r.code(), r.err());
        assertFalse(r.hasStackTrace(), r.err());
        assertTrue(r.err().contains(dir.resolve("covariance.csv") + ":2: parameters.gibrat_sigma: "
                + "parameters.exit_hazard has no value"), r.err());
        Map<Path, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet(), "no file added or lost");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file.toString()));
    }

    private static Map<Path, byte[]> contents(Path dir) throws Exception {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f), Files.readAllBytes(f));
            }
        }
        return files;
    }
}
