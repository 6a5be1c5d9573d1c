package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output location that cannot be written, or a disk that fills up during the run: exit 1,
 * one line on stderr naming the path, no stack trace, and nothing that looks like a valid
 * result. Full and read-only file systems are real ones, made in a private mount namespace
 * ({@code unshare}), so the test works as root too, for whom permissions stop nothing.
 */
class OutputFailureTest {

    private static final String SCENARIO = "scenarios/two-regions.yaml";

    @TempDir
    Path tmp;

    @Test
    void anOutputPathUnderARegularFileFailsWithOneLineNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a directory");
        Path out = file.resolve("run");
        Cli r = Cli.run("run", SCENARIO, "--steps", "2", "--quiet", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("yrdsim: run failed: cannot use output directory: " + out + ": Not a directory"),
                r.errLines());
        assertFalse(r.hasStackTrace());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedAsBadInput() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        Cli r = Cli.run("run", SCENARIO, "--steps", "2", "--quiet", "--out", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("yrdsim: " + file + " is a file, not a directory; choose another --out"), r.errLines());
        assertEquals("mine", Files.readString(file));
    }

    /** A read-only file system (a read-only bind mount; or, without namespaces, a mode-0555 directory). */
    @Test
    void aReadOnlyLocationFailsWithOneLineNamingIt() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Path out = ro.resolve("run");
        Child.Output r;
        String reason;
        if (Child.canUnshareMounts()) {
            r = confined("mount --bind \"$d\" \"$d\" && mount -o remount,ro,bind \"$d\" || exit 97", ro, out);
            reason = "Read-only file system";
        } else {
            assertFalse("root".equals(System.getProperty("user.name")),
                    "as root, a read-only location needs 'unshare -rm' (user and mount namespaces)");
            ro.toFile().setWritable(false, false);
            r = Child.run(Child.javaCommand("run", SCENARIO, "--steps", "2", "--quiet", "--out", out.toString()),
                    tmp.resolve("logs"));
            reason = "permission denied";
        }
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("yrdsim: run failed: cannot use output directory: " + out + ": " + reason),
                r.errLines());
    }

    /**
     * The disk fills up while the tables are written: a 160 KB tmpfs (or, without namespaces, a
     * file size limit, which the kernel enforces the same way).
     */
    @Test
    void aFullDiskFailsWithOneLineNamingTheFileAndLeavesNothingThatLooksComplete() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Path out = disk.resolve("run");
        boolean tmpfs = Child.canUnshareMounts();
        Child.Output r;
        if (tmpfs) {
            r = confined("mount -t tmpfs -o size=160k tmpfs \"$d\" || exit 97", disk, out);
        } else {
            List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 160; exec \"$0\" \"$@\""));
            command.addAll(runCommand(out));
            r = Child.run(command, tmp.resolve("logs"));
        }
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), r.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("yrdsim: run failed: cannot write " + out + "/"), line);
        assertTrue(line.endsWith(tmpfs ? ": No space left on device" : ": File too large"), line);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());

        List<String> listing = tmpfs ? section(r.out(), "listing") : listing(out);
        assertTrue(listing.contains("manifest.json"), listing.toString());
        for (String name : listing) {
            assertTrue(name.equals("manifest.json") || name.equals("scenario.resolved.yaml") || name.endsWith(".partial"),
                    "a result file under its final name after a failed run: " + name);
        }
        String manifest = tmpfs ? String.join("\n", section(r.out(), "manifest")) : Files.readString(out.resolve("manifest.json"));
        assertFalse(manifest.contains("\"complete\""), manifest);
    }

    private static List<String> runCommand(Path out) {
        return Child.javaCommand("run", SCENARIO, "--steps", "24", "--threads", "1", "--quiet", "--out",
                out.toString());
    }

    /**
     * Runs yrdsim in its own user and mount namespace after {@code setup} (a shell line that may
     * use {@code $d}, the directory to change), then prints the run directory's listing and
     * manifest, which vanish with the namespace.
     */
    private Child.Output confined(String setup, Path d, Path out) throws Exception {
        String script = "d=$1; shift; " + setup + "; \"$@\"; code=$?; "
                + "echo '--- listing'; ls -1 \"" + out + "\" 2>&1; echo '--- manifest'; cat \"" + out + "/manifest.json\" 2>&1; "
                + "echo '--- end'; exit $code";
        List<String> command = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c", script, "sh", d.toString()));
        command.addAll(runCommand(out));
        return Child.run(command, tmp.resolve("logs"));
    }

    private static List<String> section(String out, String name) {
        List<String> lines = out.lines().toList();
        int from = lines.indexOf("--- " + name) + 1;
        assertTrue(from > 0, "no '" + name + "' in the child's output: " + out);
        int to = from;
        while (to < lines.size() && !lines.get(to).startsWith("--- ")) {
            to++;
        }
        return lines.subList(from, to);
    }

    private static List<String> listing(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
