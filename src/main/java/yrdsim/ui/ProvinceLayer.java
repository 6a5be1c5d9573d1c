package yrdsim.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import yrdsim.model.Province;

/**
 * Province outlines, each tinted by its IotF share of revenue (pale at 0, lavender at 40% and
 * above). Clicking inside a province opens its inspector. Names are drawn by {@link NameLayer},
 * above the enterprises.
 */
final class ProvinceLayer extends MapLayer {

    /** Outline colour; the GUI test looks for it in the snapshot. */
    static final Color OUTLINE = new Color(0x3A3A48);
    private static final Color LAND = new Color(0xF6F3EA);
    private static final Color IOTF_TINT = new Color(0xD9CCF0);
    private static final double FULL_TINT_SHARE = 0.4;

    ProvinceLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        map.frameStarted();
        smooth(g);
        AffineTransform t = toScreen(info);
        Geography geo = map.geography();
        Province[] provinces = started() ? model().provinces() : null;
        for (int p = 0; p < geo.regions(); p++) {
            Shape outline = t.createTransformedShape(geo.outline(p));
            double tint = provinces == null ? 0 : Math.min(1, provinces[p].getIotfRevenueShare() / FULL_TINT_SHARE);
            g.setColor(blend(LAND, IOTF_TINT, tint));
            g.fill(outline);
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(2.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
    }

    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        if (!started()) {
            return;
        }
        Geography geo = map.geography();
        AffineTransform t = toScreen(range);
        for (int p = 0; p < geo.regions(); p++) {
            if (t.createTransformedShape(geo.outline(p)).contains(range.clip.getCenterX(), range.clip.getCenterY())) {
                putInHere.add(new LocationWrapper(new ProvinceView(map, p), geo.name(p), this));
            }
        }
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState gui) {
        return inspector(wrapper.getObject(), ProvinceView.LAYOUT, gui, getName(wrapper));
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return "Province " + wrapper.getLocation();
    }

    private static Color blend(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
