package yrdsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a well-typed scenario must still pass: ranges, shares that sum to one, matrix
 * sizes, known region and sector names, and the model's own conditions such as α+β+η &lt; 1.
 * Every problem is collected; none stops the others from being found.
 */
final class ScenarioValidator {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final double SHARE_TOLERANCE = 1e-6;
    /** The smallest positive head count, in thousand persons. */
    private static final double MIN_PEOPLE = 0.001;

    private final ScenarioTree tree;
    private final Scenario s;
    private final List<Problem> problems = new ArrayList<>();

    private ScenarioValidator(ScenarioTree tree, Scenario scenario) {
        this.tree = tree;
        this.s = scenario;
    }

    /** Every semantic problem of {@code scenario}, located through {@code tree}. */
    static List<Problem> validate(ScenarioTree tree, Scenario scenario) {
        ScenarioValidator v = new ScenarioValidator(tree, scenario);
        v.header();
        v.regions();
        v.sectors();
        v.enterprises();
        v.barriers();
        v.policies();
        v.parameters();
        v.sources();
        return v.problems;
    }

    private void header() {
        if (s.name() == null || !SAFE_NAME.matcher(s.name()).matches()) {
            add("name", "must be letters, digits, '_', '-' or '.', starting with a letter or digit (it names the output directory)");
        }
        nonBlank("description", s.description());
        nonBlank("paper_basis", s.paperBasis());
        if (!Period.isPeriod(s.time().start())) {
            add("time.start", "must be a period like 2020Q1, got '" + s.time().start() + "'");
        }
        range("time.steps", s.time().steps(), 1, 100_000);
    }

    private void regions() {
        if (s.regions().isEmpty()) {
            add("regions", "at least one region is required");
            return;
        }
        Set<String> names = new HashSet<>();
        int withShare = 0;
        double shareSum = 0;
        for (int i = 0; i < s.regions().size(); i++) {
            RegionSpec r = s.regions().get(i);
            String p = "regions." + i;
            if (r.name() == null || !SAFE_NAME.matcher(r.name()).matches()) {
                add(p + ".name", "must be letters, digits, '_', '-' or '.'");
            } else if (!names.add(r.name())) {
                add(p + ".name", "duplicate region name '" + r.name() + "'");
            }
            if (r.center().size() != 2) {
                add(p + ".center", "must be [longitude, latitude]");
            } else {
                range(p + ".center.0", r.center().get(0), -180, 180);
                range(p + ".center.1", r.center().get(1), -90, 90);
            }
            if ((r.workers() == null) == (r.wage() == null)) {
                add(p, "give either workers (thousand persons) or wage (yuan a year, to calibrate the workers to)");
            } else if (r.workers() != null) {
                people(p + ".workers", r.workers());
            } else {
                range(p + ".wage", r.wage(), 1, 1e8);
            }
            for (var city : r.cities().entrySet()) {
                List<Double> at = city.getValue();
                if (at == null || at.size() != 2) {
                    add(p + ".cities." + city.getKey(), "must be [longitude, latitude]");
                } else {
                    range(p + ".cities." + city.getKey() + ".0", at.get(0), -180, 180);
                    range(p + ".cities." + city.getKey() + ".1", at.get(1), -90, 90);
                }
            }
            people(p + ".talent", r.talent());
            range(p + ".public_research", r.publicResearch(), 0, 1e9);
            above(p + ".zone", r.zone(), 0);
            if (r.capitalShare() != null) {
                withShare++;
                shareSum += r.capitalShare();
                range(p + ".capital_share", r.capitalShare(), 0, 1);
            }
            double weights = 0;
            for (Map.Entry<String, Double> w : r.researchWeights().entrySet()) {
                String wp = p + ".research_weights." + w.getKey();
                int sector = s.sectorIndex(w.getKey());
                if (sector < 0) {
                    add(wp, "unknown sector '" + w.getKey() + "'");
                } else if (!s.sectors().get(sector).iotf()) {
                    add(wp, "research weights are over IotF sectors; '" + w.getKey() + "' is traditional");
                }
                range(wp, w.getValue(), 0, 1);
                weights += w.getValue();
            }
            if (!r.researchWeights().isEmpty() && Math.abs(weights - 1) > SHARE_TOLERANCE) {
                add(p + ".research_weights", "shares must sum to 1, they sum to " + fmt(weights));
            }
        }
        if (withShare > 0 && withShare < s.regions().size()) {
            add("regions", "capital_share must be given for every region or for none");
        } else if (withShare > 0 && Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
            add("regions", "capital_share must sum to 1 over regions, it sums to " + fmt(shareSum));
        }
    }

