package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a run or sweep directory against its {@code manifest.json}: the manifest must say
 * {@code complete}, every file it lists must be there with the size and SHA-256 it records,
 * and every file it names as expected of its kind ({@code expected_files}) must be among them,
 * so a table deleted together with its line in the file list is still found missing. Files
 * the manifest does not list (a report added later) do not make a directory less intact; they
 * are named so nothing goes unnoticed. A lock file is neither output nor damage.
 *
 * @param intact    whether the directory is exactly what its manifest describes
 * @param checked   files whose size and SHA-256 matched
 * @param problem   the first mismatch, as one line naming the file, or null when intact
 * @param unlisted  files in the directory that the manifest does not list, by relative name
 */
public record Verification(boolean intact, int checked, String problem, List<String> unlisted) {

    /** Verifies {@code dir}. Reading stops at the first mismatch. */
    public static Verification of(Path dir) throws IOException {
        Path file = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) {
            return broken(0, file + ": missing, so " + dir + " is not a complete yrdsim run or sweep directory");
        }
        JsonNode manifest;
        try {
            manifest = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return broken(0, file + ": not readable JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (manifest == null || !manifest.isObject()) {
            return broken(0, file + ": not a manifest (expected a JSON object)");
        }
        String status = manifest.path("status").asText("");
        if (!Manifest.COMPLETE.equals(status)) {
            String error = manifest.path("error").asText("");
            return broken(0, file + ": status is '" + status + "', not 'complete': "
                    + (Manifest.FAILED.equals(status) ? "the run failed" + (error.isEmpty() ? "" : " (" + error + ")")
                    : "the run did not finish (killed, or still running)"));
        }
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray()) {
            return broken(0, file + ": lists no files");
        }
        Path root = dir.toAbsolutePath().normalize();
        Set<String> names = new HashSet<>();
        files.forEach(entry -> names.add(entry.path("name").asText("")));
        for (JsonNode expected : manifest.path(Manifest.EXPECTED)) {
            String name = expected.asText("");
            if (!names.contains(name)) {
                Path path = root.resolve(name).normalize();
                return broken(0, dir.resolve(name) + (path.startsWith(root) && Files.isRegularFile(path)
                        ? ": not in the manifest's file list, though a complete directory of this kind must list it"
                        : ": missing (a complete directory of this kind must have it; the manifest's file list "
                                + "lacks it too)"));
            }
        }
        Set<String> listed = new HashSet<>();
        int checked = 0;
        for (JsonNode entry : files) {
            String name = entry.path("name").asText("");
            Path path = root.resolve(name).normalize();
            if (name.isEmpty() || !path.startsWith(root) || path.equals(root)) {
                return broken(checked, file + ": lists '" + name + "', which is not a file inside " + dir);
            }
            listed.add(name);
            Path shown = dir.resolve(name);
            if (!Files.isRegularFile(path)) {
                return broken(checked, shown + ": missing (listed in the manifest)");
            }
            long bytes = Files.size(path);
            long expected = entry.path("bytes").asLong(-1);
            if (bytes != expected) {
                return broken(checked, shown + ": " + bytes + " bytes, the manifest says " + expected);
            }
            if (!AtomicFiles.sha256(path).equals(entry.path("sha256").asText())) {
                return broken(checked, shown + ": SHA-256 differs from the manifest (the file was changed)");
            }
            checked++;
        }
        return new Verification(true, checked, null, unlisted(root, listed));
    }

    private static List<String> unlisted(Path root, Set<String> listed) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (!name.equals(Manifest.FILE) && !listed.contains(name) && !OutputDirectory.isLockFile(p)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static Verification broken(int checked, String problem) {
        return new Verification(false, checked, problem, List.of());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
