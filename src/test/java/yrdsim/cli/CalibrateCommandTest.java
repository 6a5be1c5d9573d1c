package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yrdsim calibrate} on bad input: every problem of a target or parameter file is one
 * line {@code FILE:LINE:COL: key.path: message}, exit code 2, nothing written; and the shipped
 * target and parameter files are valid against the baseline.
 */
class CalibrateCommandTest {

    @TempDir
    Path tmp;

    private static final String PARAMS = """
            set:
              time.steps: 8
            parameters:
              parameters.exit_hazard: {min: 0.001, max: 0.03}
            """;

    private static String target(String id, String body) {
        return "  - id: " + id + "\n" + body.indent(4);
    }

    private Cli calibrate(String targets, String params) throws Exception {
        Path t = tmp.resolve("targets.yaml");
        Path p = tmp.resolve("params.yaml");
        Files.writeString(t, targets);
        Files.writeString(p, params);
        return Cli.run("calibrate", "scenarios/two-regions.yaml", t.toString(), "--parameters", p.toString(),
                "--out", tmp.resolve("out").toString(), "--max-evaluations", "2", "--replications", "1", "--quiet");
    }

    @Test
    void badTargetsAreRefusedWithFileLineColumnAndExitCode2() throws Exception {
        String targets = "targets:\n"
                + target("negative_se", "value: 1\nse: -0.5\nsource: a paper\nstatistic: firms.end")
                + target("no_source", "value: 1\nse: 0.5\nstatistic: firms.end")
                + target("weight_without_reason", "value: 1\nweight: 4\nsource: x\nstatistic: firms.end")
                + target("bad_syntax", "value: 1\nse: 1\nsource: x\nstatistic: sum(flows.amount[factor=technology)");
        Cli cli = calibrate(targets, PARAMS);
        assertEquals(2, cli.code(), cli.err());
        List<String> lines = cli.errLines();
        String file = tmp.resolve("targets.yaml").toString();
        assertTrue(lines.contains(file + ":4:5: targets.0.se: must be a standard error above 0, got -0.5"), cli.err());
        assertTrue(lines.contains(file + ":7:5: targets.1.source: missing (a non-empty string)"), cli.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":13:5: targets.2.weight: a weight needs "
                + "weight_reason")), cli.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":20:5: targets.3.statistic: cannot read")
                && l.contains("expected ']'")), cli.err());
        assertFalse(cli.hasStackTrace(), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }

    @Test
    void aStatisticTheModelDoesNotHaveIsRefusedAfterAProbeRun() throws Exception {
        String targets = "targets:\n"
                + target("unknown_figure", "value: 1\nse: 0.5\nsource: x\nstatistic: iotf_revenue_share.Atlantis")
                + target("unknown_column", "value: 1\nse: 0.5\nsource: x\nstatistic: sum(flows.volume)")
                + target("unknown_value", "value: 1\nse: 0.5\nsource: x\n"
                        + "statistic: sum(flows.amount[factor=teleportation])")
                + target("unknown_firm_statistic", "value: 1\nse: 0.5\nsource: x\n"
                        + "statistic: firm_dynamics.growth_skew")
                + target("fine", "value: 1\nse: 0.5\nsource: x\nstatistic: iotf_revenue_share.A + 1");
        Cli cli = calibrate(targets, PARAMS);
        assertEquals(2, cli.code(), cli.err());
        String file = tmp.resolve("targets.yaml").toString();
        List<String> lines = cli.errLines();
        assertEquals(4, lines.size(), cli.err());
        assertTrue(lines.get(0).startsWith(file + ":6:5: targets.unknown_figure.statistic: no figure 'Atlantis' "
                + "under 'iotf_revenue_share' (known: YRD, A, B)"), cli.err());
        assertTrue(lines.get(1).startsWith(file + ":11:5: targets.unknown_column.statistic: no column 'volume' in "
                + "flows.csv"), cli.err());
        assertTrue(lines.get(2).startsWith(file + ":16:5: targets.unknown_value.statistic: no row of flows.csv has "
                + "factor 'teleportation'"), cli.err());
        assertTrue(lines.get(3).contains("no firm-dynamics statistic 'growth_skew'"), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }

    @Test
    void badParametersAreRefusedAtTheirLine() throws Exception {
        String targets = "targets:\n" + target("fine", "value: 1\nse: 0.5\nsource: x\nstatistic: firms.end");
        Cli cli = calibrate(targets, """
                parameters:
                  parameters.exit_hazard: {min: 0.001, max: 0.9}
                  parameters.no_such_parameter: {min: 0, max: 1}
                  parameters.gibrat_sigma: {min: 0.3, max: 0.1}
                """);
        assertEquals(2, cli.code(), cli.err());
        String file = tmp.resolve("params.yaml").toString();
        List<String> lines = cli.errLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(file + ":4:3: parameters.parameters.gibrat_sigma: min "
                + "must be below max")), cli.err());
        assertFalse(Files.exists(tmp.resolve("out")));
        Cli second = calibrate(targets, """
                parameters:
                  parameters.exit_hazard: {min: 0.001, max: 0.9}
                  parameters.no_such_parameter: {min: 0, max: 1}
                """);
        assertEquals(2, second.code(), second.err());
        assertTrue(second.errLines().stream().anyMatch(l -> l.startsWith(file + ":2:3: parameters.parameters"
                + ".exit_hazard: ") && l.contains("0.9")), second.err());
        assertTrue(second.errLines().stream().anyMatch(l -> l.startsWith(file + ":3:3: parameters.parameters"
                + ".no_such_parameter: ")), second.err());
    }

    @Test
    void theShippedTargetsAndParametersAreValidAgainstTheBaseline() throws Exception {
        Path out = tmp.resolve("shipped");
        // Two evaluations of one replication of 8 quarters: the files, the probe and the outputs, not the fit.
        Cli cli = Cli.run("calibrate", "scenarios/baseline.yaml", "scenarios/targets/yrd-2019.yaml",
                "--parameters", "scenarios/targets/yrd-2019-parameters.yaml", "--set", "time.steps=8", "--out",
                out.toString(), "--max-evaluations", "2", "--replications", "1", "--quiet");
        assertEquals(0, cli.code(), cli.err());
        for (String f : List.of("estimates.csv", "covariance.csv", "moments.csv", "fit.json", "calibrated.yaml",
                "report.md", "report.html", "charts/fit.png", "charts/trace.png", "evaluations.csv", "trace.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(0, Cli.run("verify", out.toString()).code());
        Cli validate = Cli.run("validate", out.resolve("calibrated.yaml").toString());
        assertEquals(0, validate.code(), validate.err());
        assertFalse(validate.err().contains("warning"), "every estimate has a source: " + validate.err());
    }
}
