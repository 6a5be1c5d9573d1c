package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs on a shared scratch directory are readable by collaborators: under umask 022 every
 * file of a sweep and of a run is group- and other-readable, and every directory can be
 * entered (issue 15: sweep.yaml, scenario.resolved.yaml and design.csv were made 0600). The
 * child runs under {@code umask 022} set by its shell, which also creates a plain file to show
 * that the umask in effect is 022.
 */
class ReadableOutputsTest {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("r--r--r--");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("r-xr-xr-x");

    @TempDir
    Path tmp;

    private Child.Output underUmask022(Path probe, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 022 && : > \"$0\" && exec \"$@\"",
                probe.toString()));
        command.addAll(Child.javaCommand(args));
        Child.Output r = Child.run(command, tmp.resolve(probe.getFileName() + "-logs"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                "the child's umask is 022");
        return r;
    }

    @Test
    void sweepAndRunOutputsAreReadableByGroupAndOthers() throws Exception {
        Path file = TinySweep.write(tmp, "grid.yaml", 1, 2, 0.2, "0, 1");
        Path sweep = tmp.resolve("shared/sweep");
        Child.Output s = underUmask022(tmp.resolve("probe-sweep"), "sweep", file.toString(), "--out", sweep.toString(),
                "--jobs", "1", "--quiet");
        assertEquals(0, s.code(), s.err());
        Path run = tmp.resolve("shared/run");
        Child.Output r = underUmask022(tmp.resolve("probe-run"), "run", "scenarios/two-regions.yaml", "--steps", "3",
                "--threads", "1", "--checkpoint-every", "1", "--out", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());

        List<String> unreadable = new ArrayList<>();
        for (Path dir : List.of(sweep, run)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.toList()) {
                    Set<PosixFilePermission> has = Files.getPosixFilePermissions(p);
                    if (!has.containsAll(Files.isDirectory(p) ? DIRECTORY : FILE)) {
                        unreadable.add(tmp.relativize(p) + " " + PosixFilePermissions.toString(has));
                    }
                }
            }
        }
        assertEquals(List.of(), unreadable);
        assertTrue(Files.exists(sweep.resolve("sweep.yaml")) && Files.exists(sweep.resolve("design.csv"))
                && Files.exists(run.resolve("scenario.resolved.yaml")));
    }
}
