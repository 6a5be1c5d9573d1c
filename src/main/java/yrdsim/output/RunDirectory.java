package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The policy for reusing an output directory. An empty or missing directory is used. A
 * directory holding an incomplete yrdsim run (killed, failed) is replaced: nothing in it can be
 * trusted. A complete run is kept unless forced. A directory with files yrdsim did not write is
 * never touched.
 */
public final class RunDirectory {

    /** What to do with a directory. */
    public enum State {
        /** Missing or empty: use it. */
        FREE,
        /** Holds an incomplete yrdsim run: replace it. */
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
        if (!Files.exists(dir)) {
            return State.FREE;
        }
        if (!Files.isDirectory(dir)) {
            return State.FOREIGN;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return State.FREE;
            }
        }
        JsonNode manifest = Manifest.read(dir);
        if (manifest == null) {
            // A run killed while writing its first manifest leaves only the temporary file.
            boolean started = Files.exists(dir.resolve(Manifest.FILE))
                    || Files.exists(AtomicFiles.partial(dir.resolve(Manifest.FILE)));
            return started ? State.INCOMPLETE : State.FOREIGN;
        }
        return Manifest.COMPLETE.equals(manifest.path("status").asText()) ? State.COMPLETE : State.INCOMPLETE;
    }

    /**
     * Deletes everything inside {@code dir} but a manifest saying {@code running}. The manifest
     * is rewritten first, so a clear that is killed half-way leaves an incomplete run (replaced
     * by the next run), never a complete-looking one or one the next run would refuse.
     */
    public static void clear(Path dir) throws IOException {
        new Manifest(dir).write(Manifest.RUNNING);
        Path manifest = dir.resolve(Manifest.FILE);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(manifest)) {
                    Files.delete(p);
                }
            }
        }
    }
}
