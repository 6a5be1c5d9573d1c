package yrdsim.scenario;

import java.util.Map;

/**
 * Barriers to moving from the rest of China into each province (MODEL-2 3): hukou and
 * settlement rules. They act on workers, and on talent after talent programmes' cuts; the labour
 * barrier's scale and the common market scale them too. Moving out to the rest of China meets
 * no barrier.
 *
 * @param scale   multiplier on every external barrier: 0 is free entry, 1 the barriers as written
 * @param workers the barrier into each province, by region name; a province left out has none
 */
public record ExternalBarriers(double scale, Map<String, Double> workers) implements java.io.Serializable {

    /** The map is never null after binding. */
    public ExternalBarriers {
        workers = OrderedMaps.copy(workers);
    }
}
