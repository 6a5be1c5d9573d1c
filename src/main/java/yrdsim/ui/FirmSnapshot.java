package yrdsim.ui;

import yrdsim.model.Rng;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * The enterprises the map draws, taken from the engine once per model step: map position,
 * sector, dot radius and id of each drawn firm in primitive arrays (about 20 bytes a firm, no
 * object per firm), and the revenue-weighted centre of every (region, sector) cell for the
 * cluster markers.
 *
 * <p>Above {@link #MAX_DOTS} living firms only a sample is drawn: the firms whose hashed id falls
 * in one of {@code every} classes, so the same firms stay drawn from step to step.
 */
final class FirmSnapshot {

    /** The most dots drawn in one frame; above it, a sample by id. */
    static final int MAX_DOTS = 150_000;
    /**
     * Largest dot radius in pixels at zoom 1. IotF dots get one pixel more than traditional dots
     * of the same revenue: a few thousand of them must stand out among 10^5 traditional firms.
     */
    static final int MAX_RADIUS = 4;
    private static final long SAMPLE_SALT = 0x3C6EF372FE94F82BL;

    private final Geography geography;
    private YrdModel model;
    private int step = -1;
    private double referenceRevenue;

    int count;
    int living;
    int every = 1;
    float[] x = new float[0];
    float[] y = new float[0];
    short[] sector = new short[0];
    byte[] radius = new byte[0];
    long[] id = new long[0];
    /** Revenue-weighted centre of each cell's drawn firms, and the revenue weighing it. */
    double[] cellX = new double[0];
    double[] cellY = new double[0];
    double[] cellRevenue = new double[0];

    FirmSnapshot(Geography geography) {
        this.geography = geography;
    }

    /**
     * Makes the snapshot match {@code m} after its last completed step. Call with the schedule
     * locked (MASON paints and inspects under that lock), never while a step runs.
     */
    void update(YrdModel m) {
        if (m == model && m.step() == step) {
            return;
        }
        if (m != model) {
            model = m;
            referenceRevenue = 0;
        }
        step = m.step();
        living = m.firmCount();
        every = Math.max(1, (living + MAX_DOTS - 1) / MAX_DOTS);
        if (x.length < Math.min(living, MAX_DOTS + every)) {
            int capacity = Math.min(living, MAX_DOTS + every) + living / 8;
            x = new float[capacity];
            y = new float[capacity];
            sector = new short[capacity];
            radius = new byte[capacity];
            id = new long[capacity];
        }
        Structure st = m.structure();
        if (cellX.length != st.cells) {
            cellX = new double[st.cells];
            cellY = new double[st.cells];
            cellRevenue = new double[st.cells];
        }
        java.util.Arrays.fill(cellX, 0);
        java.util.Arrays.fill(cellY, 0);
        java.util.Arrays.fill(cellRevenue, 0);
        if (referenceRevenue == 0) {
            referenceRevenue = meanRevenue(m);
        }
        double ref = referenceRevenue;
        int sampleEvery = every;
        int[] n = {0};
        m.engine().forEach(f -> {
            long fid = f.id();
            if (!drawn(fid, sampleEvery)) {
                return;
            }
            int i = n[0];
            if (i == x.length) {
                return;
            }
            int p = f.province();
            int k = Geography.spot(fid);
            float fx = geography.spotX(p, k);
            float fy = geography.spotY(p, k);
            double revenue = Math.max(0, f.revenue());
            x[i] = fx;
            y[i] = fy;
            sector[i] = (short) f.sector();
            radius[i] = (byte) (radius(revenue, ref) + (st.iotf(f.sector()) ? 1 : 0));
            id[i] = fid;
            int c = st.cell(p, f.sector());
            cellX[c] += revenue * fx;
            cellY[c] += revenue * fy;
            cellRevenue[c] += revenue;
            n[0]++;
        });
        count = n[0];
        for (int c = 0; c < st.cells; c++) {
            if (cellRevenue[c] > 0) {
                cellX[c] /= cellRevenue[c];
                cellY[c] /= cellRevenue[c];
            }
        }
    }

    /** Whether the firm {@code id} is in the sample of one in {@code every}: always, for every = 1. */
    static boolean drawn(long id, int every) {
        return every <= 1 || Long.remainderUnsigned(Rng.mix(id ^ SAMPLE_SALT), every) == 0;
    }

    /**
     * Dot radius for a revenue: it grows with log revenue, from 0 (one pixel) for firms under
     * the run's starting mean to {@link #MAX_RADIUS} for firms 30 times as large.
     */
    static byte radius(double revenue, double reference) {
        double r = reference > 0 ? Math.log(revenue / reference) / Math.log(30) * MAX_RADIUS + 0.5 : 0;
        return (byte) Math.max(0, Math.min(MAX_RADIUS, (int) Math.floor(r)));
    }

    private static double meanRevenue(YrdModel m) {
        double[] sum = {0};
        m.engine().forEach(f -> sum[0] += Math.max(0, f.revenue()));
        return m.firmCount() > 0 ? sum[0] / m.firmCount() : 0;
    }

    /** Forgets the last snapshot: a new run starts, perhaps with another seed, at step 0 again. */
    void forget() {
        model = null;
        step = -1;
    }
}
