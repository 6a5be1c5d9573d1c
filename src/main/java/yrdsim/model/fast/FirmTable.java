package yrdsim.model.fast;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Enterprises as a structure of primitive arrays, one slot per firm, in increasing id order.
 * Exited firms leave holes that the step loop skips; entrants are appended (ids only grow, so
 * order is kept); {@link #compact} closes the holes when they pass a tenth of the table, or
 * when the table is full and that makes room, so the arrays grow only with the living firms.
 *
 * <p>State per enterprise: 7 doubles, one long, one int, three shorts and a boolean,
 * {@value #BYTES_PER_FIRM} bytes. Regions and sectors are shorts (a scenario has a handful), and
 * the loss streak saturates at {@link Short#MAX_VALUE} quarters.
 */
final class FirmTable implements Serializable {

    private static final long serialVersionUID = 2L;
    /** Bytes of state per slot. */
    static final int BYTES_PER_FIRM = 7 * 8 + 8 + 4 + 3 * 2 + 1;
    /**
     * Room for entrants beyond the initial firms, so that a growing population does not grow the
     * arrays for years (at 10^7 firms a growth copies 1.3 GB).
     */
    private static final double HEADROOM = 0.25;

    int size;
    int alive;
    long[] id;
    short[] province;
    short[] sector;
    double[] lnA;
    double[] tech;
    double[] plan;
    double[] lnPlan;
    double[] lnTfp;
    double[] output;
    double[] revenue;
    int[] age;
    short[] losses;
    boolean[] live;

    FirmTable(int firms) {
        allocate(Math.max(16, firms + (int) (HEADROOM * firms)));
    }

    private void allocate(int capacity) {
        id = Arrays.copyOf(id == null ? new long[0] : id, capacity);
        province = Arrays.copyOf(province == null ? new short[0] : province, capacity);
        sector = Arrays.copyOf(sector == null ? new short[0] : sector, capacity);
        lnA = Arrays.copyOf(lnA == null ? new double[0] : lnA, capacity);
        tech = Arrays.copyOf(tech == null ? new double[0] : tech, capacity);
        plan = Arrays.copyOf(plan == null ? new double[0] : plan, capacity);
        lnPlan = Arrays.copyOf(lnPlan == null ? new double[0] : lnPlan, capacity);
        lnTfp = Arrays.copyOf(lnTfp == null ? new double[0] : lnTfp, capacity);
        output = Arrays.copyOf(output == null ? new double[0] : output, capacity);
        revenue = Arrays.copyOf(revenue == null ? new double[0] : revenue, capacity);
        age = Arrays.copyOf(age == null ? new int[0] : age, capacity);
        losses = Arrays.copyOf(losses == null ? new short[0] : losses, capacity);
        live = Arrays.copyOf(live == null ? new boolean[0] : live, capacity);
    }

    /** Slots allocated. */
    int capacity() {
        return id.length;
    }

    void append(long firmId, int p, int s, double a, double t, double x, double r) {
        if (size > 0 && firmId <= id[size - 1]) {
            throw new IllegalArgumentException("firm ids must increase: " + firmId + " after " + id[size - 1]);
        }
        if (size == id.length) {
            // Full: close the holes if that frees a sixteenth of the table, else grow by half.
            if (size - alive > size >> 4) {
                compact();
            } else {
                allocate(id.length + (id.length >> 1) + 16);
            }
        }
        int i = size++;
        id[i] = firmId;
        province[i] = narrow(p);
        sector[i] = narrow(s);
        lnA[i] = a;
        tech[i] = t;
        plan[i] = x;
        lnPlan[i] = yrdsim.model.FirmRules.lnPlan(x);
        lnTfp[i] = 0;
        output[i] = 0;
        revenue[i] = r;
        age[i] = 0;
        losses[i] = 0;
        live[i] = true;
        alive++;
    }

    /** A region or sector index as stored. */
    static short narrow(int index) {
        if (index < 0 || index > Short.MAX_VALUE) {
            throw new IllegalArgumentException("region or sector index out of range: " + index);
        }
        return (short) index;
    }

    /** Moves living firms down over the holes, keeping their order. */
    void compact() {
        int j = 0;
        for (int i = 0; i < size; i++) {
            if (!live[i]) {
                continue;
            }
            if (i != j) {
                id[j] = id[i];
                province[j] = province[i];
                sector[j] = sector[i];
                lnA[j] = lnA[i];
                tech[j] = tech[i];
                plan[j] = plan[i];
                lnPlan[j] = lnPlan[i];
                lnTfp[j] = lnTfp[i];
                output[j] = output[i];
                revenue[j] = revenue[i];
                age[j] = age[i];
                losses[j] = losses[i];
                live[j] = true;
            }
            j++;
        }
        Arrays.fill(live, j, size, false);
        if (j != alive) {
            throw new IllegalStateException("living firms counted " + alive + ", found " + j);
        }
        size = j;
    }
}
