package yrdsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds the values of a scenario tree that a declared path stands for. A segment is a key, or
 * {@code *} and {@code {kind}} for any key or list element, or {@code {region}} and
 * {@code {sector}} for a key that must name a region or a sector (in a list, any element).
 */
final class PathPattern {

    /** Receives each value found, by its index-form path. */
    interface Visitor {
        /** A value at {@code numericPath}. */
        void value(String numericPath, JsonNode value);

        /** A key at {@code numericPath} that should name a {@code kind} ("region" or "sector") and does not. */
        void unknownName(String numericPath, String kind, String name);
    }

    private PathPattern() {
    }

    /** Visits every value of {@code root} that {@code pattern} matches, in document order. */
    static void visit(JsonNode root, String pattern, Scenario names, Visitor visitor) {
        walk(root, pattern.split("\\."), 0, "", names, visitor);
    }

    private static void walk(JsonNode node, String[] segments, int i, String path, Scenario names, Visitor visitor) {
        if (node == null || node.isNull()) {
            return;
        }
        if (i == segments.length) {
            visitor.value(path, node);
            return;
        }
        String segment = segments[i];
        boolean any = segment.equals("*") || segment.equals("{kind}");
        boolean region = segment.equals("{region}");
        boolean sector = segment.equals("{sector}");
        if (!any && !region && !sector) {
            walk(node.isObject() ? node.get(segment) : null, segments, i + 1, YamlSource.join(path, segment), names,
                    visitor);
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                walk(node.get(k), segments, i + 1, YamlSource.join(path, Integer.toString(k)), names, visitor);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = YamlSource.join(path, field.getKey());
                if (region && names.regionIndex(field.getKey()) < 0) {
                    visitor.unknownName(child, "region", field.getKey());
                } else if (sector && names.sectorIndex(field.getKey()) < 0) {
                    visitor.unknownName(child, "sector", field.getKey());
                } else {
                    walk(field.getValue(), segments, i + 1, child, names, visitor);
                }
            }
        }
    }
}
