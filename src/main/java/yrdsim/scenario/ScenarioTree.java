package yrdsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario as a YAML tree, before it is bound to records: the built-in defaults, the
 * {@code extends} chain and the file itself merged in that order, then any {@code --set}
 * overrides. Every value keeps the location it was written at.
 *
 * <p>All changes to a scenario go through this tree (command-line overrides, timeline events,
 * levers moved in the GUI), so one binder and one validator see every value the model ever uses.
 */
public final class ScenarioTree implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of the built-in defaults in problem messages. */
    public static final String DEFAULTS_NAME = "defaults.yaml (built in)";
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private final ObjectNode root;
    private final Map<String, Location> locations;
    private final String file;

    private ScenarioTree(ObjectNode root, Map<String, Location> locations, Path file) {
        this(root, locations, file == null ? null : file.toString());
    }

    private ScenarioTree(ObjectNode root, Map<String, Location> locations, String file) {
        this.root = root;
        this.locations = locations;
        this.file = file;
    }

    /**
     * Reads {@code file}, follows its {@code extends} chain and lays it over the defaults.
     *
     * @throws ScenarioException when a file is missing or not valid YAML, or the chain loops
     */
    public static ScenarioTree load(Path file) throws ScenarioException {
        return overDefaults(readChain(file, new LinkedHashSet<>()), file.toString());
    }

    /** Parses scenario text that has no file behind it (tests, the GUI's saved copy). */
    public static ScenarioTree parse(String text, String name) throws ScenarioException {
        YamlSource.Parsed own = YamlSource.parse(text, name);
        if (own.root().has("extends")) {
            throw new ScenarioException(new Problem(own.locations().get("extends"), "extends",
                    "only a scenario read from a file may extend another"));
        }
        return overDefaults(own, null);
    }

    /** {@code own} laid over a copy of the built-in defaults. */
    private static ScenarioTree overDefaults(YamlSource.Parsed own, String file) {
        YamlSource.Parsed defaults = BuiltInDefaults.copy();
        ScenarioTree tree = new ScenarioTree(defaults.root(), new HashMap<>(defaults.locations()), file);
        tree.overlay(own.root(), own.locations(), "");
        tree.locations.put("", own.locations().get("")); // a missing top-level key is this file's, not the defaults'
        return tree;
    }

    private static YamlSource.Parsed readChain(Path file, Set<Path> seen) throws ScenarioException {
        Path normal = file.toAbsolutePath().normalize();
        String name = file.toString();
        if (!seen.add(normal)) {
            throw new ScenarioException(new Problem(new Location(name, 0, 0), "extends",
                    "the extends chain loops back to this file"));
        }
        YamlSource.Parsed own = YamlSource.read(file);
        JsonNode parent = own.root().get("extends");
        if (parent == null) {
            return own;
        }
        if (!parent.isTextual()) {
            throw new ScenarioException(new Problem(own.locations().get("extends"), "extends",
                    "must be the path of another scenario file, relative to this one"));
        }
        Path parentFile;
        Path shown;
        try {
            parentFile = file.toAbsolutePath().getParent().resolve(parent.asText()).normalize();
            shown = file.getParent() == null ? Path.of(parent.asText()) : file.getParent().resolve(parent.asText());
        } catch (InvalidPathException e) {
            throw new ScenarioException(new Problem(own.locations().get("extends"), "extends",
                    "not a valid path: " + e.getReason()));
        }
        if (!Files.isRegularFile(parentFile)) {
            throw new ScenarioException(new Problem(own.locations().get("extends"), "extends",
                    "no scenario file " + shown.normalize() + " (the path is relative to this file)"));
        }
        if (seen.contains(parentFile)) {
            throw new ScenarioException(new Problem(own.locations().get("extends"), "extends",
                    "the extends chain loops back to " + shown.normalize()));
        }
        YamlSource.Parsed base;
        try {
            base = readChain(shown.normalize(), seen);
        } catch (ScenarioException e) {
            throw new ScenarioException(e.problems().stream().map(x -> x.location().line() > 0 ? x
                    // A problem with the whole file (too large, unreadable) is shown where it is named.
                    : new Problem(own.locations().get("extends"), "extends", x.location().file() + ": " + x.message()))
                    .toList());
        }
        ScenarioTree merged = new ScenarioTree(base.root(), new HashMap<>(base.locations()), (String) null);
        ObjectNode child = own.root().deepCopy();
        child.remove("extends");
        merged.overlay(child, own.locations(), "");
        merged.locations.put("", own.locations().get(""));
        return new YamlSource.Parsed(merged.root, merged.locations);
    }

    /** Deep merge: mappings merge key by key, lists and scalars replace. */
    private void overlay(ObjectNode top, Map<String, Location> topLocations, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = top.fields();
        ObjectNode target = prefix.isEmpty() ? root : (ObjectNode) nodeAt(prefix);
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = YamlSource.join(prefix, field.getKey());
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode && field.getValue() instanceof ObjectNode) {
                copyLocation(topLocations, path);
                overlay((ObjectNode) field.getValue(), topLocations, path);
            } else {
                dropLocationsUnder(path);
                target.set(field.getKey(), field.getValue().deepCopy());
                for (Map.Entry<String, Location> e : topLocations.entrySet()) {
                    if (e.getKey().equals(path) || e.getKey().startsWith(path + ".")) {
                        locations.put(e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    private void copyLocation(Map<String, Location> from, String path) {
        Location at = from.get(path);
        if (at != null) {
            locations.put(path, at);
        }
    }

    private void dropLocationsUnder(String path) {
        locations.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + "."));
    }

    /** An independent copy, for trying a change without touching this tree. */
    public ScenarioTree copy() {
        return new ScenarioTree(root.deepCopy(), new HashMap<>(locations), file);
    }

    /** The file this tree was loaded from, or null. */
    public Path file() {
        return file == null ? null : Path.of(file);
    }

    /** The merged tree; callers must not modify it. */
    public ObjectNode root() {
        return root;
    }

    /**
     * Sets {@code path} (dotted; list elements by {@code name} or index) to a YAML value given as
     * text, creating missing mappings on the way.
     */
    public void set(String path, String valueText, Location at) throws ScenarioException {
        set(path, YamlSource.parseValue(valueText, at), at);
    }

    /** Sets {@code path} to {@code value}, creating missing mappings on the way. */
    public void set(String path, JsonNode value, Location at) throws ScenarioException {
        String[] parts = path.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new ScenarioException(new Problem(at, path, "not a dotted key path (empty segment)"));
            }
        }
        JsonNode node = root;
        StringBuilder numeric = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String part = parts[i];
            if (node instanceof ObjectNode object) {
                appendSegment(numeric, part);
                if (last) {
                    object.set(part, value);
                } else {
                    JsonNode next = object.get(part);
                    if (next == null || next.isNull()) {
                        next = object.putObject(part);
                        // A mapping created here was written here: problems inside it point at this change.
                        locations.put(numeric.toString(), at);
                    }
                    node = next;
                }
            } else if (node instanceof ArrayNode array) {
                int index = indexOf(array, part);
                if (index < 0) {
                    throw new ScenarioException(new Problem(at, path, "no list element named '" + part + "'"
                            + Suggestions.didYouMean(part, List.of(names(array).split(", "))) + " (known: "
                            + names(array) + ")"));
                }
                appendSegment(numeric, Integer.toString(index));
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else {
                throw new ScenarioException(new Problem(at, path,
                        "'" + String.join(".", java.util.Arrays.copyOf(parts, i)) + "' is a value, not a mapping"));
            }
        }
        String key = numeric.toString();
        dropLocationsUnder(key);
        locations.put(key, at);
    }

    private static void appendSegment(StringBuilder path, String segment) {
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(segment);
    }

    /** The value at {@code path}, or null when there is none. */
    public JsonNode get(String path) {
        String numeric = numericPath(path);
        return numeric == null ? null : nodeAt(numeric);
    }

    private JsonNode nodeAt(String numericPath) {
        JsonNode node = root;
        if (numericPath.isEmpty()) {
            return node;
        }
        for (String part : numericPath.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Translates a path that may name list elements into the index form, or null if absent. */
    String numericPath(String path) {
        if (path.isEmpty()) {
            return "";
        }
        JsonNode node = root;
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            if (node.isArray()) {
                int index = indexOf((ArrayNode) node, part);
                if (index < 0) {
                    return null;
                }
                appendSegment(out, Integer.toString(index));
                node = node.get(index);
            } else {
                appendSegment(out, part);
                node = node.get(part);
            }
        }
        return node == null ? null : out.toString();
    }

    /** Translates an index-form path into the form that names list elements where it can. */
    public String displayPath(String numericPath) {
        return displayPath(root, numericPath);
    }

    /** {@link #displayPath(String)} over any tree, such as a document still being checked. */
    static String displayPath(JsonNode root, String numericPath) {
        if (numericPath == null || numericPath.isEmpty()) {
            return "";
        }
        JsonNode node = root;
        StringBuilder out = new StringBuilder();
        for (String part : numericPath.split("\\.")) {
            if (node != null && node.isArray() && part.chars().allMatch(Character::isDigit)) {
                JsonNode element = node.get(Integer.parseInt(part));
                JsonNode name = element == null ? null : element.get("name");
                appendSegment(out, name != null && name.isTextual() ? name.asText() : part);
                node = element;
            } else {
                appendSegment(out, part);
                node = node == null ? null : node.get(part);
            }
        }
        return out.toString();
    }

    /**
     * Where {@code path} was written. Falls back to the nearest enclosing key that has a location
     * (a missing key is reported at its parent).
     */
    public Location locate(String path) {
        // A key that itself contains dots (a timeline's "set" entries) is recorded under the
        // joined path; splitting it would fall back to the enclosing mapping.
        Location exact = locations.get(path);
        if (exact != null) {
            return exact;
        }
        String numeric = path;
        String candidate = numericPath(path);
        if (candidate != null) {
            numeric = candidate;
        } else {
            numeric = bestNumericPrefix(path);
        }
        while (true) {
            Location at = locations.get(numeric);
            if (at != null) {
                return at;
            }
            if (numeric.isEmpty()) {
                return new Location(file == null ? "<scenario>" : file, 0, 0);
            }
            int cut = numeric.lastIndexOf('.');
            numeric = cut < 0 ? "" : numeric.substring(0, cut);
        }
    }

    private String bestNumericPrefix(String path) {
        String[] parts = path.split("\\.");
        String best = "";
        for (int i = 1; i <= parts.length; i++) {
            String numeric = numericPath(String.join(".", java.util.Arrays.copyOf(parts, i)));
            if (numeric == null) {
                break;
            }
            best = numeric;
        }
        return best;
    }

    /** Where the key or element at {@code numericPath} was written, or null (no fallback to parents). */
    Location writtenAt(String numericPath) {
        return locations.get(numericPath);
    }

    /** A problem at {@code path}, located in the file that set it. */
    public Problem problem(String path, String message) {
        String numeric = numericPath(path);
        return new Problem(locate(path), numeric == null ? path : displayPath(numeric), message);
    }

    private static int indexOf(ArrayNode array, String segment) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i).get("name");
            if (name != null && name.isTextual() && name.asText().equals(segment)) {
                return i;
            }
        }
        if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) && segment.length() < 9) {
            int index = Integer.parseInt(segment);
            return index < array.size() ? index : -1;
        }
        return -1;
    }

    private static String names(ArrayNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode element : array) {
            JsonNode name = element.get("name");
            names.add(name != null && name.isTextual() ? name.asText() : "?");
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** The merged scenario as YAML, for a run directory's resolved copy or the GUI's save. */
    public String toYaml() {
        try {
            return WRITER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
