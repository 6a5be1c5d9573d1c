package yrdsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML document into a Jackson tree and remembers where every key and list element
 * was written, so later problems can name file, line and column.
 *
 * <p>The tree is built from Jackson's token stream rather than by data binding: YAML tags never
 * instantiate classes, duplicate keys are caught with their location, and only plain mappings,
 * sequences and scalars are accepted.
 *
 * <p>Public so that sweep files are read, located and reported exactly like scenarios.
 */
public final class YamlSource {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final LoaderOptions OPTIONS = loaderOptions();
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(OPTIONS)
            .build();

    private YamlSource() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // detected below, with a location
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(TextFile.MAX_BYTES);
        return options;
    }

    /**
     * A parsed document: the root mapping and the location of every path in it (keys joined
     * with dots, list elements by index).
     */
    public record Parsed(ObjectNode root, Map<String, Location> locations) {
    }

    /**
     * Reads and parses {@code file}; problems name it as given.
     *
     * @throws ScenarioException when the file is missing, unreadable, too large, not UTF-8 or not valid YAML
     */
    public static Parsed read(Path file) throws ScenarioException {
        String name = file.toString();
        return parse(TextFile.decode(TextFile.readBytes(file), name), name);
    }

    /**
     * Parses {@code text}; {@code file} names it in problems.
     *
     * @throws ScenarioException for broken YAML, duplicate keys or a root that is not a mapping
     */
    public static Parsed parse(String text, String file) throws ScenarioException {
        PlainYaml.check(text, file, OPTIONS);
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new Problem(new Location(file, 1, 1), "",
                        "the file is empty (it must be a YAML mapping)"));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ScenarioException(new Problem(location(file, parser.currentTokenLocation()), "",
                        "the document must be a YAML mapping of keys to values"));
            }
            locations.put("", location(file, parser.currentTokenLocation()));
            Map<String, Location> duplicates = new LinkedHashMap<>();
            ObjectNode root = readObject(parser, file, "", locations, duplicates);
            if (parser.nextToken() != null) {
                throw new ScenarioException(new Problem(location(file, parser.currentTokenLocation()), "",
                        "only one YAML document is allowed per file"));
            }
            if (!duplicates.isEmpty()) {
                // Reported once the document is read, so list elements can be named by their name.
                List<Problem> problems = new ArrayList<>();
                duplicates.forEach((path, at) -> problems.add(
                        new Problem(at, ScenarioTree.displayPath(root, path), "duplicate key")));
                throw new ScenarioException(problems);
            }
            return new Parsed(root, locations);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // SnakeYAML's first line is often only the context ("while parsing a flow node")
                // and Jackson's location the context's start; the problem and its mark say what
                // is wrong and where.
                Mark mark = yaml.getProblemMark();
                String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
                throw new ScenarioException(new Problem(new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                        "", "not valid YAML: " + yaml.getProblem() + context));
            }
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            if (cut > 0) {
                message = message.substring(0, cut);
            }
            throw new ScenarioException(new Problem(at == null ? new Location(file, 0, 0) : location(file, at), "",
                    "not valid YAML: " + message));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(new Location(file, 0, 0), "", "cannot read: " + e.getMessage()));
        }
    }

    private static ObjectNode readObject(JsonParser p, String file, String path, Map<String, Location> locations,
                                         Map<String, Location> duplicates) throws IOException, ScenarioException {
        ObjectNode node = NODES.objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = text(p, file, path);
            Location at = location(file, p.currentTokenLocation());
            String child = join(path, key);
            p.nextToken();
            if (node.has(key)) {
                duplicates.putIfAbsent(child, at);
                readValue(p, file, child, new HashMap<>(), duplicates);
                continue;
            }
            locations.put(child, at);
            node.set(key, readValue(p, file, child, locations, duplicates));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new ScenarioException(new Problem(location(file, p.currentTokenLocation()), display(path),
                    "unexpected " + t));
        }
        return node;
    }

    private static ArrayNode readArray(JsonParser p, String file, String path, Map<String, Location> locations,
                                       Map<String, Location> duplicates) throws IOException, ScenarioException {
        ArrayNode node = NODES.arrayNode();
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new ScenarioException(new Problem(new Location(file, 0, 0), display(path), "unterminated list"));
            }
            String child = join(path, Integer.toString(index++));
            locations.put(child, location(file, p.currentTokenLocation()));
            node.add(readValue(p, file, child, locations, duplicates));
        }
        return node;
    }

    private static JsonNode readValue(JsonParser p, String file, String path, Map<String, Location> locations,
                                      Map<String, Location> duplicates) throws IOException, ScenarioException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, file, path, locations, duplicates);
            case START_ARRAY:
                return readArray(p, file, path, locations, duplicates);
            case VALUE_STRING:
                return NODES.textNode(text(p, file, path));
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue())
                        : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ScenarioException(new Problem(location(file, p.currentTokenLocation()), display(path),
                        "unsupported YAML value (" + t + ")"));
        }
    }

    private static ScenarioException notPlain(JsonParser p, String file, String path, String message) {
        return new ScenarioException(new Problem(location(file, p.currentTokenLocation()), display(path), message));
    }

    /** The current key or string, refused if it holds a nul character, which no name, path or text may hold. */
    private static String text(JsonParser p, String file, String path) throws IOException, ScenarioException {
        String text = p.getText();
        if (text.indexOf('\0') >= 0) {
            throw notPlain(p, file, path, "contains a nul character (\\0), which no name, path or text may hold");
        }
        return text;
    }

    /**
     * Parses one YAML value written on the command line or in a timeline, such as {@code 0.5},
     * {@code true}, {@code Anhui} or {@code [Shanghai, Anhui]}.
     */
    static JsonNode parseValue(String text, Location at) throws ScenarioException {
        try {
            PlainYaml.check(text, at.file(), OPTIONS);
        } catch (ScenarioException e) {
            throw new ScenarioException(new Problem(at, "", e.problems().get(0).message()));
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return NODES.nullNode();
            }
            Map<String, Location> duplicates = new LinkedHashMap<>();
            JsonNode value = readValue(parser, at.file(), "", new HashMap<>(), duplicates);
            if (parser.nextToken() != null) {
                throw new ScenarioException(new Problem(at, "", "not a single YAML value: '" + text + "'"));
            }
            if (!duplicates.isEmpty()) {
                throw new ScenarioException(new Problem(at, duplicates.keySet().iterator().next(), "duplicate key"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ScenarioException(new Problem(at, "", "not a YAML value: '" + text + "'"));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(at, "", e.getMessage()));
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String display(String path) {
        return path;
    }

    private static Location location(String file, JsonLocation at) {
        return new Location(file, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
    }
}
