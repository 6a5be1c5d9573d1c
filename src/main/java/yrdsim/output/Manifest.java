package yrdsim.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory's {@code manifest.json}: provenance, settings, timing, every output file with
 * its size and SHA-256, and a status that reads {@code complete} only once every file is
 * written. It is rewritten atomically at each change of status.
 *
 * <p>It also lists, as {@code expected_files}, the files a directory of its kind must have:
 * {@link #complete()} refuses to mark a directory complete while one is missing, and
 * {@code verify} fails when one is, even if the file list was cut to match. Times come from
 * an injected clock, so tests can fix them.
 */
public final class Manifest {

    /** Field listing the files a complete directory must hold. */
    public static final String EXPECTED = "expected_files";
    /** File name of a manifest. */
    public static final String FILE = "manifest.json";
    /** Status while a run or sweep is in progress. */
    public static final String RUNNING = "running";
    /** Status after a failure. */
    public static final String FAILED = "failed";
    /** Status once every file is written. */
    public static final String COMPLETE = "complete";

    private final Path directory;
    private final Clock clock;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A manifest for {@code directory}, starting with provenance, stamped by the system clock. */
    public Manifest(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** A manifest for {@code directory}, starting with provenance, stamped by {@code clock}. */
    public Manifest(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        fields.put("yrdsim_version", Provenance.version());
        fields.put("git_commit", Provenance.gitCommit());
        fields.put("mason_version", Provenance.masonVersion());
        fields.put("java_version", Provenance.javaVersion());
    }

    /**
     * The manifest already in {@code directory}, to be continued (a resumed run): every field it
     * holds except its status, error and file list, in file order.
     *
     * @throws IOException when there is no readable manifest
     */
    public static Manifest reopen(Path directory, Clock clock) throws IOException {
        JsonNode existing = read(directory);
        if (existing == null || !existing.isObject()) {
            throw new java.nio.file.NoSuchFileException(directory.resolve(FILE).toString(), null,
                    "no readable manifest");
        }
        Manifest manifest = new Manifest(directory, clock);
        manifest.fields.clear();
        existing.fields().forEachRemaining(e -> manifest.fields.put(e.getKey(), e.getValue()));
        manifest.fields.remove("files");
        manifest.fields.remove("status");
        manifest.fields.remove("error");
        return manifest;
    }

    /** Removes a field. */
    public Manifest remove(String key) {
        fields.remove(key);
        return this;
    }

    /** Sets a field; insertion order is file order. */
    public Manifest put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Sets {@code key} to the clock's present instant (ISO-8601, UTC). */
    public Manifest stamp(String key) {
        return put(key, clock.instant().toString());
    }

    /**
     * Records the files, relative to the directory, that it must hold when complete; they are
     * added to those recorded before.
     */
    public Manifest expect(Collection<String> names) {
        List<String> all = new ArrayList<>(expected());
        names.stream().filter(n -> !all.contains(n)).forEach(all::add);
        fields.put(EXPECTED, all);
        return this;
    }

    /** The files recorded as expected so far. */
    private List<String> expected() {
        Object value = fields.get(EXPECTED);
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> names.add(v instanceof JsonNode n ? n.asText() : String.valueOf(v)));
        } else if (value instanceof JsonNode node) {
            node.forEach(v -> names.add(v.asText()));
        }
        return names;
    }

    /** A field's current value. */
    public Object get(String key) {
        return fields.get(key);
    }

    /** The fields as a JSON tree, as they would be written. */
    public JsonNode tree() {
        return Json.tree(fields);
    }

    /** Writes the manifest with {@code status} and no file list. */
    public void write(String status) throws IOException {
        fields.remove("files");
        fields.remove("status");
        fields.put("status", status);
        AtomicFiles.write(directory.resolve(FILE), Json.write(fields));
    }

    /**
     * Records a failure: the message as {@code error}, the time, and status {@code failed}. Best
     * effort: the disk that failed the work may refuse this too, and the manifest then still
     * says {@code running}, which is just as far from complete.
     *
     * @return whether the manifest was written
     */
    public boolean markFailed(String message) {
        try {
            put("error", message);
            stamp("finished_at");
            write(FAILED);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lists every regular file in the directory except the manifest (name, bytes, SHA-256, in
     * name order), then writes the manifest as complete.
     *
     * @throws MissingOutputException when an expected file is not there; the manifest is not written
     */
    public void complete() throws IOException {
        AtomicFiles.syncDirectory(directory);
        List<String> expected = expected();
        List<String> missing = expected.stream().filter(n -> !Files.isRegularFile(directory.resolve(n))).toList();
        if (!missing.isEmpty()) {
            throw new MissingOutputException(directory + " cannot be marked complete: " + missing.size() + " of its "
                    + expected.size() + " expected files " + (missing.size() == 1 ? "is" : "are") + " missing ("
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + (missing.size() > 5 ? ", ..." : "") + ")");
        }
        fields.remove("status");
        fields.remove(EXPECTED);
        if (!expected.isEmpty()) {
            fields.put(EXPECTED, expected);
        }
        fields.put("files", listFiles(directory));
        fields.put("status", COMPLETE);
        AtomicFiles.write(directory.resolve(FILE), Json.write(fields));
    }

    /** Name, size and SHA-256 of each file under {@code directory} but the manifest and lock files, by name. */
    public static List<Map<String, Object>> listFiles(Path directory) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                if (name.equals(FILE) || name.endsWith(AtomicFiles.PARTIAL) || OutputDirectory.isLockFile(file)) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", name);
                entry.put("bytes", Files.size(file));
                entry.put("sha256", AtomicFiles.sha256(file));
                files.add(entry);
            }
        }
        return files;
    }

    /**
     * Lists the files of a complete directory again after files were added to it (a report),
     * keeping every other field as written. Numbers are read back as exact decimals so their
     * text does not change.
     */
    public static void relist(Path directory) throws IOException {
        JsonNode read = Json.MAPPER.reader().with(JsonNodeFactory.withExactBigDecimals(true))
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(Files.readString(directory.resolve(FILE)));
        if (!(read instanceof ObjectNode manifest)) {
            throw new IOException(directory.resolve(FILE) + ": not a JSON object");
        }
        JsonNode status = manifest.remove("status");
        manifest.remove("files");
        manifest.set("files", Json.tree(listFiles(directory)));
        manifest.set("status", status);
        AtomicFiles.write(directory.resolve(FILE), Json.write(manifest));
    }

    /** Reads the manifest of {@code directory}, or null if there is none or it is unreadable. */
    public static JsonNode read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** Expected files are missing at completion: written and then lost, or never written. */
    public static final class MissingOutputException extends IOException {

        private static final long serialVersionUID = 1L;

        MissingOutputException(String message) {
            super(message);
        }
    }
}
