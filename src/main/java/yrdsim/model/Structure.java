package yrdsim.model;

import java.io.Serializable;
import java.util.List;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.SectorParams;
import yrdsim.scenario.SectorSpec;

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
    private double[] researchWeights(Scenario scenario) {
        double[] weight = new double[cells];
        int iotfSectors = 0;
        for (boolean b : iotf) {
            iotfSectors += b ? 1 : 0;
        }
        for (int c = 0; c < cells; c++) {
            int s = sectorOf(c);
            if (iotf[s]) {
                var weights = scenario.regions().get(regionOf(c)).researchWeights();
                weight[c] = weights.isEmpty() ? 1.0 / iotfSectors : weights.getOrDefault(sectorNames[s], 0.0);
            }
        }
        return weight;
    }

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
    /** 1/(1−ν) by sector: the elasticity of the optimal plan to TFP and prices. */
    final double[] elasticity;
    /** ν + τ by sector: the share of a plan spent on factors and licences. */
    final double[] factorShare;
    /** Demand growth per year by sector. */
    final double[] demandGrowth;
    /** φ^MAR by sector. */
    final double[] phiMar;
    /** φ^Jac by sector. */
    final double[] phiJacobs;
    /** ψ by sector. */
    final double[] psi;
    /** t CO2 per million yuan of output at step-0 prices, by sector. */
    final double[] emissionIntensity;
    /** m: share of intermediate inputs in gross revenue, by sector. */
    final double[] intermediateShare;
    /** Share of step-0 sales to buyers outside the delta, by sector. */
    final double[] externalShare;
    /** Growth per year of the world frontier, by sector. */
    final double[] frontierGrowth;
    /** IotF: share of step-0 sales that are adopted inputs of user sectors, by sector. */
    final double[] adoptionShare;
    /** a[k][s]: share of user s's intermediate spending bought from delta sector k. */
    final double[][] inputs;
    /** IotF: the traditional sector whose input it replaces in its users' bundles (−1: none). */
    final int[] replaces;
    /** IotF: whether sector k supplies user s, [k][s]. */
    final boolean[][] supplies;
    /** Distance decay ω[q][p] = exp(−d_qp / d0), 1 on the diagonal. */
    final double[][] distanceDecay;
    /**
     * w_ps: the share of region p's public research aimed at IotF sector s, by cell (its research
     * weights, equal over IotF sectors without them; 0 for traditional sectors).
     */
    final double[] researchWeight;

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
        factorShare = new double[sectors];
        demandGrowth = new double[sectors];
        phiMar = new double[sectors];
        phiJacobs = new double[sectors];
        psi = new double[sectors];
        emissionIntensity = new double[sectors];
        intermediateShare = new double[sectors];
        externalShare = new double[sectors];
        frontierGrowth = new double[sectors];
        adoptionShare = new double[sectors];
        inputs = new double[sectors][sectors];
        replaces = new int[sectors];
        supplies = new boolean[sectors][sectors];
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
            factorShare[s] = nu[s] + tau[s];
            demandGrowth[s] = k.demandGrowth();
            phiMar[s] = k.phiMar();
            phiJacobs[s] = k.phiJacobs();
            psi[s] = k.psi();
            emissionIntensity[s] = k.emissionIntensity();
            intermediateShare[s] = k.intermediateShare();
            externalShare[s] = k.externalShare();
            frontierGrowth[s] = k.frontierGrowth();
            SectorSpec spec = scenario.sectors().get(s);
            // A sector that supplies no one has no adopted sales, whatever its kind's default says.
            adoptionShare[s] = spec.supplies().isEmpty() ? 0 : k.adoptionShare();
            for (var input : spec.inputs().entrySet()) {
                inputs[scenario.sectorIndex(input.getKey())][s] = input.getValue();
            }
            replaces[s] = spec.replaces() != null ? scenario.sectorIndex(spec.replaces()) : -1;
            for (String user : spec.supplies()) {
                supplies[s][scenario.sectorIndex(user)] = true;
            }
        }
        researchWeight = researchWeights(scenario);
        distanceDecay = new double[regions][regions];
        double d0 = scenario.parameters().distanceDecayKm();
        for (int q = 0; q < regions; q++) {
            for (int p = 0; p < regions; p++) {
                distanceDecay[q][p] = q == p ? 1 : decay(places(scenario.regions().get(q)),
                        places(scenario.regions().get(p)), d0);
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

    /** m: the share of intermediate inputs in sector {@code s}'s gross revenue. */
    public double intermediateShare(int s) {
        return intermediateShare[s];
    }

    /**
     * Emissions, t CO2, of {@code output} (bn yuan at step-0 prices) of sector {@code s}: its
     * intensity in t per million yuan times the output in million yuan.
     */
    public double emissions(int s, double output) {
        return emissionIntensity[s] * output * 1e3;
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

    /** A region's places: its cities, or its centre when it lists none. */
    private static List<List<Double>> places(RegionSpec region) {
        return region.cities().isEmpty() ? List.of(region.center()) : List.copyOf(region.cities().values());
    }

    /**
     * Distance decay between two regions: exp(−d/d0) averaged over every pair of their places.
     * With cities, a region whose economic weight lies close to the other's border is near it
     * (Suzhou is 85 km from Shanghai) although its geographic centre is far away.
     */
    static double decay(List<List<Double>> from, List<List<Double>> to, double d0) {
        double sum = 0;
        for (List<Double> a : from) {
            for (List<Double> b : to) {
                sum += Math.exp(-greatCircleKm(a, b) / d0);
            }
        }
        return sum / (from.size() * to.size());
    }

    /** Great-circle distance between two [longitude, latitude] points, km. */
    static double greatCircleKm(List<Double> a, List<Double> b) {
        double lat1 = Math.toRadians(a.get(1));
        double lat2 = Math.toRadians(b.get(1));
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.get(0) - a.get(0));
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
