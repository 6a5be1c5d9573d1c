package yrdsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the shape of a YAML tree against the scenario records before Jackson binds it: unknown
 * keys, missing required keys, and values of the wrong type, all reported at once with their
 * locations. The records are the schema: a primitive or record component is required (the
 * built-in defaults supply the sections a scenario may leave out), a boxed one, a list or a map
 * may be left out.
 */
final class SchemaCheck {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    /**
     * The smallest magnitude a non-zero number may have: far below any meaningful input, and far
     * enough above the smallest double that products and logarithms of it stay finite.
     */
    static final String TINY_TEXT = "1e-12";
    static final double TINY = Double.parseDouble(TINY_TEXT);

    private final ScenarioTree tree;
    private final List<Problem> problems = new ArrayList<>();
    private final List<UnknownKey> unknownKeys = new ArrayList<>();

    /** A key the schema does not know, in the mapping that holds it (keys may contain dots). */
    record UnknownKey(ObjectNode parent, String name) {
    }

    /**
     * What the check found.
     *
     * @param problems    every shape problem
     * @param unknownKeys the keys the schema does not know, a subset of the problems: a tree
     *                    without them may still bind
     */
    record Result(List<Problem> problems, List<UnknownKey> unknownKeys) {
    }

    private SchemaCheck(ScenarioTree tree) {
        this.tree = tree;
    }

    /** Every shape problem in {@code tree} when read as {@code type}. */
    static List<Problem> check(ScenarioTree tree, JsonNode node, Class<?> type, String path) {
        return inspect(tree, node, type, path).problems();
    }

    /** Every shape problem in {@code tree} when read as {@code type}, and which of them are unknown keys. */
    static Result inspect(ScenarioTree tree, JsonNode node, Class<?> type, String path) {
        SchemaCheck check = new SchemaCheck(tree);
        check.value(node, type, path);
        return new Result(check.problems, check.unknownKeys);
    }

    /** {@link #keys} of each record type met so far: reflection per list element made large lists slow. */
    private static final Map<Class<?>, Map<String, RecordComponent>> KEYS = new ConcurrentHashMap<>();
    /** The generic type of each component, which reflection would otherwise parse from its signature every time. */
    private static final Map<RecordComponent, Type> TYPES = new ConcurrentHashMap<>();

    /** The YAML key of each component of a record type, in declaration order. */
    static Map<String, RecordComponent> keys(Class<?> record) {
        return KEYS.computeIfAbsent(record, SchemaCheck::readKeys);
    }

    private static Map<String, RecordComponent> readKeys(Class<?> record) {
        Map<String, RecordComponent> keys = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            if (renamed == null) {
                renamed = fieldAnnotation(record, c);
            }
            keys.put(renamed != null ? renamed.value() : SNAKE.translate(c.getName()), c);
        }
        return Collections.unmodifiableMap(keys);
    }

    private static JsonProperty fieldAnnotation(Class<?> record, RecordComponent c) {
        try {
            return record.getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private void value(JsonNode node, Type type, String path) {
        Class<?> raw = raw(type);
        if (node == null || node.isNull()) {
            if (raw.isPrimitive() || raw.isRecord()) {
                add(path, "a value is required here");
            }
            return;
        }
        if (raw == double.class || raw == Double.class) {
            if (!node.isNumber()) {
                add(path, "expected a number, got " + describe(node));
            } else if (!Double.isFinite(node.asDouble())) {
                add(path, "must be a finite number, got " + node.asText());
            } else if (node.asDouble() != 0 && Math.abs(node.asDouble()) < TINY) {
                add(path, "is too close to 0 to compute with (write 0, or a number of magnitude at least "
                        + TINY_TEXT + "), got " + node.asText());
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (!node.isIntegralNumber()) {
                add(path, "expected a whole number, got " + describe(node));
            } else if (!node.canConvertToInt() && (raw == int.class || raw == Integer.class)) {
                add(path, "whole number out of range: " + node.asText());
            } else if (!node.canConvertToLong()) {
                add(path, "whole number out of range: " + node.asText());
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                add(path, "expected true or false, got " + describe(node));
            }
        } else if (raw == String.class) {
            if (!node.isTextual()) {
                add(path, "expected text, got " + describe(node));
            }
        } else if (raw == JsonNode.class) {
            return;
        } else if (List.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                add(path, "expected a list, got " + describe(node));
                return;
            }
            Type element = typeArgument(type, 0);
            for (int i = 0; i < node.size(); i++) {
                value(node.get(i), element, YamlSource.join(path, Integer.toString(i)));
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                add(path, "expected a mapping, got " + describe(node));
                return;
            }
            Type element = typeArgument(type, 1);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String child = YamlSource.join(path, e.getKey());
                if (e.getValue() == null || e.getValue().isNull()) {
                    add(child, "a value is required here");
                } else {
                    value(e.getValue(), element, child);
                }
            }
        } else if (raw.isRecord()) {
            record(node, raw, path);
        } else {
            throw new IllegalStateException("schema type not supported: " + type);
        }
    }

    private void record(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) {
            add(path, "expected a mapping, got " + describe(node));
            return;
        }
        Map<String, RecordComponent> keys = keys(type);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.containsKey(name)) {
                add(YamlSource.join(path, name), "unknown key" + Suggestions.didYouMean(name, keys.keySet())
                        + " (allowed: " + String.join(", ", keys.keySet()) + ")");
                unknownKeys.add(new UnknownKey((ObjectNode) node, name));
            }
        }
        for (Map.Entry<String, RecordComponent> key : keys.entrySet()) {
            String child = YamlSource.join(path, key.getKey());
            JsonNode value = node.get(key.getKey());
            Class<?> kind = key.getValue().getType();
            if (value == null && (kind.isPrimitive() || kind.isRecord())) {
                add(child, "missing required key");
            } else {
                value(value, TYPES.computeIfAbsent(key.getValue(), RecordComponent::getGenericType), child);
            }
        }
    }

    private void add(String numericPath, String message) {
        problems.add(new Problem(tree.locate(numericPath), tree.displayPath(numericPath), message));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("schema type not supported: " + type);
    }

    private static Type typeArgument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return "text '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        return node.getNodeType().toString().toLowerCase();
    }
}
