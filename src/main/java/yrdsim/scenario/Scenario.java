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
        RestOfChina restOfChina,
        Policies policies,
        List<TimelineEvent> timeline,
        Parameters parameters,
        Channels channels,
        Map<String, String> sources) implements java.io.Serializable {

    /**
     * The most enterprises a run may hold at once: about 2 GB of firm state in the fast engine.
     * Scenarios that start with more are rejected; a run whose entry takes it past this fails.
     */
    public static final int MAX_ENTERPRISES = 20_000_000;

    /**
     * The most regions a scenario may have: room for the delta's 41 prefecture-level cities. The
     * step-0 calibration's work grows with the square of the region count (64 regions of 2,200
     * firms take about 12 s; 200 regions took 100 s), so a larger count would run for minutes
     * before its first step.
     */
    public static final int MAX_REGIONS = 64;

    /**
     * The most step-0 work a scenario may ask for, in enterprises times regions squared: the
     * calibration of knowledge weighs every region's spillovers for every firm against every other
     * region's (64 regions of 42,000 firms took 133 s). The bound is what {@link #MAX_ENTERPRISES}
     * enterprises in the four provinces of the delta cost.
     */
    public static final long MAX_CALIBRATION_WORK = (long) MAX_ENTERPRISES * 4 * 4;

    /** The most sectors a scenario may have: room for China's 31 two-digit manufacturing industries several times over. */
    public static final int MAX_SECTORS = 128;

    /**
     * The name outputs give the whole delta (all regions together), so no region may take it:
     * {@code summary.json}'s {@code iotf_revenue_share.YRD}, a yardstick's province in
     * {@code clusters.csv}.
     */
    public static final String WHOLE_DELTA = "YRD";

    /** Lists and maps are never null after binding. */
    public Scenario {
        regions = regions == null ? List.of() : List.copyOf(regions);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        sources = OrderedMaps.copy(sources);
    }

    /** Index of the region called {@code name}, or -1. */
    public int regionIndex(String name) {
        for (int i = 0; i < regions.size(); i++) {
            if (name != null && name.equals(regions.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the sector called {@code name}, or -1. */
    public int sectorIndex(String name) {
        for (int i = 0; i < sectors.size(); i++) {
            if (name != null && name.equals(sectors.get(i).name())) {
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
