package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;

class SweepFileTest {

    private static SweepFile parse(String text) throws ScenarioException {
        return SweepFile.parse(Path.of("sweeps", "s.yaml"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void readsAValidFile() throws Exception {
        SweepFile f = parse("""
                scenario: ../two-regions.yaml
                description: labour barrier
                seed: 3
                replications: 2
                steps: 8
                common_seeds: true
                set:
                  enterprises.scale: 0.1
                design:
                  type: grid
                  samples: 3
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                    regions.A.talent: {min: 50, max: 150}
                metrics:
                  - iotf_revenue_share.YRD
                  - clusters.emerged
                """);
        assertEquals(Path.of("two-regions.yaml"), f.scenario(), "relative to the sweep file's directory");
        assertEquals(3, f.seed());
        assertEquals(2, f.replications());
        assertEquals(8, f.steps());
        assertTrue(f.commonSeeds());
        assertEquals(DesignType.GRID, f.type());
        assertEquals(List.of("barriers.labor.scale", "regions.A.talent"), f.parameterNames());
        assertEquals(List.of("iotf_revenue_share.YRD", "clusters.emerged"), f.metrics());
        assertEquals("enterprises.scale", f.set().get(0).path());
        assertEquals(64, f.sha256().length());
    }

    @Test
    void reportsEveryProblemWithFileLineColumnAndKeyPath() {
        List<String> got = problems("""
                scenario: x.yaml
                seed: -1
                replications: 0
                stepz: 8
                design:
                  type: grd
                  parameters:
                    barriers.labor.scale: {min: 1, max: 0}
                metrics:
                  - clusters.emerged
                  - 3
                """);
        String f = Path.of("sweeps", "s.yaml").toString();
        assertEquals(List.of(
                f + ":2:1: seed: must be a whole number in [0, 9223372036854775807], got the number -1",
                f + ":3:1: replications: must be a whole number in [1, 2147483647], got the number 0",
                f + ":4:1: stepz: unknown key; did you mean 'steps'? (allowed: scenario, description, seed, replications, steps, "
                        + "common_seeds, keep_run_files, keep_series, set, design, metrics)",
                f + ":6:3: design.type: unknown design 'grd'; did you mean 'grid'? (allowed: grid, lhs, sobol, oat)",
                f + ":8:5: design.parameters.barriers.labor.scale: min must be below max, got [1, 0]",
                f + ":11:5: metrics.1: must be a dotted path into summary.json, such as clusters.emerged"), got);
    }

    @Test
    void sampledDesignsNeedRangesAndSamples() {
        List<String> got = problems("""
                scenario: x.yaml
                seed: 1
                replications: 1
                design:
                  type: sobol
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                    barriers.technology.scale: {min: 0}
                metrics: [clusters.emerged]
                """);
        assertEquals(3, got.size(), got.toString());
        assertTrue(got.get(0).contains("design.samples: missing: the number of base samples N"), got.get(0));
        assertTrue(got.get(1).contains(":7:28: design.parameters.barriers.labor.scale.values: a sobol design "
                + "samples a range"), got.get(1));
        assertTrue(got.get(2).contains("design.parameters.barriers.technology.scale.max: missing"), got.get(2));
    }

    @Test
    void refusesAmbiguousColumnsAndConflictingSettings() {
        List<String> got = problems("""
                scenario: x.yaml
                seed: 1
                replications: 1
                steps: 4
                set:
                  barriers.labor.scale: 0.5
                  time.steps: 8
                design:
                  type: grid
                  parameters:
                    barriers.labor.scale: {values: [0, 0, 1]}
                metrics: [seed, barriers.labor.scale, clusters.emerged, clusters.emerged]
                """);
        String all = String.join("\n", got);
        assertTrue(all.contains("set.time.steps: conflicts with steps"), all);
        assertTrue(all.contains(":11:40: design.parameters.barriers.labor.scale.values.1: repeats the value 0"), all);
        assertTrue(all.contains("metrics.0: 'seed' is already a column of results.csv"), all);
        assertTrue(all.contains("metrics.3: 'clusters.emerged' is already a column"), all);
    }

    @Test
    void aSweptPathMayAlsoBeSetToGiveItsBaseValue() throws Exception {
        SweepFile f = parse("""
                scenario: x.yaml
                seed: 1
                replications: 1
                set: {barriers.labor.scale: 0.5}
                design:
                  type: oat
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                metrics: [clusters.emerged]
                """);
        assertEquals("barriers.labor.scale", f.set().get(0).path());
        assertEquals(List.of("barriers.labor.scale"), f.parameterNames());
    }

    @Test
    void emptyAndMissingFilesAreReportedOnOneLine() {
        assertEquals(List.of(Path.of("sweeps", "s.yaml") + ":1:1: the file is empty (it must be a YAML mapping)"),
                problems(""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFile.read(Path.of("no", "such.yaml")));
        assertEquals(Path.of("no", "such.yaml") + ": no such file", e.problems().get(0).toString());
    }
}
