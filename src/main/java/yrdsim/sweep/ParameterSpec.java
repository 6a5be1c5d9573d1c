package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import yrdsim.scenario.Location;

/**
 * One swept scenario path: either listed {@code values} or a {@code {min, max}} range.
 *
 * @param path     the dotted scenario path, as for {@code --set}
 * @param values   the listed values (scalars), or empty for a range
 * @param min      lower end of the range, or NaN when values are listed
 * @param max      upper end of the range, or NaN when values are listed
 * @param at       where the parameter's key is written
 * @param valuesAt where each listed value is written, parallel to {@code values}
 */
public record ParameterSpec(String path, List<JsonNode> values, double min, double max, Location at,
                            List<Location> valuesAt) {

    /** Lists are copied and never null. */
    public ParameterSpec {
        values = values == null ? List.of() : List.copyOf(values);
        valuesAt = valuesAt == null ? List.of() : List.copyOf(valuesAt);
        if (values.size() != valuesAt.size()) {
            throw new IllegalArgumentException(path + ": " + values.size() + " values but " + valuesAt.size()
                    + " locations");
        }
        if (values.isEmpty() && !(min < max)) {
            throw new IllegalArgumentException(path + ": needs values or min < max, got [" + min + ", " + max + "]");
        }
    }

    /** True for a {@code {min, max}} range. */
    public boolean isRange() {
        return values.isEmpty();
    }
}
