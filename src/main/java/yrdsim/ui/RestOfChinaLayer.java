package yrdsim.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.YrdModel;

/**
 * The rest of China (MODEL-2 3), which the model does not simulate, as a labelled node at the
 * map's western edge, and last quarter's gross flows of one factor (workers or talent) between it
 * and each province: solid arrows into the province, dashed arrows out of it, width proportional
 * to the amount (the widest of the run so far is {@link FlowLayer#MAX_WIDTH} pixels). Nothing is
 * drawn when the delta is closed (the scenario's rest-of-China pools are 0). One layer per
 * factor, each switchable in the layers menu, like {@link FlowLayer}.
 */
final class RestOfChinaLayer extends MapLayer {

    /** Fill of the node; the GUI test looks for it in the snapshot. */
    static final Color NODE = new Color(0x5B4636);
    static final String LABEL = "Rest of China";
    /** Distance of the node's centre from the map's western edge, pixels at zoom 1. */
    private static final double INSET = 52;
    /** Half the height of node and label, pixels at zoom 1: the band kept clear of land if possible. */
    private static final double HALF_HEIGHT = 26;
    /** Pixels at zoom 1 kept free at the top of the map for the legend, and at the bottom for the flow keys. */
    private static final double LEGEND_CLEAR = 200;
    private static final double KEYS_CLEAR = 140;
    private static final double NODE_RADIUS = 9;
    private static final double SKIP_BELOW = 0.05;
    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    /** An arrow of the last step: between the rest of China and {@code province}, {@code width} pixels wide. */
    record Arrow(int province, boolean in, double amount, float width) {
    }

    private final boolean workers;
    private final Color color;
    private final int row;
    private final String unit;
    private final Point2D.Double node;
    private double runMax;

    /**
     * The layer of {@code workers} (else talent) flows, in {@code color}, with its key in key row
     * {@code row} of {@link FlowLayer#key}.
     */
    RestOfChinaLayer(MapContext map, boolean workers, Color color, int row, String unit) {
        super(map);
        this.workers = workers;
        this.color = color;
        this.row = row;
        this.unit = unit;
        this.node = place(map.geography(), map.naturalWidth() / map.geography().width());
    }

    /**
     * Where the node goes, in map units: {@link #INSET} pixels from the western edge, at the height
     * between 30% and 80% of the map where node and label cover the least land (nearest the middle
     * among equals), so that it stands beside the provinces rather than on them; clear of the
     * legend above and the flow keys below where the map is tall enough.
     *
     * @param pixelsPerUnit pixels per map unit at zoom 1
     */
    static Point2D.Double place(Geography geo, double pixelsPerUnit) {
        double x = INSET / pixelsPerUnit;
        double halfWidth = INSET / pixelsPerUnit;
        double halfHeight = HALF_HEIGHT / pixelsPerUnit;
        double top = Math.max(0.3 * geo.height(), LEGEND_CLEAR / pixelsPerUnit);
        double bottom = Math.min(0.8 * geo.height(), geo.height() - KEYS_CLEAR / pixelsPerUnit);
        if (top > bottom) {
            top = geo.height() / 2;
            bottom = top;
        }
        double bestY = geo.height() / 2;
        int bestLand = Integer.MAX_VALUE;
        double bestOff = Double.POSITIVE_INFINITY;
        int candidates = 51;
        for (int c = 0; c < candidates; c++) {
            double y = top + (bottom - top) * c / (candidates - 1);
            int land = 0;
            for (int i = 0; i <= 8; i++) {
                for (int j = 0; j <= 6; j++) {
                    double px = x - halfWidth + 2 * halfWidth * i / 8;
                    double py = y - halfHeight + 2 * halfHeight * j / 6;
                    for (int p = 0; p < geo.regions(); p++) {
                        if (geo.outline(p).contains(px, py)) {
                            land++;
                            break;
                        }
                    }
                }
            }
            double off = Math.abs(y - geo.height() / 2);
            if (land < bestLand || land == bestLand && off < bestOff) {
                bestLand = land;
                bestOff = off;
                bestY = y;
            }
        }
        return new Point2D.Double(x, bestY);
    }

    /** The node's centre in map units. */
    Point2D.Double node() {
        return new Point2D.Double(node.x, node.y);
    }

    /** Forgets the run's widest flow: a new run starts. */
    void start() {
        runMax = 0;
    }

    /** Reads the step {@code m} has just completed. */
    void observe(YrdModel m) {
        if (!m.open()) {
            return;
        }
        for (int p = 0; p < m.structure().regions; p++) {
            runMax = Math.max(runMax, Math.max(m.restOfChinaFlow(workers, p, true),
                    m.restOfChinaFlow(workers, p, false)));
        }
    }

    /**
     * The arrows the layer draws for the step {@code m} last completed: into and out of each
     * province, leaving out flows under 5% of the run's widest; none when the delta is closed or
     * before the first step.
     */
    List<Arrow> arrows(YrdModel m) {
        List<Arrow> out = new ArrayList<>();
        if (!m.open() || m.step() == 0 || runMax <= 0) {
            return out;
        }
        for (int p = 0; p < m.structure().regions; p++) {
            for (boolean in : new boolean[] {true, false}) {
                double v = m.restOfChinaFlow(workers, p, in);
                if (v >= SKIP_BELOW * runMax) {
                    out.add(new Arrow(p, in, v, (float) Math.max(1, FlowLayer.MAX_WIDTH * v / runMax)));
                }
            }
        }
        return out;
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        if (!started() || !model().open()) {
            return;
        }
        YrdModel m = model();
        smooth(g);
        Point2D.Double at = screen(info, node.x, node.y);
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 170);
        List<Arrow> arrows = arrows(m);
        for (Arrow a : arrows) {
            Point2D.Double province = screen(info, map.geography().anchor(a.province()).x,
                    map.geography().anchor(a.province()).y);
            // Into a province and out of it bend to opposite sides; talent bends further than workers.
            FlowLayer.arrow(g, a.in() ? at : province, a.in() ? province : at, a.width(), fill,
                    workers ? 0.07 : 0.14, !a.in());
        }
        double r = NODE_RADIUS * Math.max(0.6, Math.min(2, zoom(info)));
        g.setColor(HALO);
        g.fill(new Ellipse2D.Double(at.x - r - 2, at.y - r - 2, 2 * r + 4, 2 * r + 4));
        g.setColor(NODE);
        g.fill(new Ellipse2D.Double(at.x - r, at.y - r, 2 * r, 2 * r));
        label(g, LABEL, at.x, at.y + r + 11, NAME, INK, info.clip);
        if (!arrows.isEmpty()) {
            FlowLayer.key(g, info, row, fill, true, String.format(Locale.ROOT,
                    "Rest of China, %s: in solid, out dashed; widest %.3g %s per quarter",
                    workers ? "workers" : "talent", runMax, unit));
        }
    }
}
