package yrdsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A province (or any region) at step 0.
 *
 * @param name            unique name, used in barrier matrices, policies and outputs
 * @param center          longitude and latitude of the region's centre, for distance decay and the map
 * @param workers         workers W_p, thousand persons; null when {@code wage} is given, and the workers
 *                        are calibrated so that the step-0 wage equals it
 * @param talent          talent (R&D staff) H_p, thousand persons
 * @param capitalShare    share of the delta's resident capital owned here; null means each region
 *                        owns what its own firms use at the starting rental rate
 * @param publicResearch  public research stock G_p, bn yuan
 * @param researchWeights weights of G_p over IotF sectors (sum 1); missing means equal weights
 * @param zone            development-zone TFP multiplier before any policy; missing means 1 (none)
 * @param wage            average wage per worker, yuan a year: the step-0 wage the workers are calibrated to
 * @param cities          the region's cities by name, [longitude, latitude]: distances between regions are
 *                        taken between their cities; without cities, between centres
 * @param migrantShare    share of residents whose hukou is in another province (a census figure), the
 *                        target the workers' migration speed is calibrated to; null when unknown
 */
public record RegionSpec(
        String name,
        List<Double> center,
        Double workers,
        double talent,
        Double capitalShare,
        double publicResearch,
        Map<String, Double> researchWeights,
        Double zone,
        Double wage,
        Map<String, List<Double>> cities,
        Double migrantShare) implements java.io.Serializable {

    /** Maps are never null after binding. */
    public RegionSpec {
        researchWeights = OrderedMaps.copy(researchWeights);
        center = center == null ? List.of() : List.copyOf(center);
        zone = zone == null ? 1.0 : zone;
        cities = OrderedMaps.copy(cities);
    }
}
