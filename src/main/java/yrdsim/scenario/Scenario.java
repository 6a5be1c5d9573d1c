package yrdsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario as bound from YAML: the world at step 0 (regions, sectors, enterprises,
 * barriers), the policy levers, the timeline of changes, the behavioural parameters and the
 * source of every number. Instances come from {@link ScenarioLoader}, which validates them;
 * the model never sees an unvalidated scenario.
 */
public record Scenario(
        String name,
        String description,
        String paperBasis,
        TimeSpec time,
        long seed,
        List<RegionSpec> regions,
        List<SectorSpec> sectors,
        EnterpriseSpec enterprises,
        BarrierSet barriers,
        Policies policies,
        List<TimelineEvent> timeline,
        Parameters parameters,
        Map<String, String> sources) implements java.io.Serializable {

    /**
     * The most enterprises a run may hold at once: about 2 GB of firm state in the fast engine.
     * Scenarios that start with more are rejected; a run whose entry takes it past this fails.
     */
    public static final int MAX_ENTERPRISES = 20_000_000;

    /** Lists and maps are never null after binding. */
    public Scenario {
        regions = regions == null ? List.of() : List.copyOf(regions);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** Index of the region called {@code name}, or -1. */
    public int regionIndex(String name) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the sector called {@code name}, or -1. */
    public int sectorIndex(String name) {
        for (int i = 0; i < sectors.size(); i++) {
            if (sectors.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The resolved parameters of sector {@code s}: its own values over its kind's defaults. */
    public SectorParams sectorParams(int s) {
        SectorSpec spec = sectors.get(s);
        return spec.resolve(spec.iotf() ? parameters.sectorDefaults().iotf() : parameters.sectorDefaults().traditional());
    }

    /** The period of step 0. */
    public Period startPeriod() {
        return Period.parse(time.start());
    }

    /** The period of step {@code step}. */
    public Period period(int step) {
        return startPeriod().plus(step);
    }
}
