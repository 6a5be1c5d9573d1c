package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import yrdsim.output.Numbers;

/**
 * How a swept value is written: as a CSV cell (design.csv, results.csv) and as the text of a
 * {@code --set} override. Numbers go through {@link Numbers} in both, so the value a run used is
 * exactly the value its row shows.
 */
final class Values {

    private Values() {
    }

    /** A number from a range, rounded to the 12 significant digits every output file shows. */
    static JsonNode number(double v) {
        return DoubleNode.valueOf(Double.parseDouble(Numbers.format(v)));
    }

    /** True for a value a design may take: a number, boolean or string. */
    static boolean isScalar(JsonNode v) {
        return v != null && (v.isNumber() || v.isBoolean() || v.isTextual());
    }

    /**
     * The CSV cell for a scalar: integers as written, other numbers through {@link Numbers},
     * booleans TRUE or FALSE as in every table, null empty.
     */
    static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isBoolean()) {
            return Numbers.cell(v.booleanValue());
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return Numbers.format(v.doubleValue());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(cell(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return v.asText();
    }

    /**
     * The YAML text of an override: strings quoted (so {@code "1.0"} stays a string), lists in
     * flow style, everything else as its cell.
     */
    static String overrideText(JsonNode v) {
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isTextual()) {
            return quote(v.asText());
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(overrideText(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return cell(v);
    }

    private static String quote(String s) {
        return new TextNode(s).toString();
    }
}
