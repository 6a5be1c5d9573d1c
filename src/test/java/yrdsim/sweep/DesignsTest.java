package yrdsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.ScenarioTree;

class DesignsTest {

    /** Dimension j's strata, floor(n x), over all points: one point per stratum means a permutation of 0..n-1. */
    private static void assertOnePointPerStratum(double[][] x, int n, int d) {
        assertEquals(n, x.length);
        for (int j = 0; j < d; j++) {
            boolean[] hit = new boolean[n];
            for (double[] point : x) {
                assertTrue(point[j] >= 0 && point[j] < 1, "inside the unit interval: " + point[j]);
                int stratum = (int) Math.floor(point[j] * n);
                assertFalse(hit[stratum], "dimension " + j + ": two points in stratum " + stratum);
                hit[stratum] = true;
            }
        }
    }

    @Test
    void latinHypercubeHasExactlyOnePointPerStratumInEveryDimension() {
        for (int n : new int[] {1, 2, 7, 100, 1000}) {
            for (long seed : new long[] {0, 1, 20200101}) {
                assertOnePointPerStratum(Designs.latinHypercube(n, 6, seed), n, 6);
            }
        }
    }

    @Test
    void latinHypercubeIsAFunctionOfItsSeed() {
        assertTrue(java.util.Arrays.deepEquals(Designs.latinHypercube(50, 3, 9), Designs.latinHypercube(50, 3, 9)));
        assertFalse(java.util.Arrays.deepEquals(Designs.latinHypercube(50, 3, 9), Designs.latinHypercube(50, 3, 10)));
    }

    @Test
    void latinHypercubeStrataAreMatchedIndependently() {
        // Identical permutations in two dimensions would put every point on the diagonal strata.
        double[][] x = Designs.latinHypercube(200, 2, 3);
        int diagonal = 0;
        for (double[] p : x) {
            diagonal += (int) (p[0] * 200) == (int) (p[1] * 200) ? 1 : 0;
        }
        assertTrue(diagonal < 10, "points on the diagonal: " + diagonal);
    }

    @Test
    void lhsDesignFromASweepFileKeepsOnePointPerStratumOfEachRange() throws Exception {
        SweepFile file = SweepFile.parse(Path.of("lhs.yaml"), """
                scenario: x.yaml
                seed: 5
                replications: 1
                design:
                  type: lhs
                  samples: 40
                  parameters:
                    barriers.labor.scale: {min: 0, max: 1}
                    parameters.plan_smoothing: {min: 0.05, max: 0.3}
                metrics: [clusters.emerged]
                """.getBytes(StandardCharsets.UTF_8));
        Design design = Designs.build(file, null);
        assertEquals(40, design.size());
        double[][] unit = new double[40][2];
        double[][] ranges = {{0, 1}, {0.05, 0.3}};
        for (int p = 0; p < 40; p++) {
            for (int j = 0; j < 2; j++) {
                unit[p][j] = (design.number(p, j) - ranges[j][0]) / (ranges[j][1] - ranges[j][0]);
            }
        }
        assertOnePointPerStratum(unit, 40, 2);
    }

    @Test
    void saltelliRowsAreABThenEachMixedRow() {
        int d = 3;
        double[][] rows = Designs.saltelli(16, d);
        assertEquals(16 * (d + 2), rows.length);
        for (int j = 0; j < 16; j++) {
            double[] a = rows[j * (d + 2)];
            double[] b = rows[j * (d + 2) + 1];
            for (int i = 0; i < d; i++) {
                double[] ab = rows[j * (d + 2) + 2 + i];
                for (int k = 0; k < d; k++) {
                    assertEquals(k == i ? b[k] : a[k], ab[k], 0.0, "AB^" + i + " column " + k);
                }
            }
        }
        // The skipped origin does not appear; the first point of a Sobol sequence after it is (0.5, ...).
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, rows[0], 0.0);
    }

    @Test
    void gridVariesTheFirstParameterSlowestAndSpacesRangesEvenly() throws Exception {
        SweepFile file = SweepFile.parse(Path.of("grid.yaml"), """
                scenario: x.yaml
                seed: 5
                replications: 2
                design:
                  type: grid
                  samples: 3
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                    barriers.technology.scale: {min: 0, max: 0.3}
                metrics: [clusters.emerged]
                """.getBytes(StandardCharsets.UTF_8));
        Design design = Designs.build(file, null);
        List<String> points = new ArrayList<>();
        for (int p = 0; p < design.size(); p++) {
            points.add(Values.cell(design.value(p, 0)) + "/" + Values.cell(design.value(p, 1)));
        }
        assertEquals(List.of("0/0", "0/0.15", "0/0.3", "1/0", "1/0.15", "1/0.3"), points);
    }

    @Test
    void oneAtATimeStartsAtTheScenarioAndMovesOneParameterAtATime() throws Exception {
        ScenarioTree base = ScenarioTree.parse("""
                name: t
                barriers:
                  labor: {scale: 0.5}
                  technology: {scale: 1.0}
                """, "t.yaml");
        SweepFile file = SweepFile.parse(Path.of("oat.yaml"), """
                scenario: x.yaml
                seed: 5
                replications: 1
                design:
                  type: oat
                  samples: 3
                  parameters:
                    barriers.labor.scale: {min: 0, max: 1}
                    barriers.technology.scale: {values: [0, 1]}
                metrics: [clusters.emerged]
                """.getBytes(StandardCharsets.UTF_8));
        Design design = Designs.build(file, base);
        List<String> points = new ArrayList<>();
        for (int p = 0; p < design.size(); p++) {
            points.add(Values.cell(design.value(p, 0)) + "/" + Values.cell(design.value(p, 1)));
        }
        // Levels equal to the scenario's own value (0.5 for labour, 1 for technology) are the centre already.
        assertEquals(List.of("0.5/1", "0/1", "1/1", "0.5/0"), points);
    }

    @Test
    void seedsAreDistinctDeterministicAndCommonOnRequest() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int p = 0; p < 200; p++) {
            for (int r = 0; r < 5; r++) {
                long s = Seeds.of(11, p, r, false);
                assertTrue(s >= 0 && s < (1L << 31), "seed in [0, 2^31): " + s);
                assertEquals(s, Seeds.of(11, p, r, false));
                seen.add(s);
            }
        }
        assertEquals(1000, seen.size(), "1000 runs, 1000 seeds");
        assertEquals(Seeds.of(11, 3, 2, true), Seeds.of(11, 170, 2, true));
        assertTrue(Seeds.of(11, 3, 1, true) != Seeds.of(11, 3, 2, true));
        assertTrue(Seeds.of(11, 3, 1, false) != Seeds.of(12, 3, 1, false));
    }
}
