package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import yrdsim.output.AtomicFiles;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.YamlSource;

/**
 * Reads a calibration input file (targets, parameters) with the scenario reader, so it is
 * refused for the same reasons and located the same way, and collects every problem before
 * giving up: {@code FILE:LINE:COL: key.path: message}, in file order, as sweep files are.
 */
final class FileChecker {

    private final Path file;
    private final byte[] bytes;
    private final JsonNode root;
    private final Map<String, Location> locations;
    private final List<Problem> problems = new ArrayList<>();

    private FileChecker(Path file, byte[] bytes, YamlSource.Parsed parsed) {
        this.file = file;
        this.bytes = bytes;
        this.root = parsed.root();
        this.locations = parsed.locations();
    }

    /** Reads and parses {@code file}; a missing file, broken YAML, tags or aliases are problems. */
    static FileChecker read(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(new Location(file.toString(), 0, 0), "", "no such file"));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(new Location(file.toString(), 0, 0), "",
                    "cannot read: " + e.getMessage()));
        }
        return new FileChecker(file, bytes,
                YamlSource.parse(new String(bytes, StandardCharsets.UTF_8), file.toString()));
    }

    Path file() {
        return file;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String sha256() {
        return AtomicFiles.sha256(bytes);
    }

    JsonNode root() {
        return root;
    }

    Map<String, Location> locations() {
        return locations;
    }

    /** Where {@code path}, or the nearest key around it, is written. */
    Location locate(String path) {
        String p = path;
        while (true) {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new Location(file.toString(), 0, 0);
            }
            int cut = p.lastIndexOf('.');
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    void problem(String path, String message) {
        problems.add(new Problem(locate(path), path, message));
    }

    /** A problem located at {@code locatePath} (numeric list indices) and shown as {@code shownPath}. */
    void problem(String locatePath, String shownPath, String message) {
        problems.add(new Problem(locate(locatePath), shownPath, message));
    }

    void add(Problem p) {
        problems.add(p);
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** Throws every problem found, sorted by line and column. */
    void throwIfAny() throws ScenarioException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((Problem p) -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new ScenarioException(sorted);
        }
    }

    void unknownKeys(JsonNode node, String prefix, List<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(join(prefix, name), "unknown key (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    String text(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(path, "missing (a non-empty string)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(path, "must be a non-empty string, got " + describe(v));
            return null;
        }
        return v.asText();
    }

    /** A finite number, or null (a problem if required or not a number). */
    Double number(JsonNode node, String field, String path, boolean required) {
        JsonNode v = node.get(field);
        if (v == null) {
            if (required) {
                problem(path, "missing (a number)");
            }
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problem(path, "must be a number, got " + describe(v));
            return null;
        }
        return v.asDouble();
    }

    Long integer(JsonNode node, String field, String path, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            problem(path, "must be a whole number in [" + min + ", " + max + "], got " + describe(v));
            return null;
        }
        return v.asLong();
    }

    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    static boolean dotted(String path) {
        if (path.isEmpty()) {
            return false;
        }
        for (String part : path.split("\\.", -1)) {
            if (part.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string '" + v.asText() + "'";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isArray() ? "a list" : v.isObject() ? "a mapping" : "null";
    }
}
