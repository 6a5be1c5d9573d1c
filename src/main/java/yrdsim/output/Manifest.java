package yrdsim.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory's {@code manifest.json}: provenance, settings, timing, every output file with
 * its size and SHA-256, and a status that reads {@code complete} only once every file is
 * written. It is rewritten atomically at each change of status.
 */
public final class Manifest {

    /** File name of a manifest. */
    public static final String FILE = "manifest.json";
    /** Status while a run or sweep is in progress. */
    public static final String RUNNING = "running";
    /** Status after a failure. */
    public static final String FAILED = "failed";
    /** Status once every file is written. */
    public static final String COMPLETE = "complete";

    private final Path directory;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A manifest for {@code directory}, starting with provenance. */
    public Manifest(Path directory) {
        this.directory = directory;
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
    public static Manifest reopen(Path directory) throws IOException {
        JsonNode existing = read(directory);
        if (existing == null || !existing.isObject()) {
            throw new java.nio.file.NoSuchFileException(directory.resolve(FILE).toString(), null,
                    "no readable manifest");
        }
        Manifest manifest = new Manifest(directory);
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
            put("finished_at", java.time.Instant.now().toString());
            write(FAILED);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Lists every regular file in the directory except the manifest (name, bytes, SHA-256, in
     * name order), then writes the manifest as complete.
     */
    public void complete() throws IOException {
        AtomicFiles.syncDirectory(directory);
        fields.remove("status");
        fields.put("files", listFiles(directory));
        fields.put("status", COMPLETE);
        AtomicFiles.write(directory.resolve(FILE), Json.write(fields));
    }

    /** Name, size and SHA-256 of each file under {@code directory} but the manifest, by name. */
    public static List<Map<String, Object>> listFiles(Path directory) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = directory.relativize(file).toString().replace('\\', '/');
                if (name.equals(FILE) || name.endsWith(AtomicFiles.PARTIAL)) {
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
}