    private void sectors() {
        if (s.sectors().isEmpty()) {
            add("sectors", "at least one sector is required");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < s.sectors().size(); i++) {
            SectorSpec sector = s.sectors().get(i);
            String p = "sectors." + i;
            if (sector.name() == null || !SAFE_NAME.matcher(sector.name()).matches()) {
                add(p + ".name", "must be letters, digits, '_', '-' or '.'");
            } else if (!names.add(sector.name())) {
                add(p + ".name", "duplicate sector name '" + sector.name() + "'");
            }
            above(p + ".revenue", sector.revenue(), 0);
            range(p + ".firms", sector.firms(), 0, 100_000_000);
            double sum = 0;
            for (Map.Entry<String, Double> share : sector.provinceShares().entrySet()) {
                String sp = p + ".province_shares." + share.getKey();
                if (s.regionIndex(share.getKey()) < 0) {
                    add(sp, "unknown region '" + share.getKey() + "'");
                }
                range(sp, share.getValue(), 0, 1);
                sum += share.getValue();
            }
            if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
                add(p + ".province_shares", "shares must sum to 1, they sum to " + fmt(sum));
            }
            if (s.parameters() != null && s.parameters().sectorDefaults() != null) {
                sectorParams(p, s.sectorParams(i));
            }
        }
    }

    private void sectorParams(String p, SectorParams k) {
        above(p + ".alpha", k.alpha(), 0);
        above(p + ".beta", k.beta(), 0);
        above(p + ".eta", k.eta(), 0);
        if (k.nu() >= 1) {
            add(p, "alpha+beta+eta must be < 1 for decreasing returns, it is " + fmt(k.nu()));
        }
        range(p + ".tau", k.tau(), 0, 1);
        range(p + ".rho", k.rho(), 0, 1);
        if (k.nu() < 1 && k.margin() <= 0) {
            add(p, "the margin 1-(alpha+beta+eta)-tau-rho must be > 0, it is " + fmt(k.margin()));
        }
        range(p + ".gamma", k.gamma(), 0, 1);
        if (!(k.epsilon() > 1) || k.epsilon() > 100) {
            add(p + ".epsilon", "must be in (1, 100], got " + fmt(k.epsilon()));
        }
        range(p + ".demand_growth", k.demandGrowth(), -0.5, 2);
        range(p + ".phi_mar", k.phiMar(), 0, 0.5);
        range(p + ".phi_jacobs", k.phiJacobs(), 0, 1);
        range(p + ".psi", k.psi(), 0, 1);
        range(p + ".emission_intensity", k.emissionIntensity(), 0, 1e5);
    }

    private void enterprises() {
        range("enterprises.scale", s.enterprises().scale(), 1e-6, 1000);
        double firms = 0;
        for (SectorSpec sector : s.sectors()) {
            firms += sector.firms() * s.enterprises().scale();
        }
        if (firms > Scenario.MAX_ENTERPRISES) {
            add("enterprises.scale", "the run would start with " + fmt(Math.round(firms))
                    + " enterprises (sectors' firms times this scale); at most " + Scenario.MAX_ENTERPRISES
                    + " fit in memory");
        }
        if (!(s.enterprises().sizeExponent() > 1) || s.enterprises().sizeExponent() > 10) {
            add("enterprises.size_exponent", "must be in (1, 10] so that mean firm size is finite, got "
                    + fmt(s.enterprises().sizeExponent()));
        }
        range("enterprises.size_sigma", s.enterprises().sizeSigma(), 0, 5);
        // Below 0.1 the lower tail reaches sizes of exp(-745): firms with no revenue at all, whose TFP is -infinity.
        range("enterprises.size_lower_exponent", s.enterprises().sizeLowerExponent(), 0.1, 100);
    }

    private void barriers() {
        barrier("barriers.labor", s.barriers().labor());
        barrier("barriers.capital", s.barriers().capital());
        barrier("barriers.technology", s.barriers().technology());
    }

    private void barrier(String p, BarrierSpec b) {
        if (b == null) {
            add(p, "missing required key");
            return;
        }
        range(p + ".scale", b.scale(), 0, 100);
        boolean hasMatrix = b.matrix() != null && !b.matrix().isEmpty();
        if (b.offDiagonal() == null && !hasMatrix) {
            add(p, "give a 'default' barrier or a 'matrix'");
        }
        if (b.offDiagonal() != null) {
            range(p + ".default", b.offDiagonal(), 0, 1);
        }
        if (hasMatrix) {
            int n = s.regions().size();
            if (b.matrix().size() != n) {
                add(p + ".matrix", "must have " + n + " rows (one per region), has " + b.matrix().size());
                return;
            }
            for (int i = 0; i < n; i++) {
                List<Double> row = b.matrix().get(i);
                if (row == null || row.size() != n) {
                    add(p + ".matrix." + i, "must have " + n + " columns (one per region), has "
                            + (row == null ? 0 : row.size()));
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    String cell = p + ".matrix." + i + "." + j;
                    if (row.get(j) == null) {
                        add(cell, "a value is required here");
                    } else if (i == j && row.get(j) != 0) {
                        add(cell, "the diagonal must be 0 (no barrier within a region)");
                    } else {
                        range(cell, row.get(j), 0, 1);
                    }
                }
            }
        }
    }

    private void policies() {
        Policies pol = s.policies();
        range("policies.common_market", pol.commonMarket(), 0, 100);
        for (Map.Entry<String, Map<String, Double>> region : pol.divisionOfLabor().entrySet()) {
            String p = "policies.division_of_labor." + region.getKey();
            knownRegion(p, region.getKey());
            for (Map.Entry<String, Double> sector : region.getValue().entrySet()) {
                knownSector(p + "." + sector.getKey(), sector.getKey());
                range(p + "." + sector.getKey(), sector.getValue(), 0, 1);
            }
        }
        regionMap("policies.innovation_platforms", pol.innovationPlatforms(), 0, 0.2);
        regionMap("policies.development_zones", pol.developmentZones(), 0, 1);
        regionMap("policies.iotf_incubation", pol.iotfIncubation(), 0, 100);
        range("policies.green_development.carbon_price", pol.greenDevelopment().carbonPrice(), 0, 1e5);
        Policies.FlagshipSupport f = pol.flagshipSupport();
        range("policies.flagship_support.rate", f.rate(), 0, 1);
        if (!(f.topPercent() > 0) || f.topPercent() > 100) {
            add("policies.flagship_support.top_percent", "must be in (0, 100], got " + fmt(f.topPercent()));
        }
        for (int i = 0; i < f.sectors().size(); i++) {
            knownSector("policies.flagship_support.sectors." + i, f.sectors().get(i));
        }
        Policies.LittleGiants g = pol.littleGiants();
        range("policies.little_giants.rate", g.rate(), 0, 1);
        above("policies.little_giants.max_revenue", g.maxRevenue(), 0);
        range("policies.little_giants.min_rd_share", g.minRdShare(), 0, 1);
        for (Map.Entry<String, Policies.TalentProgram> t : pol.talentProgram().entrySet()) {
            String p = "policies.talent_program." + t.getKey();
            knownRegion(p, t.getKey());
            range(p + ".wage_top_up", t.getValue().wageTopUp(), 0, 10);
            range(p + ".barrier_cut", t.getValue().barrierCut(), 0, 1);
            range(p + ".supply_growth", t.getValue().supplyGrowth(), 0, 0.25);
        }
        Policies.InnovationAlliances a = pol.innovationAlliances();
        for (int i = 0; i < a.members().size(); i++) {
            knownRegion("policies.innovation_alliances.members." + i, a.members().get(i));
        }
        range("policies.innovation_alliances.barrier_cut", a.barrierCut(), 0, 1);
        range("policies.innovation_alliances.spillover_boost", a.spilloverBoost(), 0, 10);
        range("policies.innovation_alliances.rd_subsidy", a.rdSubsidy(), 0, 1);
    }

    private void parameters() {
        Parameters k = s.parameters();
        String p = "parameters.";
        range(p + "plan_smoothing", k.planSmoothing(), 1e-6, 1);
        range(p + "start_interest_rate", k.startInterestRate(), 1e-6, 1);
        range(p + "capital_mobility", k.capitalMobility(), 0, 1);
        range(p + "capital_logit", k.capitalLogit(), 0, 100);
        range(p + "capital_depreciation", k.capitalDepreciation(), 0, 0.99);
        range(p + "tech_offer_rate", k.techOfferRate(), 0, 1);
        range(p + "tech_logit", k.techLogit(), 0, 100);
        range(p + "tech_mobility", k.techMobility(), 0, 1);
        range(p + "tech_decay", k.techDecay(), 1e-6, 0.99);
        range(p + "absorptive_capacity", k.absorptiveCapacity(), 1e-9, 1e9);
        range(p + "distance_decay_km", k.distanceDecayKm(), 1e-3, 1e6);
        range(p + "public_research_depreciation", k.publicResearchDepreciation(), 0, 0.99);
        range(p + "worker_mobility", k.workerMobility(), 0, 1);
        range(p + "talent_mobility", k.talentMobility(), 0, 1);
        range(p + "migration_wage_elasticity", k.migrationWageElasticity(), 0, 100);
        range(p + "worker_growth", k.workerGrowth(), -0.25, 0.25);
        range(p + "talent_growth", k.talentGrowth(), -0.25, 0.25);
        range(p + "agglomeration_scale", k.agglomerationScale(), 1e-9, 1e9);
        range(p + "innovation_kappa", k.innovationKappa(), 0, 100);
        range(p + "innovation_mean", k.innovationMean(), 0, 1);
        range(p + "innovation_sd", k.innovationSd(), 0, 1);
        range(p + "gibrat_sigma", k.gibratSigma(), 0, 1);
        range(p + "exit_loss_quarters", k.exitLossQuarters(), 1, 1000);
        range(p + "exit_hazard", k.exitHazard(), 0, 1);
        range(p + "entry_hurdle", k.entryHurdle(), -1, 1);
        range(p + "entry_n0", k.entryN0(), 0, 1e6);
        range(p + "iotf_entry_talent_exponent", k.iotfEntryTalentExponent(), 0, 10);
        range(p + "iotf_entry_fallback", k.iotfEntryFallback(), 0, 1e6);
        range(p + "entrant_size", k.entrantSize(), 1e-6, 10);
        range(p + "relocation_rate", k.relocationRate(), 0, 1);
        range(p + "relocation_cost", k.relocationCost(), 0, 100);
        range(p + "relocation_logit", k.relocationLogit(), 0, 100);
        range(p + "fixed_cost_loss_share", k.fixedCostLossShare(), 0, 0.5);
        above(p + "cluster_lq", k.clusterLq(), 0);
        range(p + "cluster_min_firms", k.clusterMinFirms(), 0, 1_000_000_000);
        range(p + "cluster_min_share", k.clusterMinShare(), 0, 1);
        range(p + "cluster_persistence", k.clusterPersistence(), 1, 1000);
        for (int i = 0; i < k.revenueThresholds().size(); i++) {
            above(p + "revenue_thresholds." + i, k.revenueThresholds().get(i), 0);
        }
        range(p + "hill_tail_share", k.hillTailShare(), 1e-6, 1);
        sectorParams(p + "sector_defaults.traditional", k.sectorDefaults().traditional());
        sectorParams(p + "sector_defaults.iotf", k.sectorDefaults().iotf());
    }

    private void sources() {
        for (Map.Entry<String, String> e : s.sources().entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                add("sources." + e.getKey(), "give a source, or the word assumption with a reason");
            }
        }
    }

    private void regionMap(String p, Map<String, Double> map, double lo, double hi) {
        for (Map.Entry<String, Double> e : map.entrySet()) {
            knownRegion(p + "." + e.getKey(), e.getKey());
            range(p + "." + e.getKey(), e.getValue(), lo, hi);
        }
    }

    private void knownRegion(String path, String name) {
        if (s.regionIndex(name) < 0) {
            add(path, "unknown region '" + name + "' (known: " + String.join(", ",
                    s.regions().stream().map(RegionSpec::name).toList()) + ")");
        }
    }

    private void knownSector(String path, String name) {
        if (s.sectorIndex(name) < 0) {
            add(path, "unknown sector '" + name + "'");
        }
    }

    /**
     * A head count in thousand persons: none, or at least one person. A trading post with a
     * fraction of a person to sell prices it beyond what a double can hold.
     */
    private void people(String path, double value) {
        range(path, value, 0, 1e9);
        if (value > 0 && value < MIN_PEOPLE) {
            add(path, "must be 0 or at least " + MIN_PEOPLE + " (one person; the unit is thousand persons), got "
                    + fmt(value));
        }
    }

    private void nonBlank(String path, String value) {
        if (value == null || value.isBlank()) {
            add(path, "must not be empty");
        }
    }

    private void range(String path, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            add(path, "must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(value));
        }
    }

    private void above(String path, double value, double lo) {
        if (!(value > lo) || !Double.isFinite(value)) {
            add(path, "must be a finite number > " + fmt(lo) + ", got " + fmt(value));
        }
    }

    private void add(String path, String message) {
        problems.add(tree.problem(path, message));
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
