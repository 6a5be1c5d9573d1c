package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import sim.util.gui.DisclosurePanel;
import org.jfree.data.xy.XYSeries;
import sim.util.media.chart.TimeSeriesChartGenerator;
import yrdsim.model.YrdModel;

/**
 * The chart windows: tiled beside the map without overlap at a size that shows the whole chart
 * with its axis titles, and without MASON's PDF button, whose library yrdsim leaves out.
 */
class ChartWindowsTest {

    /** The baseline's Console and map on a 1600 × 1000 display, as measured there. */
    private static final Rectangle SCREEN = new Rectangle(0, 0, 1600, 1000);
    private static final Rectangle CONSOLE = new Rectangle(0, 0, 470, 820);
    private static final Rectangle MAP = new Rectangle(474, 0, 631, 761);
    private static final int CHARTS = 6;

    @Test
    void sixChartsTileBesideAndUnderTheBaselineMapWithoutOverlap() {
        List<Rectangle> tiles = ChartLayout.tile(SCREEN, CONSOLE, MAP, CHARTS);
        assertEquals(CHARTS, tiles.size());
        // Not the cascade: every chart has room beyond the minimum.
        assertTrue(tiles.stream().allMatch(t -> t.height >= 230), tiles.toString());
        for (int i = 0; i < tiles.size(); i++) {
            Rectangle t = tiles.get(i);
            assertTrue(SCREEN.contains(t), t + " is on screen");
            assertTrue(t.width >= ChartLayout.MIN_WIDTH && t.height >= ChartLayout.MIN_HEIGHT, t.toString());
            assertFalse(t.intersects(MAP) || t.intersects(CONSOLE), t + " leaves the map and Console free");
            for (int j = 0; j < i; j++) {
                assertFalse(t.intersects(tiles.get(j)), t + " overlaps " + tiles.get(j));
            }
        }
    }

    @Test
    void aWideLowMapGetsItsChartsUnderIt() {
        // The two-regions test bed's map.
        Rectangle map = new Rectangle(474, 0, 777, 482);
        List<Rectangle> tiles = ChartLayout.tile(SCREEN, CONSOLE, map, CHARTS);
        assertTrue(tiles.stream().allMatch(t -> t.height >= 250 && t.y > map.y + map.height), tiles.toString());
    }

    @Test
    void aSmallScreenCascadesChartsOfTheMinimumSize() {
        Rectangle small = new Rectangle(0, 0, 1024, 700);
        List<Rectangle> tiles = ChartLayout.tile(small, new Rectangle(0, 0, 470, 700), new Rectangle(474, 0, 540, 700),
                CHARTS);
        for (Rectangle t : tiles) {
            assertTrue(t.width >= ChartLayout.MIN_WIDTH && t.height >= ChartLayout.MIN_HEIGHT, t.toString());
            assertTrue(small.contains(t), t + " is on screen");
        }
    }

    @Test
    void chartWindowsShowWholeChartsAndNoPdfButton() throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, List.of("time.steps=8"), 7, 1)) {
            Gui.onEdt(() -> {
                List<JFrame> frames = g.gui.chartFrames();
                assertEquals(CHARTS, frames.size());
                Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
                boolean roomy = screen.width >= 1600 && screen.height >= 1000;
                List<TimeSeriesChartGenerator> generators = g.gui.charts().generators();
                for (int i = 0; i < frames.size(); i++) {
                    JFrame frame = frames.get(i);
                    assertTrue(frame.getWidth() >= ChartLayout.MIN_WIDTH && frame.getHeight() >= ChartLayout.MIN_HEIGHT,
                            frame.getTitle() + ": " + frame.getBounds());
                    if (roomy) {
                        for (int j = 0; j < i; j++) {
                            assertFalse(frame.getBounds().intersects(frames.get(j).getBounds()),
                                    frame.getTitle() + " overlaps " + frames.get(j).getTitle());
                        }
                    }
                    TimeSeriesChartGenerator chart = generators.get(i);
                    JViewport view = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, chart.getChartPanel());
                    // Drawn at the window's size: the chart (and its x-axis title) is not scrolled out of view,
                    // and not shrunk from a larger drawing.
                    assertTrue(chart.getChartPanel().getHeight() <= view.getHeight() + 1,
                            frame.getTitle() + ": chart " + chart.getChartPanel().getHeight() + " px in a view of "
                                    + view.getHeight());
                    assertEquals(view.getHeight(), chart.DEFAULT_CHART_HEIGHT, 1, frame.getTitle());

                    List<Component> all = new ArrayList<>();
                    collect(chart, all);
                    assertFalse(all.stream().anyMatch(c -> c instanceof AbstractButton b && b.getText() != null
                            && b.getText().contains("PDF")), frame.getTitle() + " offers no PDF export");
                    assertTrue(all.stream().anyMatch(c -> c instanceof JLabel l && Charts.NO_PDF.equals(l.getText())
                            && l.getToolTipText().contains("AGPL")), frame.getTitle() + " says why there is no PDF");
                }
                return null;
            });
        }
    }

    /**
     * The knowledge chart has a created and an absorbed series for every province, each point
     * the province's knowledge of that quarter as the model reports it.
     */
    @Test
    void theKnowledgeChartShowsWhatEachProvinceCreatedAndAbsorbed() throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, List.of("time.steps=12"), 7, 1)) {
            YrdModel m = g.gui.model();
            int steps = 6;
            double[][] created = new double[2][steps];
            double[][] absorbed = new double[2][steps];
            for (int s = 0; s < steps; s++) {
                g.playUntil(s + 1);
                for (int p = 0; p < 2; p++) {
                    created[p][s] = m.provinces()[p].getKnowledgeCreated();
                    absorbed[p][s] = m.provinces()[p].getKnowledgeAbsorbed();
                }
            }
            Gui.onEdt(() -> {
                TimeSeriesChartGenerator chart = g.gui.charts().generators().get(CHARTS - 1);
                assertTrue(chart.getTitle().startsWith("Knowledge created and absorbed"), chart.getTitle());
                assertEquals(4, chart.getSeriesCount(), "created and absorbed of each province");
                for (int p = 0; p < 2; p++) {
                    String name = m.provinces()[p].getName();
                    XYSeries c = g.gui.charts().series(name + Charts.CREATED);
                    XYSeries a = g.gui.charts().series(name + Charts.ABSORBED);
                    assertEquals(steps, c.getItemCount(), name + " created, one point a quarter");
                    for (int s = 0; s < steps; s++) {
                        assertEquals(Charts.year(m.period(s)), c.getX(s).doubleValue(), 1e-12);
                        assertEquals(created[p][s], c.getY(s).doubleValue(), name + " created at step " + s);
                    }
                    // The log axis leaves out quarters without absorption.
                    int k = 0;
                    for (int s = 0; s < steps; s++) {
                        if (absorbed[p][s] > 0) {
                            assertEquals(absorbed[p][s], a.getY(k++).doubleValue(), name + " absorbed at step " + s);
                        }
                    }
                    assertEquals(k, a.getItemCount());
                    assertTrue(k >= steps - 1, name + " absorbs knowledge from the other province");
                }
                return null;
            });
        }
    }

    /** Every component under {@code c}, including the hidden content of collapsed disclosure panels. */
    private static void collect(Component c, List<Component> out) {
        out.add(c);
        if (c instanceof DisclosurePanel d && d.getDisclosedComponent() != null) {
            collect(d.getDisclosedComponent(), out);
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                collect(child, out);
            }
        }
    }
}
