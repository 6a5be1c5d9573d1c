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
 *
 * <p>A source written in the built-in defaults covers only the defaults' own values: a number
 * written in a scenario file needs a source from a scenario file (its own or one it extends).
 * Otherwise the defaults' catch-all {@code policies.**} ("neutral value") would vouch for every
 * policy magnitude a scenario sets.
 */
public final class SourceCoverage {

    private SourceCoverage() {
    }

    /** One warning per number that no key of {@code sources} covers. */
    public static List<Problem> uncovered(ScenarioTree tree) {
        List<String> patterns = new ArrayList<>();
        List<String> builtIn = new ArrayList<>();
        JsonNode sources = tree.root().get("sources");
        if (sources != null && sources.isObject()) {
            sources.fieldNames().forEachRemaining(key -> (isBuiltIn(tree.writtenAt("sources." + key))
                    ? builtIn : patterns).add(key));
        }
        List<Problem> warnings = new ArrayList<>();
        walk(tree, tree.root(), "", patterns, builtIn, warnings);
        return warnings;
    }

    private static boolean isBuiltIn(Location at) {
        return at != null && ScenarioTree.DEFAULTS_NAME.equals(at.file());
    }

    private static boolean covered(List<String> patterns, String[] path) {
        return patterns.stream().anyMatch(p -> matches(p.split("\\."), 0, path, 0));
    }

    private static void walk(ScenarioTree tree, JsonNode node, String numericPath, List<String> patterns,
                             List<String> builtIn, List<Problem> warnings) {
        if (node.isNumber()) {
            String shown = tree.displayPath(numericPath);
            String[] path = shown.split("\\.");
            Location at = tree.writtenAt(numericPath);
            boolean writtenInFile = at != null && !isBuiltIn(at) && !at.file().startsWith("--set");
            if (covered(patterns, path) || (!writtenInFile && covered(builtIn, path))) {
                return;
            }
            warnings.add(new Problem(tree.locate(numericPath), shown, covered(builtIn, path)
                    ? "number without a source (the built-in default's source does not cover a value set here):"
                            + " add it to 'sources' with a citation or 'assumption'"
                    : "number without a source: add it to 'sources' with a citation or 'assumption'"));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (numericPath.isEmpty() && e.getKey().equals("sources")) {
                    continue;
                }
                walk(tree, e.getValue(), YamlSource.join(numericPath, e.getKey()), patterns, builtIn, warnings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(tree, node.get(i), YamlSource.join(numericPath, Integer.toString(i)), patterns, builtIn, warnings);
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
