package yrdsim.model;

import java.io.Serializable;
import java.util.Map;
import yrdsim.scenario.Policies;
import yrdsim.scenario.Scenario;

/**
 * The policy levers of MODEL.md section 5 turned into the numbers the model uses: effective
 * barrier matrices, subsidy rates by cell, zone terms, and so on. Rebuilt whenever the scenario
 * changes (timeline, GUI). {@link #neutral} gives the status quo used for calibration: barrier
 * matrices as written and every policy off.
 *
 * <p>Immutable once built: the arrays are read by the model's submodels in this package, and
 * everyone else reads single values through the accessors.
 */
public final class Levers implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Effective barriers b[origin][destination] for workers, talent, capital and technology. */
    final double[][] labor;
    /** Talent barrier (the labour barrier with talent-programme cuts into each destination). */
    final double[][] talent;
    /** Barrier from the rest of China into each province for workers (hukou and settlement), scaled. */
    final double[] externalLabor;
    /** The same for talent, with talent-programme cuts. */
    final double[] externalTalent;
    /** Capital barrier. */
    final double[][] capital;
    /** Technology barrier (with innovation-alliance cuts between members). */
    final double[][] technology;
    /** Division-of-labour output subsidy rate by cell. */
    final double[] cellSubsidy;
    /** ln zone_p: base zones plus development-zone policy. */
    final double[] lnZone;
    /** Extra public R&amp;D as a share of output, by region. */
    final double[] extraPublicRd;
    /** Carbon price, yuan per tonne. */
    final double carbonPrice;
    /** Flagship output subsidy rate. */
    final double flagshipRate;
    /** Share (0..1] of the largest firms that count as flagships. */
    final double flagshipTopShare;
    /** Sectors with a flagship programme. */
    final boolean[] flagshipSector;
    /** Little-giant R&amp;D subsidy rate. */
    final double littleGiantRate;
    /** Quarterly revenue ceiling of a little giant. */
    final double littleGiantCeiling;
    /** Sectors whose R&amp;D share makes their small firms eligible. */
    final boolean[] littleGiantSector;
    /** Talent wage top-up by destination region. */
    final double[] talentTopUp;
    /** Talent supply growth per quarter by region. */
    final double[] talentSupplyGrowth;
    /** Multiplier on ψ by region (alliance members get 1 + boost). */
    final double[] spilloverScale;
    /** Alliance R&amp;D subsidy rate by cell (member regions, IotF sectors). */
    final double[] allianceRdRate;
    /** IotF entry subsidy by region. */
    final double[] incubation;

    private Levers(Scenario scenario, Structure st, boolean neutral) {
        int n = st.regions;
        Policies pol = scenario.policies();
        double common = neutral ? 1 : pol.commonMarket();
        labor = barrier(scenario.barriers().labor(), n, neutral, common);
        capital = barrier(scenario.barriers().capital(), n, neutral, common);
        technology = barrier(scenario.barriers().technology(), n, neutral, common);
        talent = new double[n][n];
        externalLabor = new double[n];
        externalTalent = new double[n];
        yrdsim.scenario.ExternalBarriers external = scenario.barriers().external();
        double externalScale = neutral ? 1 : external.scale() * common;
        for (int q = 0; q < n; q++) {
            externalLabor[q] = Math.min(1, external.workers().getOrDefault(st.regionNames[q], 0.0) * externalScale);
            externalTalent[q] = externalLabor[q];
        }
        talentTopUp = new double[n];
        talentSupplyGrowth = new double[n];
        for (int p = 0; p < n; p++) {
            talent[p] = labor[p].clone();
        }
        cellSubsidy = new double[st.cells];
        lnZone = new double[n];
        extraPublicRd = new double[n];
        spilloverScale = new double[n];
        allianceRdRate = new double[st.cells];
        incubation = new double[n];
        flagshipSector = new boolean[st.sectors];
        littleGiantSector = new boolean[st.sectors];
        java.util.Arrays.fill(spilloverScale, 1);
        for (int p = 0; p < n; p++) {
            lnZone[p] = Math.log(scenario.regions().get(p).zone());
        }
        if (neutral) {
            carbonPrice = 0;
            flagshipRate = 0;
            flagshipTopShare = 1;
            littleGiantRate = 0;
            littleGiantCeiling = 0;
            return;
        }
        for (Map.Entry<String, Map<String, Double>> region : pol.divisionOfLabor().entrySet()) {
            int p = scenario.regionIndex(region.getKey());
            for (Map.Entry<String, Double> sector : region.getValue().entrySet()) {
                cellSubsidy[st.cell(p, scenario.sectorIndex(sector.getKey()))] = sector.getValue();
            }
        }
        pol.developmentZones().forEach((region, bonus) -> lnZone[scenario.regionIndex(region)] += bonus);
        pol.innovationPlatforms().forEach((region, share) -> extraPublicRd[scenario.regionIndex(region)] = share);
        pol.iotfIncubation().forEach((region, rate) -> incubation[scenario.regionIndex(region)] = rate);
        pol.talentProgram().forEach((region, program) -> {
            int q = scenario.regionIndex(region);
            talentTopUp[q] = program.wageTopUp();
            talentSupplyGrowth[q] = program.supplyGrowth();
            for (int p = 0; p < n; p++) {
                talent[p][q] *= 1 - program.barrierCut();
            }
            externalTalent[q] *= 1 - program.barrierCut();
        });
        Policies.InnovationAlliances alliance = pol.innovationAlliances();
        boolean[] member = new boolean[n];
        alliance.members().forEach(m -> member[scenario.regionIndex(m)] = true);
        for (int p = 0; p < n; p++) {
            if (!member[p]) {
                continue;
            }
            spilloverScale[p] = 1 + alliance.spilloverBoost();
            for (int q = 0; q < n; q++) {
                if (member[q]) {
                    technology[p][q] *= 1 - alliance.barrierCut();
                }
            }
            for (int s = 0; s < st.sectors; s++) {
                if (st.iotf[s]) {
                    allianceRdRate[st.cell(p, s)] = alliance.rdSubsidy();
                }
            }
        }
        carbonPrice = pol.greenDevelopment().carbonPrice();
        Policies.FlagshipSupport flagship = pol.flagshipSupport();
        flagshipRate = flagship.rate();
        flagshipTopShare = flagship.topPercent() / 100;
        for (int s = 0; s < st.sectors; s++) {
            flagshipSector[s] = flagship.rate() > 0
                    && (flagship.sectors().isEmpty() || flagship.sectors().contains(st.sectorNames[s]));
        }
        Policies.LittleGiants giants = pol.littleGiants();
        littleGiantRate = giants.rate();
        littleGiantCeiling = giants.maxRevenue() / 4;
        for (int s = 0; s < st.sectors; s++) {
            littleGiantSector[s] = giants.rate() > 0 && st.rho[s] >= giants.minRdShare();
        }
    }

    /** The levers in force under {@code scenario}. */
    public static Levers of(Scenario scenario, Structure st) {
        return new Levers(scenario, st, false);
    }

    /** The status quo of {@code scenario}: barrier matrices as written, scales 1, policies off. */
    public static Levers neutral(Scenario scenario, Structure st) {
        return new Levers(scenario, st, true);
    }

    /** Effective labour barrier from {@code p} to {@code q}. */
    public double labor(int p, int q) {
        return labor[p][q];
    }

    /** Effective talent barrier from {@code p} to {@code q} (talent-programme cuts included). */
    public double talent(int p, int q) {
        return talent[p][q];
    }

    /** Effective barrier for workers from the rest of China into province {@code q}. */
    public double externalLabor(int q) {
        return externalLabor[q];
    }

    /** Effective barrier for talent from the rest of China into province {@code q} (talent-programme cuts included). */
    public double externalTalent(int q) {
        return externalTalent[q];
    }

    /** Effective capital barrier from {@code p} to {@code q}. */
    public double capital(int p, int q) {
        return capital[p][q];
    }

    /** Effective technology barrier from {@code p} to {@code q} (alliance cuts included). */
    public double technology(int p, int q) {
        return technology[p][q];
    }

    private static double[][] barrier(yrdsim.scenario.BarrierSpec spec, int n, boolean neutral, double common) {
        double scale = neutral ? 1 : spec.scale() * common;
        double[][] b = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                b[p][q] = p == q ? 0 : Math.min(1, spec.base(p, q) * scale);
            }
        }
        return b;
    }
}
