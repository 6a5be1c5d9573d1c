package yrdsim.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.Structure;

/**
 * Emerged clusters: a ring around the revenue-weighted centre of the cell's enterprises, sized by
 * the cell's share of its sector, and the sector's name with its location quotient. IotF
 * clusters are drawn bold in their sector's colour, traditional ones thin and grey. The labels
 * of a province's clusters are stacked below its lowest ring, IotF clusters first.
 */
final class ClusterLayer extends MapLayer {

    private static final Font IOTF_LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color TRADITIONAL = new Color(0x6E6A62);

    ClusterLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        if (!started()) {
            return;
        }
        ClusterWatch clusters = map.clusters();
        if (clusters.active() == 0) {
            return;
        }
        smooth(g);
        FirmSnapshot f = map.firms();
        Structure st = model().structure();
        double zoom = Math.sqrt(zoom(info));
        for (int p = 0; p < st.regions; p++) {
            // IotF clusters first, so their labels sit nearest the rings.
            List<Integer> cells = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (int s = 0; s < st.sectors; s++) {
                    int c = st.cell(p, s);
                    if (st.iotf(s) == (pass == 0) && clusters.isActive(c) && f.cellRevenue[c] > 0) {
                        cells.add(c);
                    }
                }
            }
            double lowest = Double.NEGATIVE_INFINITY;
            double centre = 0;
            for (int c : cells) {
                Point2D.Double at = screen(info, f.cellX[c], f.cellY[c]);
                double r = radius(clusters, c, zoom);
                lowest = Math.max(lowest, at.y + r);
                centre += at.x / cells.size();
                ring(g, at, r, st.iotf(st.sectorOf(c)) ? map.colors().color(st.sectorOf(c)) : TRADITIONAL,
                        st.iotf(st.sectorOf(c)));
            }
            for (int row = 0; row < cells.size(); row++) {
                int c = cells.get(row);
                int s = st.sectorOf(c);
                String text = String.format(java.util.Locale.ROOT, "%s cluster (LQ %.2f)", st.sectorName(s),
                        clusters.locationQuotient(c));
                label(g, text, centre, lowest + 12 + 16 * row, st.iotf(s) ? IOTF_LABEL : LABEL,
                        st.iotf(s) ? map.colors().color(s).darker() : INK, info.clip);
            }
        }
    }

    private static double radius(ClusterWatch clusters, int c, double zoom) {
        return zoom * (14 + 40 * Math.sqrt(clusters.sectorShare(c)));
    }

    private static void ring(Graphics2D g, Point2D.Double at, double r, Color color, boolean iotf) {
        Ellipse2D.Double ring = new Ellipse2D.Double(at.x - r, at.y - r, 2 * r, 2 * r);
        g.setStroke(new BasicStroke(iotf ? 6f : 4f));
        g.setColor(HALO);
        g.draw(ring);
        g.setStroke(new BasicStroke(iotf ? 3.5f : 2f));
        g.setColor(color);
        g.draw(ring);
    }
}
