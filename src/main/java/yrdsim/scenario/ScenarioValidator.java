package yrdsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
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
    /** Keys already reported as naming no region or sector (several declarations lie under one). */
    private final Set<String> reported = new HashSet<>();

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
        v.declared("sectors.");
        v.declared("enterprises.");
        v.enterprises();
        v.barriers();
        v.declared("policies.");
        v.declared("parameters.");
        v.declared("rest_of_china.");
        v.sources();
        return v.problems;
    }

    private void header() {
        if (s.name() == null || !SAFE_NAME.matcher(s.name()).matches()) {
            add("name", "must be letters, digits, '_', '-' or '.', starting with a letter or digit (it names the output directory)");
        }
        nonBlank("description", s.description());
        nonBlank("paper_basis", s.paperBasis());
        String start = Period.problem(s.time().start());
        if (start != null) {
            add("time.start", start);
            range("time.steps", s.time().steps(), 1, Period.FIRST.stepsToEnd());
        } else {
            Period first = s.startPeriod();
            if (s.time().steps() < 1 || s.time().steps() > first.stepsToEnd()) {
                add("time.steps", "must be in [1, " + first.stepsToEnd() + "]: from " + first + " the last step "
                        + "must come by " + Period.LAST + ", the last quarter the simulator supports; got "
                        + s.time().steps());
            }
        }
    }

    /**
     * Problems with the number of regions and sectors, found before anything else is checked:
     * checking every region of an oversized scenario would only take long and say little more.
     */
    static List<Problem> sizes(ScenarioTree tree) {
        List<Problem> problems = new ArrayList<>();
        JsonNode regions = tree.root().get("regions");
        if (regions != null && regions.isArray() && regions.size() > Scenario.MAX_REGIONS) {
            problems.add(tree.problem("regions", "at most " + Scenario.MAX_REGIONS + " regions, got " + regions.size()
                    + " (building step 0 takes time that grows with the square of the region count)"));
        }
        JsonNode sectors = tree.root().get("sectors");
        if (sectors != null && sectors.isArray() && sectors.size() > Scenario.MAX_SECTORS) {
            problems.add(tree.problem("sectors", "at most " + Scenario.MAX_SECTORS + " sectors, got " + sectors.size()));
        }
        return problems;
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
            } else if (r.name().equals(Scenario.WHOLE_DELTA)) {
                add(p + ".name", "'" + Scenario.WHOLE_DELTA + "' names the whole delta in the outputs; give the region "
                        + "another name");
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
            if (r.migrantShare() != null) {
                range(p + ".migrant_share", r.migrantShare(), 0, 0.99);
            }
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
                    add(wp, Suggestions.unknown("sector", w.getKey(), sectorNames()));
                } else if (!s.sectors().get(sector).iotf()) {
                    add(wp, "research weights are over IotF sectors; '" + w.getKey() + "' is traditional");
                }
                range(wp, w.getValue(), 0, 1);
                weights += w.getValue();
            }
            if (!r.researchWeights().isEmpty() && Math.abs(weights - 1) > SHARE_TOLERANCE) {
                add(p + ".research_weights", "shares must sum to 1, they sum to " + sum(weights));
            }
        }
        RestOfChina roc = s.restOfChina();
        if (roc != null && roc.open() && !(roc.wage() > 0)) {
            add("rest_of_china.wage", "must be above 0 when the rest of China has workers or talent (yuan a year)");
        }
        if (withShare > 0 && withShare < s.regions().size()) {
            add("regions", "capital_share must be given for every region or for none");
        } else if (withShare > 0 && Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
            add("regions", "capital_share must sum to 1 over regions, it sums to " + sum(shareSum));
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
                    add(sp, Suggestions.unknown("region", share.getKey(), regionNames()));
                }
                range(sp, share.getValue(), 0, 1);
                sum += share.getValue();
            }
            if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
                add(p + ".province_shares", "shares must sum to 1, they sum to " + sum(sum));
            }
            sectorParams(p, s.sectorParams(i));
            loopGain(p, i);
            links(p, sector);
        }
    }

    /** The input–output coefficients and the IotF adoption links of one sector. */
    private void links(String p, SectorSpec sector) {
        double sum = 0;
        for (Map.Entry<String, Double> input : sector.inputs().entrySet()) {
            String ip = p + ".inputs." + input.getKey();
            if (s.sectorIndex(input.getKey()) < 0) {
                add(ip, "unknown sector '" + input.getKey() + "'");
            }
            range(ip, input.getValue(), 0, 1);
            sum += input.getValue() == null ? 0 : input.getValue();
        }
        if (sum > 1 + SHARE_TOLERANCE) {
            add(p + ".inputs", "coefficients are shares of intermediate spending and must sum to at most 1 "
                    + "(the rest is bought outside the delta), they sum to " + sum(sum));
        }
        if (!sector.iotf() && (!sector.supplies().isEmpty() || sector.replaces() != null)) {
            add(p, "only an IotF sector supplies user sectors and replaces an input ('supplies', 'replaces')");
            return;
        }
        for (int j = 0; j < sector.supplies().size(); j++) {
            String user = sector.supplies().get(j);
            if (s.sectorIndex(user) < 0) {
                add(p + ".supplies." + j, "unknown sector '" + user + "'");
            } else if (user.equals(sector.name())) {
                add(p + ".supplies." + j, "a sector cannot supply itself");
            }
        }
        if (sector.adoptionShare() != null && sector.adoptionShare() > 0 && sector.supplies().isEmpty()) {
            add(p + ".adoption_share", "is " + fmt(sector.adoptionShare()) + " but 'supplies' lists no user sector "
                    + "to adopt it");
        }
        if (sector.replaces() != null) {
            int replaced = s.sectorIndex(sector.replaces());
            if (replaced < 0) {
                add(p + ".replaces", "unknown sector '" + sector.replaces() + "'");
            } else if (s.sectors().get(replaced).iotf()) {
                add(p + ".replaces", "an IotF sector replaces a traditional input; '" + sector.replaces()
                        + "' is IotF");
            }
        } else if (!sector.supplies().isEmpty()) {
            add(p + ".replaces", "a sector that supplies users must name the traditional input it replaces");
        }
    }

    /** The conditions between a sector's parameters; each parameter's own range is declared. */
    private void sectorParams(String p, SectorParams k) {
        if (k.nu() >= 1) {
            add(p, "alpha+beta+eta must be < 1 for decreasing returns, it is " + sum(k.nu()));
        }
        if (k.externalShare() + k.adoptionShare() >= 1) {
            add(p, "external_share + adoption_share must be < 1, leaving some step-0 sales to final demand, it is "
                    + sum(k.externalShare() + k.adoptionShare()));
        }
        if (k.nu() < 1 && k.margin() <= 0) {
            add(p, "the margin 1-(alpha+beta+eta)-tau-rho must be > 0, it is " + sum(k.margin()));
        }
    }

    /** MODEL-2 11: the knowledge loop of sector {@code i} must have a gain below 1. */
    private void loopGain(String p, int i) {
        SectorParams k = s.sectorParams(i);
        if (k.nu() >= 1) {
            return;
        }
        double gain = LoopGain.of(s.parameters(), k, LoopGain.adopts(s, i));
        if (!(gain < LoopGain.LIMIT)) {
            add(p, "the knowledge loop's gain is " + sum(gain) + ", at or above 1, so knowledge, revenue and R&D "
                    + "would feed each other without bound: it is parameters.creation_knowledge_elasticity ("
                    + s.parameters().creationKnowledgeElasticity() + ") + parameters.creation_rd_elasticity ("
                    + s.parameters().creationRdElasticity() + ") x gamma / (1 - alpha - beta - eta) ("
                    + sum(k.gamma() / (1 - k.nu())) + ")" + (LoopGain.adopts(s, i)
                    ? " x parameters.adoption_elasticity (" + s.parameters().adoptionElasticity() + ")" : "")
                    + "; lower one of them (MODEL-2 11)");
        }
    }

    private void enterprises() {
        double firms = 0;
        for (SectorSpec sector : s.sectors()) {
            firms += sector.firms() * s.enterprises().scale();
        }
        int regions = s.regions().size();
        if (firms > Scenario.MAX_ENTERPRISES) {
            add("enterprises.scale", "the run would start with " + fmt(Math.round(firms))
                    + " enterprises (sectors' firms times this scale); at most " + Scenario.MAX_ENTERPRISES
                    + " fit in memory");
        } else if (firms * regions * regions > Scenario.MAX_CALIBRATION_WORK) {
            double most = Math.floor(Scenario.MAX_CALIBRATION_WORK / (double) regions / regions);
            add("enterprises.scale", "the run would start with " + fmt(Math.round(firms)) + " enterprises in "
                    + regions + " regions; building step 0 takes work that grows with enterprises times regions "
                    + "squared, and at most " + fmt(most) + " enterprises fit in " + regions
                    + " regions (use a smaller scale or fewer regions)");
        }
    }

    private void barriers() {
        barrier("barriers.labor", s.barriers().labor());
        barrier("barriers.capital", s.barriers().capital());
        barrier("barriers.technology", s.barriers().technology());
        declared("barriers.external.");
    }

    private void barrier(String p, BarrierSpec b) {
        if (b == null) {
            add(p, "missing required key");
            return;
        }
        declared(p + ".");
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

    /**
     * Every declared lever and parameter under {@code prefix} that the tree holds: numbers in
     * their valid range, keys and lists that must name regions or sectors naming known ones. The
     * sections are checked in document order, so problems come in the order a reader meets them.
     */
    private void declared(String prefix) {
        for (Declaration d : Declarations.ALL) {
            for (String pattern : d.paths()) {
                if (!pattern.startsWith(prefix)) {
                    continue;
                }
                PathPattern.visit(tree.root(), pattern, s, new PathPattern.Visitor() {
                    @Override
                    public void value(String path, JsonNode value) {
                        check(d, path, value);
                    }

                    @Override
                    public void unknownName(String path, String kind, String name) {
                        if (reported.add(path)) {
                            unknown(path, kind, name);
                        }
                    }
                });
            }
        }
    }

    private void check(Declaration d, String path, JsonNode value) {
        switch (d.type()) {
            case NUMBER -> {
                if (value.isNumber()) {
                    within(path, value.asDouble(), d.valid(), d.validWhy());
                }
            }
            case REGION_NAMES, SECTOR_NAMES -> {
                String kind = d.type() == Declaration.Type.REGION_NAMES ? "region" : "sector";
                for (int i = 0; i < value.size(); i++) {
                    String name = value.get(i).asText();
                    if (kind.equals("region") ? s.regionIndex(name) < 0 : s.sectorIndex(name) < 0) {
                        unknown(path + "." + i, kind, name);
                    }
                }
            }
            default -> throw new IllegalStateException("no check for " + d.type());
        }
    }

    private void unknown(String path, String kind, String name) {
        add(path, Suggestions.unknown(kind, name, kind.equals("region") ? regionNames() : sectorNames()));
    }

    private void sources() {
        for (Map.Entry<String, String> e : s.sources().entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                add("sources." + e.getKey(), "give a source, or the word assumption with a reason");
            }
        }
    }

    private List<String> regionNames() {
        return s.regions().stream().map(RegionSpec::name).toList();
    }

    private List<String> sectorNames() {
        return s.sectors().stream().map(SectorSpec::name).toList();
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
        within(path, value, Range.closed(lo, hi), null);
    }

    /** {@code value} in {@code range}, else a problem that names the range and, if given, why it ends there. */
    private void within(String path, double value, Range range, String why) {
        if (!range.contains(value)) {
            add(path, "must be in " + range + ", got " + fmt(value) + (why == null ? "" : " (" + why + ")"));
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
        return Range.number(v);
    }

    /** A sum of shares, rounded to nine decimals so that 0.7 + 0.6 reads 1.3. */
    private static String sum(double v) {
        return Range.number(Math.round(v * 1e9) / 1e9);
    }
}
