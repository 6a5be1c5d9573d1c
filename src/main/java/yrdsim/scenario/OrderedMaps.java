package yrdsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copies of a scenario's maps that keep the order the file wrote them in.
 * {@link Map#copyOf} would not: its iteration order changes from one JVM to the next, and a sum
 * taken in map order (a region's cities, for instance) then differs in its last digit from run
 * to run, which breaks reproducibility.
 */
final class OrderedMaps {

    private OrderedMaps() {
    }

    /** An unmodifiable copy of {@code map} in its own order; empty for null. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
