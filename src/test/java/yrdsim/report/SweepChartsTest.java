package yrdsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

/** Heat maps tell structure from seed noise: a grid of pure noise is grey, a real gradient is coloured. */
class SweepChartsTest {

    private static final String METRIC = "iotf_revenue_share.YRD";

    /** A 5 × 5 grid, 3 replications a cell: value = slope · (i + j) + N(0, sd²). */
    private static List<SweepCharts.Point> grid(double slope, double sd, long seed) {
        return grid(slope, sd, 0, seed);
    }

    /**
     * The same with a seed effect: replication r adds the same N(0, seedSd²) draw in every cell,
     * as common seeds do.
     */
    private static List<SweepCharts.Point> grid(double slope, double sd, double seedSd, long seed) {
        Random random = new Random(seed);
        double[] seedEffect = {seedSd * random.nextGaussian(), seedSd * random.nextGaussian(),
            seedSd * random.nextGaussian()};
        List<SweepCharts.Point> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                List<Double> values = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    values.add(0.07 + slope * (i + j) + seedEffect[r] + sd * random.nextGaussian());
                }
                points.add(new SweepCharts.Point(List.of(Double.toString(i * 0.25), Double.toString(j * 0.25)),
                        Map.of(METRIC, values), Map.of(METRIC, List.of(0, 1, 2))));
            }
        }
        return points;
    }

    @Test
    void withCommonSeedsTheSeedIsABlockAndASmallGradientIsResolved() {
        // Seeds move every cell together by about 0.01; the parameters add 0.0005 a step; the rest is 0.0003.
        List<SweepCharts.Point> points = grid(0.0005, 0.0003, 0.01, 5);
        SweepCharts.Noise oneWay = SweepCharts.noise(points, METRIC, false);
        SweepCharts.Noise blocked = SweepCharts.noise(points, METRIC, true);
        assertFalse(oneWay.resolved(), "the shared seed effect swamps a one-way test: p = " + oneWay.pValue());
        assertTrue(blocked.blocked() && blocked.resolved(), "blocked on the seed, p = " + blocked.pValue());
    }

    @Test
    void theBlockedTestAgreesWithAHandComputation() {
        // Cells (rows) × seeds (columns): SS_cells = 37/3, SS_seeds = 1.5, SS_error = 1, so
        // F = (37/3 / 2) / (1 / 2) = 37/3 on (2, 2) df, and for F(2, 2) the tail is 1 / (1 + F) = 3/40.
        List<double[]> cells = List.of(new double[] {1, 2}, new double[] {3, 3}, new double[] {4, 6});
        assertEquals(3.0 / 40, SweepCharts.blockedPValue(cells), 1e-9);
    }

    @Test
    void pureNoiseIsNotResolvedOnMostSeeds() {
        int resolved = 0;
        for (long seed = 0; seed < 200; seed++) {
            resolved += SweepCharts.noise(grid(0, 0.004, seed), METRIC, true).resolved() ? 1 : 0;
        }
        // ANOVA at the 5% level: about 10 of 200 noise grids look resolved; allow up to 24 (p < 0.001 binomial).
        assertTrue(resolved <= 24, resolved + " of 200 pure-noise grids were coloured");
    }

    @Test
    void aGradientWellAboveTheNoiseIsResolved() {
        assertTrue(SweepCharts.noise(grid(0.004, 0.004, 1), METRIC, true).resolved());
    }

    @Test
    void anUnresolvedGridIsGreyAndSaysSoAndItsNoiseIsBesideIt() {
        List<HeatMapChart> panels = SweepCharts.heatMap(grid(0, 0.004, 3), List.of("a", "b"), METRIC, 3, true);
        assertEquals(2, panels.size());
        HeatMapChart means = panels.get(0);
        Color[] colors = means.getStyler().getRangeColors();
        assertTrue(List.of(colors).stream().distinct().count() == 1, "one grey for every cell");
        assertTrue(means.getTitle().contains("grey: within seed noise (seed-blocked ANOVA p = "), means.getTitle());
        assertTrue(means.getTitle().startsWith("IotF share of revenue, whole delta (%)"), means.getTitle());
        assertTrue(panels.get(1).getTitle().startsWith("Seed noise: SD over the 3 replications"), panels.get(1).getTitle());
        // Shares are drawn in per cent: cells near 7, not 0.07.
        Number[] cell = panels.get(0).getHeatMapSeries().getHeatData().get(0);
        double first = cell[2].doubleValue();
        assertEquals(7, first, 2);
    }

    @Test
    void aResolvedGridIsColoured() {
        HeatMapChart means = SweepCharts.heatMap(grid(0.004, 0.001, 3), List.of("a", "b"), METRIC, 3, true).get(0);
        assertTrue(List.of(means.getStyler().getRangeColors()).stream().distinct().count() > 1);
        assertFalse(means.getTitle().contains("grey"), means.getTitle());
    }

    @Test
    void oneReplicationGivesTheMeansAloneAndSaysTheNoiseIsUnknown() {
        List<SweepCharts.Point> points = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                points.add(new SweepCharts.Point(List.of(Integer.toString(i), Integer.toString(j)),
                        Map.of("clusters.emerged", List.of(10.0 + i + j)), Map.of("clusters.emerged", List.of(0))));
            }
        }
        List<HeatMapChart> panels = SweepCharts.heatMap(points, List.of("a", "b"), "clusters.emerged", 1, true);
        assertEquals(1, panels.size());
        assertTrue(panels.get(0).getTitle().endsWith("seed noise unknown (one value a cell)"), panels.get(0).getTitle());
    }
}
