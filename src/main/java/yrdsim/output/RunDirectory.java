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
            return Files.exists(dir.resolve(Manifest.FILE)) ? State.INCOMPLETE : State.FOREIGN;
        }
        return Manifest.COMPLETE.equals(manifest.path("status").asText()) ? State.COMPLETE : State.INCOMPLETE;
    }

    /** Deletes everything inside {@code dir}, leaving it empty. */
    public static void clear(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
