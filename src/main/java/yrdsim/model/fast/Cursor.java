package yrdsim.model.fast;

import yrdsim.model.FirmView;

/**
 * A {@link FirmView} onto one slot of a {@link FirmTable}. One cursor per worker thread is
 * reused for every firm, so stepping allocates nothing.
 *
 * <p>Each worker writes its cursor's index once per firm. The cursors are small objects
 * allocated together, so without the padding of {@link Padded} two workers' indices share
 * a cache line that then travels between the cores at every firm.
 */
final class Cursor extends Padded.After implements FirmView {

    private final FirmTable t;

    Cursor(FirmTable table) {
        this.t = table;
    }

    @Override
    public long id() {
        return t.id[i];
    }

    @Override
    public int province() {
        return t.province[i];
    }

    @Override
    public void setProvince(int p) {
        t.province[i] = FirmTable.narrow(p);
    }

    @Override
    public int sector() {
        return t.sector[i];
    }

    @Override
    public double lnA() {
        return t.lnA[i];
    }

    @Override
    public void setLnA(double v) {
        t.lnA[i] = v;
    }

    @Override
    public double tech() {
        return t.tech[i];
    }

    @Override
    public void setTech(double v) {
        t.tech[i] = v;
    }

    @Override
    public double plan() {
        return t.plan[i];
    }

    @Override
    public double lnPlan() {
        return t.lnPlan[i];
    }

    @Override
    public void setPlan(double plan, double lnPlan) {
        t.plan[i] = plan;
        t.lnPlan[i] = lnPlan;
    }

    @Override
    public double lnTfp() {
        return t.lnTfp[i];
    }

    @Override
    public void setLnTfp(double v) {
        t.lnTfp[i] = v;
    }

    @Override
    public double output() {
        return t.output[i];
    }

    @Override
    public void setOutput(double v) {
        t.output[i] = v;
    }

    @Override
    public double revenue() {
        return t.revenue[i];
    }

    @Override
    public void setRevenue(double v) {
        t.revenue[i] = v;
    }

    @Override
    public int age() {
        return t.age[i];
    }

    @Override
    public void setAge(int v) {
        t.age[i] = v;
    }

    @Override
    public int losses() {
        return t.losses[i];
    }

    @Override
    public void setLosses(int v) {
        t.losses[i] = (short) Math.min(v, Short.MAX_VALUE);
    }

    @Override
    public boolean alive() {
        return t.live[i];
    }

    @Override
    public void exit() {
        // The living count is settled by the engine after the phase: threads must not share a counter.
        t.live[i] = false;
    }
}
