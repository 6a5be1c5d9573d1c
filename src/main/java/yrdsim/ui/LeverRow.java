package yrdsim.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One row of the Model tab: what MASON needs of a bean property (name, type, value, setter,
 * domain, description) as values rather than methods, so rows can be made from the declaration
 * table instead of being written out as {@code getX}, {@code setX}, {@code domX} and
 * {@code desX} per lever.
 *
 * @param key         a stable name for code and tests: the declared path, or a name of the panel's own
 * @param label       what the Model tab shows
 * @param type        {@code double.class}, {@code boolean.class}, {@code int.class} or {@code String.class}
 * @param getter      the value shown
 * @param setter      what a new value does, or null for a read-only row
 * @param domain      a {@link sim.util.Interval} for a slider, a String[] for a menu, or null
 * @param description the tooltip
 */
record LeverRow(String key, String label, Class<?> type, Supplier<Object> getter, Consumer<Object> setter,
                Supplier<Object> domain, String description) {

    /** A row that only shows a value. */
    static LeverRow readOnly(String key, String label, Class<?> type, Supplier<Object> getter, String description) {
        return new LeverRow(key, label, type, getter, null, () -> null, description);
    }
}
