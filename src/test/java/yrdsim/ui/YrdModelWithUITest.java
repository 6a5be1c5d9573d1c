package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.swing.JEditorPane;
import javax.swing.JTabbedPane;
import sim.display.Display2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * The GUI on the two-regions scenario, driven through the Console: the map shows province
 * outlines and IotF enterprises after 20 steps, a barrier typed into the Model tab reaches the
 * model at the next step and not before, and clicks on the map inspect provinces and firms.
 */
class YrdModelWithUITest {

    @Test
    void mapShowsOutlinesAndIotfFirmsAndTheModelTabMovesTheBarrierAtTheNextStep(@TempDir Path dir) throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, List.of("time.steps=24"), 7, 2)) {
            g.playUntil(20);
            YrdModel m = g.gui.model();
            assertEquals(20, m.step(), "the Console paused after 20 steps");

            Path png = dir.resolve("map.png");
            Gui.onEdt(() -> {
                g.gui.display().takeSnapshot(png.toFile(), Display2D.TYPE_PNG);
                return null;
            });
            BufferedImage image = ImageIO.read(png.toFile());
            Structure st = m.structure();
            int iotf = -1;
            int traditional = -1;
            for (int s = 0; s < st.sectors; s++) {
                if (st.iotf(s)) {
                    iotf = s;
                } else {
                    traditional = s;
                }
            }
            int iotfPixels = exactly(image, g.gui.colors().argb(iotf));
            int traditionalPixels = exactly(image, g.gui.colors().argb(traditional));
            // 200-odd IotF firms among 2,000 traditional ones, drawn over them at least 3 px wide;
            // without the firms, the legend's swatch and the cluster rings give well under 100.
            assertTrue(iotfPixels > 500, "IotF-coloured pixels in the snapshot: " + iotfPixels);
            assertTrue(traditionalPixels > 1000, "traditional-coloured pixels in the snapshot: " + traditionalPixels);
            Geography geo = Geography.of(m.scenario());
            Rectangle2D.Double field = Gui.onEdt(() -> g.gui.display().getDrawInfo2D(g.gui.firmLayer(),
                    new Point2D.Double()).draw);
            for (int p = 0; p < 2; p++) {
                double shown = outlineShown(image, field, geo, p);
                // Dots, arrows and the legend cover parts of the outline: most of it must show.
                assertTrue(shown > 0.6, geo.name(p) + "'s outline shows at " + shown + " of its points");
            }

            int[] points = Gui.onEdt(() -> g.gui.charts().points());
            for (int k = 0; k < points.length; k++) {
                if (g.gui.charts().logScaled(k)) {
                    // Log-scaled charts skip zeros: A absorbs no knowledge in the first step.
                    assertTrue(points[k] >= 19 && points[k] <= 20, "chart series " + k + ": " + points[k] + " points");
                } else {
                    assertEquals(20, points[k], "chart series " + k + " has one point per step");
                }
            }

            double before = m.levers().labor(0, 1);
            assertEquals(1.0, m.scenario().barriers().labor().scale());
            g.typeInModelTab("Barrier scale: workers and talent", "0.25");
            assertEquals(before, m.levers().labor(0, 1), "a lever change waits for the next step");
            assertEquals(0.25, g.gui.levers().get("barriers.labor.scale"), "the Model tab shows the pending value");

            g.stepOnce();
            assertEquals(21, m.step());
            assertEquals(0.25, m.scenario().barriers().labor().scale(), "the change took effect at step 20");
            assertEquals(before * 0.25, m.levers().labor(0, 1), 1e-15, "the model's effective barrier follows");
            assertEquals(1, g.gui.levers().getLiveChanges(), "the change is recorded in the run's timeline");
            assertEquals(20, m.timeline().events().get(m.timeline().events().size() - 1)
                    .startStep(m.scenario().startPeriod()), "recorded at the step it took effect");
        }
    }

    @Test
    void clickingInspectsProvincesAndFirmsTheAboutTabNamesTheScenarioAndARunCanStartAgain() throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, List.of("time.steps=24"), 7, 1)) {
            g.playUntil(5);
            YrdModel m = g.gui.model();
            Geography geo = Geography.of(m.scenario());
            Display2D display = g.gui.display();

            Rectangle2D.Double field = Gui.onEdt(() -> display.getDrawInfo2D(g.gui.firmLayer(), new Point2D.Double()).draw);
            double sx = field.width / geo.width();
            double sy = field.height / geo.height();
            Point2D.Double a = new Point2D.Double(field.x + geo.anchor(0).x * sx, field.y + geo.anchor(0).y * sy);
            ProvinceView province = (ProvinceView) hit(display, a, ProvinceView.class).getObject();
            assertEquals("A", province.getName());
            assertEquals(m.provinces()[0].getWorkers(), province.getWorkers());
            LocationWrapper provinceHit = hit(display, a, ProvinceView.class);
            Inspector provinceInspector = Gui.onEdt(() -> provinceHit.getFieldPortrayal().getInspector(provinceHit, g.gui));
            assertEquals(m.provinces()[0].getWorkers(),
                    Double.parseDouble(Gui.field(provinceInspector, "Workers (thousand)").getValue()), 1e-6);

            FirmSnapshot snapshot = Gui.onEdt(() -> {
                synchronized (m.schedule) {
                    FirmSnapshot f = new FirmSnapshot(geo);
                    f.update(m);
                    return f;
                }
            });
            int i = snapshot.count / 2;
            Point2D.Double dot = new Point2D.Double(field.x + snapshot.x[i] * sx, field.y + snapshot.y[i] * sy);
            LocationWrapper firmHit = hit(display, dot, FirmInspection.class);
            FirmInspection firm = (FirmInspection) firmHit.getObject();
            double[] engine = new double[2];
            m.engine().forEach(v -> {
                if (v.id() == firm.getId()) {
                    engine[0] = v.revenue();
                    engine[1] = v.sector();
                }
            });
            assertEquals(engine[0], firm.getRevenue(), "the inspector reads the engine's numbers");
            assertEquals(m.structure().sectorName((int) engine[1]), firm.getSector());
            assertEquals("operating", firm.getStatus());
            Inspector firmInspector = Gui.onEdt(() -> firmHit.getFieldPortrayal().getInspector(firmHit, g.gui));
            assertEquals(Long.toString(firm.getId()), Gui.field(firmInspector, "Enterprise id").getValue());

            String about = Gui.onEdt(() -> {
                JTabbedPane tabs = g.console.getTabPane();
                return text(tabs.getComponentAt(tabs.indexOfTab("About")));
            });
            assertTrue(about.contains("Scenario two-regions"), "the About tab names the scenario");
            assertTrue(about.contains("Industries of the Future"), "and describes the model");

            // Stop and play again: a new run from the start, with fresh charts.
            Gui.onEdt(() -> {
                g.console.pressStop();
                return null;
            });
            g.playUntil(3);
            assertEquals(3, m.step());
            int[] points = Gui.onEdt(() -> g.gui.charts().points());
            for (int k = 0; k < points.length; k++) {
                // A log-scaled series skips the first step where it is 0 (A's knowledge absorbed).
                assertTrue(points[k] == 3 || g.gui.charts().logScaled(k) && points[k] == 2,
                        "the charts start again with the run: series " + k + " has " + points[k] + " points");
            }
        }
    }

    /** The object of {@code type} the display finds under {@code at}. */
    private static LocationWrapper hit(Display2D display, Point2D.Double at, Class<?> type) throws Exception {
        Bag[] hits = Gui.onEdt(() -> display.objectsHitBy(at));
        for (Bag bag : hits) {
            for (Object o : bag) {
                LocationWrapper w = (LocationWrapper) o;
                if (type.isInstance(w.getObject())) {
                    return w;
                }
            }
        }
        throw new AssertionError("nothing of " + type.getSimpleName() + " under " + at);
    }

    private static String text(Component c) {
        if (c instanceof JEditorPane pane) {
            return pane.getText();
        }
        StringBuilder out = new StringBuilder();
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                out.append(text(child));
            }
        }
        return out.toString();
    }

    /**
     * Share of 360 points on region {@code p}'s disc outline where the snapshot shows the outline
     * colour (within 40 per channel, at the point or a pixel beside it).
     */
    static double outlineShown(BufferedImage image, Rectangle2D.Double field, Geography geo, int p) {
        Rectangle2D disc = geo.outline(p).getBounds2D();
        double sx = field.width / geo.width();
        double sy = field.height / geo.height();
        double cx = field.x + disc.getCenterX() * sx;
        double cy = field.y + disc.getCenterY() * sy;
        double r = disc.getWidth() / 2 * sx;
        int shown = 0;
        for (int a = 0; a < 360; a++) {
            int x = (int) Math.round(cx + r * Math.cos(Math.toRadians(a)));
            int y = (int) Math.round(cy + r * Math.sin(Math.toRadians(a)));
            boolean found = false;
            for (int dy = -1; dy <= 1 && !found; dy++) {
                for (int dx = -1; dx <= 1 && !found; dx++) {
                    found = near(image, x + dx, y + dy, ProvinceLayer.OUTLINE, 40);
                }
            }
            shown += found ? 1 : 0;
        }
        return shown / 360.0;
    }

    private static boolean near(BufferedImage image, int x, int y, Color color, int tolerance) {
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) {
            return false;
        }
        int rgb = image.getRGB(x, y);
        return Math.abs((rgb >> 16 & 0xFF) - color.getRed()) <= tolerance
                && Math.abs((rgb >> 8 & 0xFF) - color.getGreen()) <= tolerance
                && Math.abs((rgb & 0xFF) - color.getBlue()) <= tolerance;
    }

    /** Pixels of exactly {@code argb}'s colour. */
    static int exactly(BufferedImage image, int argb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (argb & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
