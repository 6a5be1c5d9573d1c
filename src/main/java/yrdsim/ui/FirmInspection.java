package yrdsim.ui;

import yrdsim.model.FactorUse;
import yrdsim.model.FirmView;
import yrdsim.model.Province;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * What the inspector of a clicked enterprise shows. Made on the click and kept only while its
 * inspector is open: it holds the firm's id and copies the firm's numbers out of the engine's
 * arrays once per model step (one pass over the living firms), so no object per firm exists
 * and the engine is never touched from outside the schedule lock.
 */
public final class FirmInspection {

    /** Property names and labels in the order the inspector shows them. */
    static final String[] LAYOUT = {
        "Id", "Enterprise id",
        "Status", "Status",
        "Province", "Province",
        "Sector", "Sector",
        "Iotf", "Industry of the Future",
        "Revenue", "Revenue (bn yuan per quarter)",
        "Employment", "Employment (thousand, workers and talent)",
        "Talent", "Talent (thousand)",
        "Capital", "Capital (bn yuan)",
        "Tfp", "TFP A_i",
        "Technology", "Technology stock T_i",
        "Age", "Age (quarters)",
        "LossStreak", "Consecutive loss quarters",
    };

    private final MapContext map;
    private final long id;
    private YrdModel seenModel;
    private int seenStep = -1;
    private boolean alive;
    private int province;
    private int sector;
    private double revenue;
    private double plan;
    private double lnA;
    private double tech;
    private int age;
    private int losses;

    FirmInspection(MapContext map, long id) {
        this.map = map;
        this.id = id;
    }

    /** Copies the firm's state after the model's last step; a firm that has exited keeps its last values. */
    private void refresh() {
        YrdModel m = map.model();
        if (m == seenModel && m.step() == seenStep) {
            return;
        }
        seenModel = m;
        seenStep = m.step();
        boolean[] found = {false};
        m.engine().forEach(f -> {
            if (f.id() == id) {
                copy(f);
                found[0] = true;
            }
        });
        alive = found[0];
    }

    private void copy(FirmView f) {
        province = f.province();
        sector = f.sector();
        revenue = f.revenue();
        plan = f.plan();
        lnA = f.lnA();
        tech = f.tech();
        age = f.age();
        losses = f.losses();
    }

    private Structure st() {
        return map.model().structure();
    }

    private Province where() {
        return map.model().provinces()[province];
    }

    /** The enterprise id. */
    public long getId() {
        return id;
    }

    /** "operating", or "exited" once the firm has left the market. */
    public String getStatus() {
        refresh();
        return alive ? "operating" : "exited (last values seen)";
    }

    /** Province the firm is located in. */
    public String getProvince() {
        refresh();
        return st().regionName(province);
    }

    /** The firm's sector. */
    public String getSector() {
        refresh();
        return st().sectorName(sector);
    }

    /** Whether the sector is an Industry of the Future. */
    public boolean getIotf() {
        refresh();
        return st().iotf(sector);
    }

    /** Revenue of the last step. */
    public double getRevenue() {
        refresh();
        return revenue;
    }

    /** Workers and talent employed, at the province's wages of the last step. */
    public double getEmployment() {
        refresh();
        return FactorUse.employment(st(), sector, plan, where());
    }

    /** Talent employed. */
    public double getTalent() {
        refresh();
        return FactorUse.talent(st(), sector, plan, where());
    }

    /** Capital rented. */
    public double getCapital() {
        refresh();
        return FactorUse.capital(st(), sector, plan, where());
    }

    /** The firm's own TFP, exp(ln A_i). */
    public double getTfp() {
        refresh();
        return Math.exp(lnA);
    }

    /** Technology stock. */
    public double getTechnology() {
        refresh();
        return tech;
    }

    /** Quarters since entry. */
    public int getAge() {
        refresh();
        return age;
    }

    /** Consecutive loss quarters. */
    public int getLossStreak() {
        refresh();
        return losses;
    }

    @Override
    public String toString() {
        return "Enterprise " + id;
    }
}
