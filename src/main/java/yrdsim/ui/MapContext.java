package yrdsim.ui;

import java.util.function.Supplier;
import yrdsim.model.YrdModel;

/**
 * What the map's layers share: the geography, sector colours, the firm snapshot and the cluster
 * watch of the model on display. Built once per GUI for the scenario it shows.
 */
final class MapContext {

    private final Supplier<YrdModel> model;
    private final Geography geography;
    private final SectorColors colors;
    private final FirmSnapshot firms;
    private final ClusterWatch clusters;
    private final double naturalWidth;
    /** When the paint in progress began, or -1 (only the painting thread, under the schedule lock, touches it). */
    private long frameStart = -1;
    /** Wall time of the last complete paint of the map, nanoseconds. */
    private volatile long lastFrameNanos;

    MapContext(Supplier<YrdModel> model, Geography geography, SectorColors colors, ClusterWatch clusters,
               double naturalWidth) {
        this.model = model;
        this.geography = geography;
        this.colors = colors;
        this.firms = new FirmSnapshot(geography);
        this.clusters = clusters;
        this.naturalWidth = naturalWidth;
    }

    YrdModel model() {
        return model.get();
    }

    Geography geography() {
        return geography;
    }

    SectorColors colors() {
        return colors;
    }

    /** The firm snapshot, brought up to date with the model's last completed step. */
    FirmSnapshot firms() {
        firms.update(model());
        return firms;
    }

    /** Forgets what was drawn of the previous run. */
    void restart() {
        firms.forget();
        lastFrameNanos = 0;
    }

    ClusterWatch clusters() {
        return clusters;
    }

    /** Called by the bottom layer (provinces) as a paint of the map begins. */
    void frameStarted() {
        frameStart = System.nanoTime();
    }

    /** Called by the top layer (the legend): every layer under it has been drawn. */
    void frameDrawn() {
        if (frameStart >= 0) {
            lastFrameNanos = System.nanoTime() - frameStart;
            frameStart = -1;
        }
    }

    /** Milliseconds the last complete paint of all map layers took, 0 before the first. */
    double lastFrameMillis() {
        return lastFrameNanos / 1e6;
    }

    /** Width of the map display in pixels at zoom 1. */
    double naturalWidth() {
        return naturalWidth;
    }
}
