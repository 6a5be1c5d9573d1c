package yrdsim.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import sim.display.GUIState;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.Portrayal;
import sim.portrayal.SimpleInspector;
import sim.portrayal.SimplePortrayal2D;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.YrdModel;

/**
 * One layer of the delta map. MASON's {@code Display2D} draws each attached layer over the
 * previous ones and lists it in its layers menu. A layer draws straight from the model (read
 * under the schedule lock MASON holds while painting) and from the shared {@link MapContext};
 * it holds no field of agents.
 */
abstract class MapLayer extends FieldPortrayal2D {

    /** Halo behind labels, so they read on any background. */
    static final Color HALO = new Color(255, 255, 255, 200);
    static final Color INK = new Color(0x2B2B2B);

    final MapContext map;

    MapLayer(MapContext map) {
        this.map = map;
        setField(map);
    }

    /** The model being shown. */
    YrdModel model() {
        return map.model();
    }

    /** Map units to screen pixels for this paint or hit test. */
    AffineTransform toScreen(DrawInfo2D info) {
        AffineTransform t = new AffineTransform();
        t.translate(info.draw.x, info.draw.y);
        t.scale(info.draw.width / map.geography().width(), info.draw.height / map.geography().height());
        return t;
    }

    /** Pixels per map unit horizontally (the zoom of this paint, times the display's base size). */
    double pixelsPerUnit(DrawInfo2D info) {
        return info.draw.width / map.geography().width();
    }

    /** Zoom relative to the display's natural size: 1 unless the user scaled the display. */
    double zoom(DrawInfo2D info) {
        return info.draw.width / map.naturalWidth();
    }

    /** Screen point of a map point. */
    Point2D.Double screen(DrawInfo2D info, double mx, double my) {
        return new Point2D.Double(info.draw.x + mx * info.draw.width / map.geography().width(),
                info.draw.y + my * info.draw.height / map.geography().height());
    }

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Text centred on (cx, cy) over a rounded white halo. */
    static void label(Graphics2D g, String text, double cx, double cy, Font font, Color color) {
        label(g, text, cx, cy, font, color, null);
    }

    /** Text centred on (cx, cy) over a rounded white halo, moved sideways to stay within {@code within}. */
    static void label(Graphics2D g, String text, double cx, double cy, Font font, Color color,
                      java.awt.geom.Rectangle2D within) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        int x = (int) Math.round(cx - w / 2.0);
        if (within != null) {
            x = (int) Math.max(within.getMinX() + 4, Math.min(x, within.getMaxX() - w - 4));
        }
        int y = (int) Math.round(cy + (fm.getAscent() - fm.getDescent()) / 2.0);
        g.setColor(HALO);
        g.fillRoundRect(x - 3, y - fm.getAscent(), w + 6, fm.getAscent() + fm.getDescent() + 1, 6, 6);
        g.setColor(color);
        g.drawString(text, x, y);
    }

    @Override
    public Portrayal getDefaultPortrayal() {
        return new SimplePortrayal2D();
    }

    /** An inspector of {@code view}'s properties in the order of {@code layout} (see {@link OrderedProperties}). */
    Inspector inspector(Object view, String[] layout, GUIState gui, String title) {
        return new SimpleInspector(new OrderedProperties(view, layout), gui, title);
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return String.valueOf(wrapper.getObject());
    }

    /** Whether the model has started: before that, only the geography can be drawn. */
    boolean started() {
        return model() != null && model().structure() != null;
    }

    @Override
    public final void draw(Object object, Graphics2D graphics, DrawInfo2D info) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            paint(g, info);
        } finally {
            g.dispose();
        }
    }

    /** Draws the layer; {@code g} is a copy the layer may change freely. */
    abstract void paint(Graphics2D g, DrawInfo2D info);
}
