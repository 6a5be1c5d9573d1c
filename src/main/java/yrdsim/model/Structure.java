package yrdsim.model;

import java.io.Serializable;
import java.util.List;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.SectorParams;

/**
 * The fixed shape of a run: regions, sectors and their parameters in flat arrays, and the
 * distance decay between regions. A (region, sector) pair is a cell, indexed p·S + s.
 *
 * <p>Immutable once built: the submodels in this package read the arrays, everyone else the
 * accessors.
 */
public final class Structure implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double EARTH_RADIUS_KM = 6371.0;

    /** Number of regions P, sectors S and cells P·S. */
    public final int regions;
    /** Number of sectors. */
    public final int sectors;
    /** Number of cells. */
    public final int cells;
    /** Region names in scenario order. */
    final String[] regionNames;
    /** Sector names in scenario order. */
    final String[] sectorNames;
    /** Whether each sector is an Industry of the Future. */
    final boolean[] iotf;
    /** Sector parameters by sector index. */
    final double[] alpha;
    /** β by sector. */
    final double[] beta;
    /** η by sector. */
    final double[] eta;
    /** τ by sector. */
    final double[] tau;
    /** γ by sector. */
    final double[] gamma;
    /** ρ by sector. */
    final double[] rho;
    /** ε by sector. */
    final double[] epsilon;
    /** ν = α+β+η by sector. */
    final double[] nu;
    /** 1/(1−ν) by sector: the elasticity of optimal revenue to TFP and prices. */
    final double[] elasticity;
    /** Demand growth per year by sector. */
    final double[] demandGrowth;
    /** φ^MAR by sector. */
    final double[] phiMar;
    /** φ^Jac by sector. */
    final double[] phiJacobs;
    /** ψ by sector. */
    final double[] psi;
    /** t CO2 per million yuan of revenue, by sector. */
    final double[] emissionIntensity;
    /** Distance decay ω[q][p] = exp(−d_qp / d0), 1 on the diagonal. */
    final double[][] distanceDecay;

    /** Builds the structure of {@code scenario}. */
    public Structure(Scenario scenario) {
        regions = scenario.regions().size();
        sectors = scenario.sectors().size();
        cells = regions * sectors;
        regionNames = scenario.regions().stream().map(RegionSpec::name).toArray(String[]::new);
        sectorNames = scenario.sectors().stream().map(s -> s.name()).toArray(String[]::new);
        iotf = new boolean[sectors];
        alpha = new double[sectors];
        beta = new double[sectors];
        eta = new double[sectors];
        tau = new double[sectors];
        gamma = new double[sectors];
        rho = new double[sectors];
        epsilon = new double[sectors];
        nu = new double[sectors];
        elasticity = new double[sectors];
        demandGrowth = new double[sectors];
        phiMar = new double[sectors];
        phiJacobs = new double[sectors];
        psi = new double[sectors];
        emissionIntensity = new double[sectors];
        for (int s = 0; s < sectors; s++) {
            SectorParams k = scenario.sectorParams(s);
            iotf[s] = scenario.sectors().get(s).iotf();
            alpha[s] = k.alpha();
            beta[s] = k.beta();
            eta[s] = k.eta();
            tau[s] = k.tau();
            gamma[s] = k.gamma();
            rho[s] = k.rho();
            epsilon[s] = k.epsilon();
            nu[s] = k.nu();
            elasticity[s] = 1 / (1 - nu[s]);
            demandGrowth[s] = k.demandGrowth();
            phiMar[s] = k.phiMar();
            phiJacobs[s] = k.phiJacobs();
            psi[s] = k.psi();
            emissionIntensity[s] = k.emissionIntensity();
        }
        distanceDecay = new double[regions][regions];
        double d0 = scenario.parameters().distanceDecayKm();
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                double km = q == p ? 0 : greatCircleKm(scenario.regions().get(q), scenario.regions().get(p));
                distanceDecay[q][p] = Math.exp(-km / d0);
            }
        }
    }

    /** Region names in scenario order. */
    public List<String> regionList() {
        return List.of(regionNames);
    }

    /** Sector names in scenario order. */
    public List<String> sectorList() {
        return List.of(sectorNames);
    }

    /** Name of region {@code p}. */
    public String regionName(int p) {
        return regionNames[p];
    }

    /** Name of sector {@code s}. */
    public String sectorName(int s) {
        return sectorNames[s];
    }

    /** Whether sector {@code s} is an Industry of the Future. */
    public boolean iotf(int s) {
        return iotf[s];
    }

    /** Cell index of region {@code p}, sector {@code s}. */
    public int cell(int p, int s) {
        return p * sectors + s;
    }

    /** Region of cell {@code c}. */
    public int regionOf(int c) {
        return c / sectors;
    }

    /** Sector of cell {@code c}. */
    public int sectorOf(int c) {
        return c % sectors;
    }

    static double greatCircleKm(RegionSpec a, RegionSpec b) {
        double lat1 = Math.toRadians(a.center().get(1));
        double lat2 = Math.toRadians(b.center().get(1));
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.center().get(0) - a.center().get(0));
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
