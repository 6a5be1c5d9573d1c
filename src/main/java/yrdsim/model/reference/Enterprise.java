package yrdsim.model.reference;

import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;
import yrdsim.model.FirmPhases;
import yrdsim.model.FirmRules;
import yrdsim.model.FirmView;
import yrdsim.model.YrdModel;

/**
 * One enterprise as a MASON agent: an object with its own fields, scheduled once per firm phase
 * on the model's {@code Schedule}. It asks the model which phase is running and applies the
 * shared {@link FirmPhases} to itself.
 */
public final class Enterprise implements Steppable, FirmView {

    private static final long serialVersionUID = 1L;

    private final long id;
    private int province;
    private final int sector;
    private double lnA;
    private double tech;
    private double plan;
    private double lnPlan;
    private double lnTfp;
    private double output;
    private double revenue;
    private int age;
    private int losses;
    private boolean alive = true;
    final Stoppable[] stoppers = new Stoppable[3];

    Enterprise(long id, int province, int sector, double lnA, double tech, double plan, double revenue) {
        this.id = id;
        this.province = province;
        this.sector = sector;
        this.lnA = lnA;
        this.tech = tech;
        this.plan = plan;
        this.lnPlan = FirmRules.lnPlan(plan);
        this.revenue = revenue;
    }

    @Override
    public void step(SimState state) {
        YrdModel model = (YrdModel) state;
        switch (model.phase()) {
            case PLAN -> FirmPhases.plan(this, model.context(), model.totals());
            case PRODUCE -> FirmPhases.produce(this, model.context(), model.totals());
            case SETTLE -> FirmPhases.settle(this, model.context(), model.totals());
            default -> throw new IllegalStateException("enterprise stepped outside a firm phase: " + model.phase());
        }
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int province() {
        return province;
    }

    @Override
    public void setProvince(int p) {
        province = p;
    }

    @Override
    public int sector() {
        return sector;
    }

    @Override
    public double lnA() {
        return lnA;
    }

    @Override
    public void setLnA(double v) {
        lnA = v;
    }

    @Override
    public double tech() {
        return tech;
    }

    @Override
    public void setTech(double v) {
        tech = v;
    }

    @Override
    public double plan() {
        return plan;
    }

    @Override
    public double lnPlan() {
        return lnPlan;
    }

    @Override
    public void setPlan(double plan, double lnPlan) {
        this.plan = plan;
        this.lnPlan = lnPlan;
    }

    @Override
    public double lnTfp() {
        return lnTfp;
    }

    @Override
    public void setLnTfp(double v) {
        lnTfp = v;
    }

    @Override
    public double output() {
        return output;
    }

    @Override
    public void setOutput(double v) {
        output = v;
    }

    @Override
    public double revenue() {
        return revenue;
    }

    @Override
    public void setRevenue(double v) {
        revenue = v;
    }

    @Override
    public int age() {
        return age;
    }

    @Override
    public void setAge(int v) {
        age = v;
    }

    @Override
    public int losses() {
        return losses;
    }

    @Override
    public void setLosses(int v) {
        losses = v;
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public void exit() {
        alive = false;
    }
}
