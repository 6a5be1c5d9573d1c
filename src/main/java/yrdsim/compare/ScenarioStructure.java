package yrdsim.compare;

import java.util.List;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;

/** Whether two scenarios can be compared: the same regions, sectors, start and length. */
final class ScenarioStructure {

    private ScenarioStructure() {
    }

    /** What keeps {@code other} from being compared with {@code base}, or null when nothing does. */
    static String difference(Scenario base, Scenario other) {
        List<String> baseRegions = base.regions().stream().map(RegionSpec::name).toList();
        List<String> otherRegions = other.regions().stream().map(RegionSpec::name).toList();
        if (!baseRegions.equals(otherRegions)) {
            return "its regions " + otherRegions + " differ from the baseline's " + baseRegions;
        }
        List<String> baseSectors = base.sectors().stream().map(s -> s.name() + (s.iotf() ? " (IotF)" : "")).toList();
        List<String> otherSectors = other.sectors().stream().map(s -> s.name() + (s.iotf() ? " (IotF)" : "")).toList();
        if (!baseSectors.equals(otherSectors)) {
            return "its sectors " + otherSectors + " differ from the baseline's " + baseSectors;
        }
        if (!base.time().start().equals(other.time().start()) || base.time().steps() != other.time().steps()) {
            return "it runs " + other.time().steps() + " steps from " + other.time().start() + ", the baseline "
                    + base.time().steps() + " from " + base.time().start() + " (use --steps to align the length)";
        }
        return null;
    }
}
