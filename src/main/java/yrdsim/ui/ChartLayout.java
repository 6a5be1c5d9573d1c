package yrdsim.ui;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the chart windows go: tiled, without overlap, into the screen area that the Console and
 * the map leave free, so that every chart opens at a size whose axis titles can be read. The
 * free area is cut into two rectangles, a column right of the map and a block under it; the
 * charts are split between them in the way that gives the smallest chart the most room. Where even that is
 * too small (a small screen), the charts cascade at {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}.
 */
final class ChartLayout {

    /**
     * The smallest chart window in which a MASON chart shows its title, legend and axis titles
     * (with the short unit-only y-axis titles of {@link Charts}): the six charts fit beside and
     * under the baseline's map on a 1600 × 1000 display.
     */
    static final int MIN_WIDTH = 360;
    static final int MIN_HEIGHT = 190;
    /** Charts read best wider than tall: a window's height counts up to its width over this. */
    private static final double ASPECT = 1.6;
    private static final int GAP = 4;

    private ChartLayout() {
    }

    /**
     * Bounds for {@code charts} chart windows on {@code screen}, given the Console's and the map
     * window's bounds.
     */
    static List<Rectangle> tile(Rectangle screen, Rectangle console, Rectangle map, int charts) {
        int left = Math.min(console.x + console.width + GAP, map.x);
        int rightX = map.x + map.width + GAP;
        int belowY = map.y + map.height + GAP;
        int screenRight = screen.x + screen.width;
        int screenBottom = screen.y + screen.height;
        // Two ways to cut the free L-shaped area in two: a full-height column right of the map and
        // a block under the map, or a column right of the map down to its bottom and a full-width
        // strip under both.
        Rectangle[][] partitions = {
            {new Rectangle(rightX, screen.y, screenRight - rightX, screen.height),
                new Rectangle(left, belowY, rightX - GAP - left, screenBottom - belowY)},
            {new Rectangle(rightX, screen.y, screenRight - rightX, belowY - GAP - screen.y),
                new Rectangle(left, belowY, screenRight - left, screenBottom - belowY)},
        };
        List<Rectangle> best = null;
        double bestScore = -1;
        for (Rectangle[] areas : partitions) {
            for (int first = 0; first <= charts; first++) {
                List<Rectangle> tiles = new ArrayList<>(split(areas[0], first));
                tiles.addAll(split(areas[1], charts - first));
                if (tiles.size() != charts
                        || !tiles.stream().allMatch(r -> r.width >= MIN_WIDTH && r.height >= MIN_HEIGHT)) {
                    continue;
                }
                double score = tiles.stream().mapToDouble(r -> Math.min(r.height, r.width / ASPECT)).min().orElse(0);
                if (score > bestScore) {
                    bestScore = score;
                    best = tiles;
                }
            }
        }
        return best != null ? best : cascade(screen, charts);
    }

    /**
     * {@code n} tiles of {@code area} in the grid of columns that gives the roomiest tile; empty
     * when {@code n} is 0 or the area is empty.
     */
    private static List<Rectangle> split(Rectangle area, int n) {
        List<Rectangle> out = new ArrayList<>();
        if (n == 0 || area.width <= 0 || area.height <= 0) {
            return out;
        }
        int bestColumns = 1;
        double bestScore = -1;
        for (int columns = 1; columns <= n; columns++) {
            int rows = (n + columns - 1) / columns;
            double score = Math.min((double) area.height / rows, (double) area.width / columns / ASPECT);
            if (score > bestScore) {
                bestScore = score;
                bestColumns = columns;
            }
        }
        int rows = (n + bestColumns - 1) / bestColumns;
        int w = (area.width - GAP * (bestColumns - 1)) / bestColumns;
        int h = (area.height - GAP * (rows - 1)) / rows;
        for (int i = 0; i < n; i++) {
            out.add(new Rectangle(area.x + (i % bestColumns) * (w + GAP), area.y + (i / bestColumns) * (h + GAP), w, h));
        }
        return out;
    }

    /** The fallback: windows of the minimum size, each a title bar lower and to the left of the last. */
    private static List<Rectangle> cascade(Rectangle screen, int n) {
        List<Rectangle> out = new ArrayList<>();
        int w = Math.min(screen.width, MIN_WIDTH + 60);
        int h = Math.min(screen.height, MIN_HEIGHT + 60);
        int step = Math.max(24, Math.min(40, (screen.height - h) / Math.max(1, n - 1)));
        for (int i = 0; i < n; i++) {
            out.add(new Rectangle(screen.x + screen.width - w - i * step, screen.y + i * step, w, h));
        }
        return out;
    }
}
