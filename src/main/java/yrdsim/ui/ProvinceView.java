package yrdsim.ui;

import yrdsim.model.Factor;
import yrdsim.model.Province;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/**
 * What the inspector of a clicked province shows: its stocks, the prices on its markets, its
 * flows in and out of every factor in the last step, its IotF share and its clusters. A view:
 * every getter reads the model when MASON refreshes the inspector (under the schedule lock).
 */
public final class ProvinceView {

    /** Property names and labels in the order the inspector shows them. */
    static final String[] LAYOUT = {
        "Name", "Province",
        "Workers", "Workers (thousand)",
        "Talent", "Talent (thousand)",
        "CapitalOwned", "Capital owned (bn yuan)",
        "CapitalSupply", "Capital in its market (bn yuan)",
        "PublicResearch", "Public research stock (bn yuan)",
        "Wage", "Wage (bn yuan per thousand per quarter)",
        "TalentWage", "Talent wage",
        "InterestRate", "Rental rate of capital (per quarter)",
        "TechPrice", "Licence price (bn yuan per unit)",
        "Revenue", "Revenue (bn yuan per quarter)",
        "IotfRevenueShare", "IotF share of revenue",
        "Firms", "Enterprises",
        "NetMigrationWorkers", "Net migration of workers",
        "NetMigrationTalent", "Net migration of talent",
        "WorkersIn", "Workers in (thousand)",
        "WorkersOut", "Workers out (thousand)",
        "TalentIn", "Talent in (thousand)",
        "TalentOut", "Talent out (thousand)",
        "CapitalIn", "Capital placed here from elsewhere (bn yuan)",
        "CapitalOut", "Capital placed elsewhere (bn yuan)",
        "TechnologyIn", "Technology in (licence units)",
        "TechnologyOut", "Technology out (licence units)",
        "Clusters", "Clusters now",
    };

    private final MapContext map;
    private final int index;

    ProvinceView(MapContext map, int index) {
        this.map = map;
        this.index = index;
    }

    private Province p() {
        return map.model().provinces()[index];
    }

    /** Province name. */
    public String getName() {
        return p().getName();
    }

    /** Resident workers. */
    public double getWorkers() {
        return p().getWorkers();
    }

    /** Resident talent. */
    public double getTalent() {
        return p().getTalent();
    }

    /** Capital owned by residents. */
    public double getCapitalOwned() {
        return p().getCapitalOwned();
    }

    /** Capital placed in this province's market by all owners. */
    public double getCapitalSupply() {
        return p().getCapitalSupply();
    }

    /** Public research stock. */
    public double getPublicResearch() {
        return p().getPublicResearch();
    }

    /** Wage in the last step. */
    public double getWage() {
        return p().getWage();
    }

    /** Talent wage in the last step. */
    public double getTalentWage() {
        return p().getTalentWage();
    }

    /** Rental rate of capital in the last step. */
    public double getInterestRate() {
        return p().getInterestRate();
    }

    /** Licence price in the last step. */
    public double getTechPrice() {
        return p().getTechPrice();
    }

    /** Revenue in the last step. */
    public double getRevenue() {
        return p().getRevenue();
    }

    /** IotF share of revenue in the last step. */
    public double getIotfRevenueShare() {
        return p().getIotfRevenueShare();
    }

    /** Enterprises located here. */
    public double getFirms() {
        return p().getFirms();
    }

    /** Net migration of workers in the last step. */
    public double getNetMigrationWorkers() {
        return p().getNetMigrationWorkers();
    }

    /** Net migration of talent in the last step. */
    public double getNetMigrationTalent() {
        return p().getNetMigrationTalent();
    }

    /** Workers who moved here from other provinces in the last step. */
    public double getWorkersIn() {
        return flow(Factor.WORKERS, true);
    }

    /** Workers who left for other provinces in the last step. */
    public double getWorkersOut() {
        return flow(Factor.WORKERS, false);
    }

    /** Talent that moved here in the last step. */
    public double getTalentIn() {
        return flow(Factor.TALENT, true);
    }

    /** Talent that left in the last step. */
    public double getTalentOut() {
        return flow(Factor.TALENT, false);
    }

    /** Capital newly placed here by other provinces' owners in the last step. */
    public double getCapitalIn() {
        return flow(Factor.CAPITAL, true);
    }

    /** Capital newly placed elsewhere by this province's owners in the last step. */
    public double getCapitalOut() {
        return flow(Factor.CAPITAL, false);
    }

    /** Technology licensed or spilled over from other provinces in the last step. */
    public double getTechnologyIn() {
        return flow(Factor.TECHNOLOGY, true);
    }

    /** Technology licensed or spilled over to other provinces in the last step. */
    public double getTechnologyOut() {
        return flow(Factor.TECHNOLOGY, false);
    }

    /** The sectors with a cluster here now, or "none". */
    public String getClusters() {
        Structure st = map.model().structure();
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < st.sectors; s++) {
            if (map.clusters().isActive(st.cell(index, s))) {
                out.append(out.length() > 0 ? ", " : "").append(st.sectorName(s));
            }
        }
        return out.length() > 0 ? out.toString() : "none";
    }

    private double flow(Factor factor, boolean in) {
        YrdModel m = map.model();
        int n = m.structure().regions;
        double[] amount = m.flows(factor);
        double sum = 0;
        for (int other = 0; other < n; other++) {
            if (other != index) {
                sum += in ? amount[other * n + index] : amount[index * n + other];
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Province " + getName();
    }
}
