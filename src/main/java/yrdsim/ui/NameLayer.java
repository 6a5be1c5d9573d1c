package yrdsim.ui;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import sim.portrayal.DrawInfo2D;

/** Province names, drawn above enterprises and flows so they stay legible. */
final class NameLayer extends MapLayer {

    private static final Font NAME = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    NameLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        smooth(g);
        Geography geo = map.geography();
        for (int p = 0; p < geo.regions(); p++) {
            Point2D.Double at = screen(info, geo.anchor(p).x, geo.anchor(p).y);
            label(g, geo.name(p), at.x, at.y, NAME, INK);
        }
    }
}
