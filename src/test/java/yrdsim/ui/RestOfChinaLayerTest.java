package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sim.display.Display2D;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.YrdModel;

/**
 * The rest of China on the map: with the scenario's rest-of-China pools set, a labelled node at
 * the western edge and arrows into and out of each province, as wide as the model's gross flows;
 * with the pools at 0 (a closed delta), nothing of it.
 */
class RestOfChinaLayerTest {

    /** Two-regions with a rest of China, or with its pools at 0. */
    private static List<String> overrides(boolean open) {
        String pool = open ? "" : "0";
        return List.of("time.steps=12", "rest_of_china.workers=" + (open ? "10000" : pool),
                "rest_of_china.talent=" + (open ? "500" : pool), "rest_of_china.wage=90000",
                "barriers.external.workers.A=0.5");
    }

    @Test
    void anOpenDeltaShowsTheRestOfChinaAndItsFlowsInAndOut(@TempDir Path dir) throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, overrides(true), 7, 1)) {
            g.playUntil(6);
            YrdModel m = g.gui.model();
            assertTrue(m.open(), "the pools open the delta");
            int regions = m.structure().regions;
            for (RestOfChinaLayer layer : g.gui.restOfChinaLayers()) {
                boolean workers = layer == g.gui.restOfChinaLayers().get(0);
                List<RestOfChinaLayer.Arrow> arrows = Gui.onEdt(() -> {
                    synchronized (m.schedule) {
                        return layer.arrows(m);
                    }
                });
                assertEquals(2 * regions, arrows.size(), "one arrow in and one out per province: " + arrows);
                double widest = arrows.stream().mapToDouble(RestOfChinaLayer.Arrow::amount).max().orElseThrow();
                for (int p = 0; p < regions; p++) {
                    for (boolean in : new boolean[] {true, false}) {
                        int province = p;
                        RestOfChinaLayer.Arrow a = arrows.stream().filter(x -> x.province() == province && x.in() == in)
                                .findFirst().orElseThrow(() -> new AssertionError("no arrow for " + province));
                        assertEquals(m.restOfChinaFlow(workers, p, in), a.amount(), 1e-12, "the model's gross flow");
                        assertTrue(a.amount() > 0);
                        assertTrue(a.width() >= 1 && a.width() <= FlowLayer.MAX_WIDTH, a.toString());
                        // The run's widest flow is at least this step's widest.
                        assertTrue(a.width() <= Math.max(1, FlowLayer.MAX_WIDTH * a.amount() / widest) + 1e-4,
                                a.toString());
                    }
                }
                // Widths are proportional to the flows (above the 1-pixel floor).
                for (RestOfChinaLayer.Arrow a : arrows) {
                    for (RestOfChinaLayer.Arrow b : arrows) {
                        if (a.width() > 1 && b.width() > 1) {
                            assertEquals(a.amount() / b.amount(), a.width() / (double) b.width(), 1e-5, a + " / " + b);
                        }
                    }
                }
                BufferedImage alone = render(g, layer);
                assertTrue(pixels(alone, RestOfChinaLayer.NODE.getRGB()) > 150, "the node is drawn");
                int arrowPixels = pixels(alone, Charts.FACTOR_COLORS[workers ? 0 : 1].getRGB());
                assertTrue(arrowPixels > 1500, "arrows in the factor's colour: " + arrowPixels);
            }

            // On screen, where the workers' layer is shown at first: the node at the western edge.
            Path png = dir.resolve("map.png");
            Gui.onEdt(() -> {
                g.gui.display().takeSnapshot(png.toFile(), Display2D.TYPE_PNG);
                return null;
            });
            BufferedImage image = ImageIO.read(png.toFile());
            Rectangle2D.Double field = field(g);
            Point2D.Double node = g.gui.restOfChinaLayers().get(0).node();
            Geography geo = Geography.of(m.scenario());
            assertTrue(node.x < geo.width() * 0.15, "at the western edge: " + node);
            int x = (int) Math.round(field.x + node.x * field.width / geo.width());
            int y = (int) Math.round(field.y + node.y * field.height / geo.height());
            assertEquals(RestOfChinaLayer.NODE.getRGB() & 0xFFFFFF, image.getRGB(x, y) & 0xFFFFFF,
                    "the snapshot shows the node where the layer puts it");
            assertTrue(YrdModelWithUITest.exactly(image, RestOfChinaLayer.NODE.getRGB()) > 150);
        }
    }

    @Test
    void aClosedDeltaShowsNoRestOfChina(@TempDir Path dir) throws Exception {
        try (Gui g = Gui.open(Gui.TWO_REGIONS, overrides(false), 7, 1)) {
            g.playUntil(6);
            YrdModel m = g.gui.model();
            assertFalse(m.open(), "pools of 0 close the delta");
            for (RestOfChinaLayer layer : g.gui.restOfChinaLayers()) {
                assertTrue(Gui.onEdt(() -> layer.arrows(m)).isEmpty(), "no arrows");
                BufferedImage alone = render(g, layer);
                assertEquals(0, pixels(alone, 0), "the layer draws nothing at all");
            }
            Path png = dir.resolve("map.png");
            Gui.onEdt(() -> {
                g.gui.display().takeSnapshot(png.toFile(), Display2D.TYPE_PNG);
                return null;
            });
            assertEquals(0, YrdModelWithUITest.exactly(ImageIO.read(png.toFile()), RestOfChinaLayer.NODE.getRGB()),
                    "no node on the map");
        }
    }

    private static Rectangle2D.Double field(Gui g) throws Exception {
        return Gui.onEdt(() -> g.gui.display().getDrawInfo2D(g.gui.firmLayer(), new Point2D.Double()).draw);
    }

    /** {@code layer} alone on a transparent image of the map's size, as the display draws it. */
    private static BufferedImage render(Gui g, RestOfChinaLayer layer) throws Exception {
        Rectangle2D.Double field = field(g);
        BufferedImage image = new BufferedImage((int) Math.ceil(field.width), (int) Math.ceil(field.height),
                BufferedImage.TYPE_INT_ARGB);
        Rectangle2D.Double area = new Rectangle2D.Double(0, 0, field.width, field.height);
        Gui.onEdt(() -> {
            synchronized (g.gui.model().schedule) {
                Graphics2D graphics = image.createGraphics();
                layer.draw(null, graphics, new DrawInfo2D(g.gui, layer, area, area));
                graphics.dispose();
            }
            return null;
        });
        return image;
    }

    /**
     * Pixels of {@code image} with the colour of {@code argb} (within 4 per channel: translucent
     * strokes are blended with rounding; any opacity above 0), or with {@code argb} 0, every
     * pixel that is not fully transparent.
     */
    private static int pixels(BufferedImage image, int argb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if ((p >>> 24) != 0 && (argb == 0 || Math.abs((p >> 16 & 0xFF) - (argb >> 16 & 0xFF)) <= 4
                        && Math.abs((p >> 8 & 0xFF) - (argb >> 8 & 0xFF)) <= 4
                        && Math.abs((p & 0xFF) - (argb & 0xFF)) <= 4)) {
                    n++;
                }
            }
        }
        return n;
    }
}
