package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The design points of a sweep: for each point, one value per swept parameter. Values are
 * scalars as a run's {@code --set} receives them (numbers drawn from ranges are already rounded
 * to the 12 significant digits every output file shows).
 */
public final class Design {

    private final DesignType type;
    private final List<String> parameters;
    private final JsonNode[][] points;

    /** A design over {@code parameters}; {@code points[p][j]} is parameter j's value at point p. */
    Design(DesignType type, List<String> parameters, JsonNode[][] points) {
        this.type = type;
        this.parameters = List.copyOf(parameters);
        this.points = points;
        for (JsonNode[] point : points) {
            if (point.length != parameters.size()) {
                throw new IllegalArgumentException("a design point has " + point.length + " values for "
                        + parameters.size() + " parameters");
            }
        }
    }

    /** Which design this is. */
    public DesignType type() {
        return type;
    }

    /** The swept paths, in file order. */
    public List<String> parameters() {
        return parameters;
    }

    /** Number of design points. */
    public int size() {
        return points.length;
    }

    /** Parameter {@code j}'s value at point {@code p}. */
    public JsonNode value(int p, int j) {
        return points[p][j];
    }

    /** Parameter {@code j}'s value at point {@code p} as a number (ranges only). */
    public double number(int p, int j) {
        return points[p][j].asDouble();
    }
}
