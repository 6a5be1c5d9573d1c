package yrdsim.ui;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import sim.display.GUIState;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.util.Bag;
import yrdsim.model.Structure;

/**
 * Enterprises as dots, coloured by sector and sized by log revenue. Dots are written straight
 * into the pixels of an image the size of the visible area and the image is drawn once: about
 * 20 ms for 1.15·10^5 firms on the 2-core test machine, where as many Java2D {@code fillOval}
 * calls took 300 to 900 ms. Traditional sectors are drawn first and IotF sectors over them.
 * Clicking a dot opens that enterprise's inspector.
 */
final class FirmLayer extends MapLayer {

    private BufferedImage image;
    private int[] pixels;

    FirmLayer(MapContext map) {
        super(map);
    }

    @Override
    void paint(Graphics2D g, DrawInfo2D info) {
        if (!started()) {
            return;
        }
        FirmSnapshot f = map.firms();
        Rectangle clip = info.clip.getBounds().intersection(info.draw.getBounds());
        if (clip.isEmpty()) {
            return;
        }
        prepare(clip.width, clip.height);
        double sx = info.draw.width / map.geography().width();
        double sy = info.draw.height / map.geography().height();
        double ox = info.draw.x - clip.x;
        double oy = info.draw.y - clip.y;
        int grow = (int) Math.max(0, Math.round(Math.log(zoom(info)) / Math.log(2)));
        Structure st = model().structure();
        SectorColors colors = map.colors();
        for (int pass = 0; pass < 2; pass++) {
            boolean iotfPass = pass == 1;
            for (int i = 0; i < f.count; i++) {
                int s = f.sector[i];
                if (st.iotf(s) != iotfPass) {
                    continue;
                }
                int px = (int) (ox + f.x[i] * sx);
                int py = (int) (oy + f.y[i] * sy);
                stamp(px, py, f.radius[i] + grow, colors.argb(s), clip.width, clip.height);
            }
        }
        g.drawImage(image, clip.x, clip.y, clip.x + clip.width, clip.y + clip.height, 0, 0, clip.width, clip.height,
                null);
    }

    private void prepare(int w, int h) {
        if (image == null || image.getWidth() < w || image.getHeight() < h) {
            image = new BufferedImage(Math.max(w, image == null ? 0 : image.getWidth()),
                    Math.max(h, image == null ? 0 : image.getHeight()), BufferedImage.TYPE_INT_ARGB);
            pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }
        int stride = image.getWidth();
        for (int row = 0; row < h; row++) {
            java.util.Arrays.fill(pixels, row * stride, row * stride + w, 0);
        }
    }

    /** A filled disc of radius r (r = 0: one pixel) at (cx, cy), clipped to w × h. */
    private void stamp(int cx, int cy, int r, int argb, int w, int h) {
        int stride = image.getWidth();
        int reach = r * r + r;
        for (int dy = -r; dy <= r; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= h) {
                continue;
            }
            int row = y * stride;
            for (int dx = -r; dx <= r; dx++) {
                int x = cx + dx;
                if (x >= 0 && x < w && dx * dx + dy * dy <= reach) {
                    pixels[row + x] = argb;
                }
            }
        }
    }

    /** The top-most dot under the click: the one drawn last among those it touches. */
    @Override
    public void hitObjects(DrawInfo2D range, Bag putInHere) {
        if (!started()) {
            return;
        }
        FirmSnapshot f = map.firms();
        double sx = range.draw.width / map.geography().width();
        double sy = range.draw.height / map.geography().height();
        double cx = range.clip.getCenterX();
        double cy = range.clip.getCenterY();
        int grow = (int) Math.max(0, Math.round(Math.log(zoom(range)) / Math.log(2)));
        Structure st = model().structure();
        int best = -1;
        boolean bestIotf = false;
        for (int i = 0; i < f.count; i++) {
            double dx = range.draw.x + f.x[i] * sx - cx;
            double dy = range.draw.y + f.y[i] * sy - cy;
            double reach = f.radius[i] + grow + 1.5;
            boolean iotf = st.iotf(f.sector[i]);
            if (dx * dx + dy * dy <= reach * reach && (best < 0 || iotf || !bestIotf)) {
                best = i;
                bestIotf = iotf;
            }
        }
        if (best >= 0) {
            putInHere.add(new LocationWrapper(new FirmInspection(map, f.id[best]), f.id[best], this));
        }
    }

    @Override
    public Inspector getInspector(LocationWrapper wrapper, GUIState gui) {
        return inspector(wrapper.getObject(), FirmInspection.LAYOUT, gui, getName(wrapper));
    }

    @Override
    public String getName(LocationWrapper wrapper) {
        return "Enterprise " + wrapper.getLocation();
    }
}
