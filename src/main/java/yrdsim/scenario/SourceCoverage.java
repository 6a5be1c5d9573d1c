package yrdsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds numbers in a scenario that neither cite a source nor say {@code assumption}. A source
 * key is a dotted path in which {@code *} stands for one segment and {@code **} for any number
 * of segments; list elements are named by their {@code name}.
 */
public final class SourceCoverage {

    private SourceCoverage() {
    }

    /** One warning per number that no key of {@code sources} covers. */
    public static List<Problem> uncovered(ScenarioTree tree) {
        List<String> patterns = new ArrayList<>();
        JsonNode sources = tree.root().get("sources");
        if (sources != null && sources.isObject()) {
            sources.fieldNames().forEachRemaining(patterns::add);
        }
        List<Problem> warnings = new ArrayList<>();
        walk(tree, tree.root(), "", patterns, warnings);
        return warnings;
    }

    private static void walk(ScenarioTree tree, JsonNode node, String numericPath, List<String> patterns,
                             List<Problem> warnings) {
        if (node.isNumber()) {
            String shown = tree.displayPath(numericPath);
            if (patterns.stream().noneMatch(p -> matches(p.split("\\."), 0, shown.split("\\."), 0))) {
                warnings.add(new Problem(tree.locate(numericPath), shown,
                        "number without a source: add it to 'sources' with a citation or 'assumption'"));
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (numericPath.isEmpty() && e.getKey().equals("sources")) {
                    continue;
                }
                walk(tree, e.getValue(), YamlSource.join(numericPath, e.getKey()), patterns, warnings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(tree, node.get(i), YamlSource.join(numericPath, Integer.toString(i)), patterns, warnings);
            }
        }
    }

    /** Glob match of dotted segments: {@code *} one segment, {@code **} zero or more. */
    static boolean matches(String[] pattern, int i, String[] path, int j) {
        if (i == pattern.length) {
            return j == path.length;
        }
        if (pattern[i].equals("**")) {
            for (int k = j; k <= path.length; k++) {
                if (matches(pattern, i + 1, path, k)) {
                    return true;
                }
            }
            return false;
        }
        if (j == path.length) {
            return false;
        }
        return (pattern[i].equals("*") || pattern[i].equals(path[j])) && matches(pattern, i + 1, path, j + 1);
    }
}
