package yrdsim.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.Factor;
import yrdsim.model.YrdModel;

/**
 * Cross-province flows of one factor in the last step, as curved arrows from origin to
 * destination whose width is proportional to the amount: the widest flow seen so far in the run
 * is {@link #MAX_WIDTH} pixels, so widths can be compared over time. The two directions between
 * a pair bend to opposite sides. One layer per factor, each switchable in the layers menu.
 */
final class FlowLayer extends MapLayer {

    static final float MAX_WIDTH = 12f;
    private static final double SKIP_BELOW = 0.05;
    private static final Font KEY = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final Factor factor;
    private final Color color;
    private final int row;
    private final String unit;
    private double runMax;

    FlowLayer(MapContext map, Factor factor, Color color, int row, String unit) {
        super(map);
        this.factor = factor;
        this.color = color;
        this.row = row;
        this.unit = unit;
    }

    /** Forgets the run's widest flow: a new run starts. */
    void start() {
        runMax = 0;
    }

    /** Reads the step {@code m} has just completed. */
    void observe(YrdModel m) {
        for (double v : m.flows(factor)) {
            runMax = Math.max(runMax, v);
        }
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        if (!started()) {
            return;
        }
        YrdModel m = model();
        if (m.step() == 0 || runMax <= 0) {
            return;
        }
        smooth(g);
        int n = m.structure().regions;
        double[] amount = m.flows(factor);
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), 170);
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double v = p == q ? 0 : amount[p * n + q];
                if (v < SKIP_BELOW * runMax) {
                    continue;
                }
                Point2D.Double a = screen(info, map.geography().anchor(p).x, map.geography().anchor(p).y);
                Point2D.Double b = screen(info, map.geography().anchor(q).x, map.geography().anchor(q).y);
                arrow(g, a, b, (float) Math.max(1, MAX_WIDTH * v / runMax), fill, 0.12 + 0.09 * row, false);
            }
        }
        key(g, info, row, fill, false, String.format(java.util.Locale.ROOT, "%s flows: widest %.3g %s per quarter",
                factor.label(), runMax, unit));
    }

    /**
     * A line of the flow keys in the view's bottom-left corner: row 3 is the lowest, lower rows
     * stand above it (negative rows above row 0). With {@code dashed}, the swatch shows a solid
     * and a dashed stroke, for layers that draw two directions differently.
     */
    static void key(Graphics2D g, DrawInfo2D info, int row, Color fill, boolean dashed, String text) {
        g.setFont(KEY);
        int y = (int) (info.clip.getMaxY() - 12 - 16 * (3 - row));
        int x = (int) info.clip.getMinX() + 12;
        g.setColor(HALO);
        g.fillRect(x - 2, y - 11, g.getFontMetrics().stringWidth(text) + 30, 15);
        g.setColor(fill);
        if (dashed) {
            g.fillRect(x, y - 6, 9, 5);
            g.fillRect(x + 12, y - 6, 3, 5);
            g.fillRect(x + 17, y - 6, 3, 5);
        } else {
            g.fillRect(x, y - 6, 20, 5);
        }
        g.setColor(INK);
        g.drawString(text, x + 26, y);
    }

    /**
     * A quadratic arrow bending to the right of a→b by {@code bend} of its length (each factor
     * bends differently, so the four layers fan out), shortened so heads stay off the labels;
     * with {@code dashed}, its line is dashed (the head stays solid).
     */
    static void arrow(Graphics2D g, Point2D.Double a, Point2D.Double b, float width, Color fill, double bend,
                      boolean dashed) {
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double length = Math.hypot(dx, dy);
        if (length < 40) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        Point2D.Double from = new Point2D.Double(a.x + ux * 22, a.y + uy * 22);
        Point2D.Double to = new Point2D.Double(b.x - ux * 26, b.y - uy * 26);
        Point2D.Double control = new Point2D.Double((from.x + to.x) / 2 - uy * length * bend,
                (from.y + to.y) / 2 + ux * length * bend);
        g.setColor(fill);
        g.setStroke(dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {Math.max(6f, 1.5f * width), Math.max(4f, width)}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(from.x, from.y, control.x, control.y, to.x, to.y));
        double hx = to.x - control.x;
        double hy = to.y - control.y;
        double h = Math.hypot(hx, hy);
        hx /= h;
        hy /= h;
        double head = 8 + width * 1.2;
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(to.x + hx * head * 0.6, to.y + hy * head * 0.6);
        tip.lineTo(to.x - hx * head * 0.5 - hy * head * 0.6, to.y - hy * head * 0.5 + hx * head * 0.6);
        tip.lineTo(to.x - hx * head * 0.5 + hy * head * 0.6, to.y - hy * head * 0.5 - hx * head * 0.6);
        tip.closePath();
        g.fill(tip);
    }
}
