package yrdsim.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sim.portrayal.DrawInfo2D;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * The key in the map's top-left corner: the quarter on display, the sector colours, how many
 * enterprises there are and whether all of them or a sample is drawn, and the clusters.
 */
final class LegendLayer extends MapLayer {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color PANEL = new Color(255, 255, 255, 215);

    LegendLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        map.frameDrawn();
        smooth(g);
        if (!started()) {
            label(g, "Press play or step to start the run", info.clip.getCenterX(), info.clip.getMinY() + 24, TITLE,
                    INK);
            return;
        }
        YrdModel m = model();
        Structure st = m.structure();
        FirmSnapshot f = map.firms();
        int steps = m.scenario().time().steps();
        String title = m.step() == 0 ? m.period(0) + ": calibrated start, before step 0"
                : m.period(m.step() - 1) + ": step " + (m.step() - 1) + " of " + steps;
        List<String> lines = new ArrayList<>();
        lines.add(f.every == 1
                ? String.format(Locale.ROOT, "%,d enterprises, all drawn", f.living)
                : String.format(Locale.ROOT, "%,d enterprises: a 1-in-%d sample by id is drawn (%,d dots)", f.living,
                        f.every, f.count));
        lines.add("dot size grows with log revenue");
        lines.add(String.format(Locale.ROOT, "clusters: %d now, %d emerged since %s", map.clusters().active(),
                map.clusters().emerged(), m.period(0)));
        if (map.lastFrameMillis() > 0) {
            lines.add(String.format(Locale.ROOT, "map drawn in %.0f ms",
                    map.lastFrameMillis()));
        }

        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        int lineHeight = fm.getHeight();
        int sectorsShown = 0;
        int width = g.getFontMetrics(TITLE).stringWidth(title);
        for (int s = 0; s < st.sectors; s++) {
            if (st.iotf(s)) {
                sectorsShown++;
                width = Math.max(width, 18 + fm.stringWidth(st.sectorName(s)));
            }
        }
        for (String line : lines) {
            width = Math.max(width, fm.stringWidth(line));
        }
        int x = (int) info.clip.getMinX() + 10;
        int y = (int) info.clip.getMinY() + 10;
        int height = 24 + lineHeight * (sectorsShown + 1 + lines.size()) + 10;
        g.setColor(PANEL);
        g.fillRoundRect(x, y, width + 20, height, 10, 10);
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString(title, x + 10, y + 20);
        g.setFont(TEXT);
        int line = y + 24 + lineHeight;
        for (int s = 0; s < st.sectors; s++) {
            if (st.iotf(s)) {
                swatch(g, map.colors().color(s), x + 10, line, fm);
                g.setColor(INK);
                g.drawString(st.sectorName(s) + " (IotF)", x + 28, line);
                line += lineHeight;
            }
        }
        int muted = 0;
        for (int s = 0; s < st.sectors && muted < 4; s++) {
            if (!st.iotf(s)) {
                swatch(g, map.colors().color(s), x + 10 + 5 * muted, line, fm);
                muted++;
            }
        }
        g.setColor(INK);
        g.drawString("traditional sectors", x + 28 + 5 * Math.max(0, muted - 1), line);
        line += lineHeight;
        for (String text : lines) {
            g.drawString(text, x + 10, line);
            line += lineHeight;
        }
    }

    private static void swatch(Graphics2D g, Color color, int x, int baseline, FontMetrics fm) {
        g.setColor(color);
        int size = fm.getAscent() - 2;
        g.fillOval(x, baseline - size, size, size);
    }
}
