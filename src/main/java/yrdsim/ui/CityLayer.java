package yrdsim.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import sim.portrayal.DrawInfo2D;

/** The prefecture-level cities: a small ring and the city's name. */
final class CityLayer extends MapLayer {

    private static final Font NAME = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color RING = new Color(0x202020);

    CityLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        smooth(g);
        g.setStroke(new BasicStroke(1.2f));
        for (Geography.City city : map.geography().cities()) {
            Point2D.Double at = screen(info, city.x(), city.y());
            Ellipse2D.Double ring = new Ellipse2D.Double(at.x - 3, at.y - 3, 6, 6);
            g.setColor(Color.WHITE);
            g.fill(ring);
            g.setColor(RING);
            g.draw(ring);
            label(g, city.name(), at.x, at.y + 10, NAME, RING);
        }
    }
}
