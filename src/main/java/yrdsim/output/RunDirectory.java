package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an output directory holds, read from its files alone. An empty or missing directory is
 * free. A directory holding an incomplete yrdsim run (killed, failed) or one that is complete
 * is recognised by its manifest. A directory with files yrdsim did not write is foreign and is
 * never touched. The lock file ({@link OutputDirectory#LOCK_FILE}) is not content: a process
 * killed while holding the lock leaves it behind, and that must not make a directory foreign.
 * {@link OutputDirectory} decides from this state what a command does with the directory.
 */
public final class RunDirectory {

    /** What a directory holds. */
    public enum State {
        /** Missing or empty: use it. */
        FREE,
        /** Holds an incomplete yrdsim run: replace or continue it. */
        INCOMPLETE,
        /** Holds a complete yrdsim run. */
        COMPLETE,
        /** Holds files that are not a yrdsim run. */
        FOREIGN
    }

    private RunDirectory() {
    }

    /** Classifies {@code dir}. */
    public static State state(Path dir) throws IOException {
        return state(dir, List.of());
    }

    /**
     * Classifies {@code dir}, taking a directory without a manifest but with one of
     * {@code markers} as incomplete yrdsim output (a sweep run in shards has no manifest of its
     * own until it is merged, only its {@code sweep.yaml}).
     */
    public static State state(Path dir, List<String> markers) throws IOException {
        if (!Files.exists(dir)) {
            return State.FREE;
        }
        if (!Files.isDirectory(dir)) {
            return State.FOREIGN;
        }
        if (empty(dir)) {
            return State.FREE;
        }
        JsonNode manifest = Manifest.read(dir);
        if (manifest == null) {
            // A run killed while writing its first manifest leaves only the temporary file.
            boolean started = Files.exists(dir.resolve(Manifest.FILE))
                    || Files.exists(AtomicFiles.partial(dir.resolve(Manifest.FILE)))
                    || markers.stream().anyMatch(m -> Files.exists(dir.resolve(m)));
            return started ? State.INCOMPLETE : State.FOREIGN;
        }
        return Manifest.COMPLETE.equals(manifest.path("status").asText()) ? State.COMPLETE : State.INCOMPLETE;
    }

    /** Whether the directory {@code dir} holds nothing but, perhaps, a lock file. */
    public static boolean empty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(OutputDirectory::isLockFile);
        }
    }

    /**
     * Deletes everything inside {@code dir} but a manifest saying {@code running} and the lock
     * file (deleting a lock that a process holds would let a second process lock a new file of
     * the same name). The manifest is rewritten first, so a clear that is killed half-way leaves
     * an incomplete run (replaced by the next run), never a complete-looking one or one the next
     * run would refuse.
     */
    public static void clear(Path dir) throws IOException {
        new Manifest(dir).write(Manifest.RUNNING);
        Path manifest = dir.resolve(Manifest.FILE);
        Path lock = dir.resolve(OutputDirectory.LOCK_FILE);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(manifest) && !p.equals(lock)) {
                    Files.delete(p);
                }
            }
        }
    }
}
