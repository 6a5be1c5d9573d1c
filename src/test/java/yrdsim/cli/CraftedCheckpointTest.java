package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.Manifest;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/**
 * A run directory shared by someone else may carry a crafted {@code checkpoint.ser.gz}. Read
 * through the checkpoint filter, it is refused before anything is built: exit 1, one line,
 * within a second, and the run directory is left as it was (issue 17).
 */
class CraftedCheckpointTest {

    private static final String CHECKPOINT = "checkpoint.ser.gz";
    /** The length the crafted array claims: 2^31 − 16 longs, 16 GiB. */
    private static final int HUGE = 0x7ffffff0;

    @TempDir
    Path tmp;

    /** A real run of this build, interrupted after its first checkpoint, so only the checkpoint is forged. */
    private Path interrupted() throws Exception {
        Path dir = tmp.resolve("run");
        RunOptions o = new RunOptions(Path.of("scenarios/two-regions.yaml"), List.of("enterprises.scale=0.2"), 9L, 12,
                1, EnterpriseEngine.Kind.FAST, dir, false, 0, 4, true);
        assertThrows(IllegalStateException.class, () -> Runner.run(o, (done, total) -> {
            if (done == 6) {
                throw new IllegalStateException("stop here");
            }
        }));
        assertTrue(Files.exists(dir.resolve(CHECKPOINT)));
        return dir;
    }

    /** A checkpoint's header (format 1) followed by {@code object}, serialized. */
    private static byte[] serialized(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(1);
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }

    /** A stream that announces a {@code long[HUGE]}: a {@code long[1]}'s stream with its length patched, data cut. */
    private static byte[] hugeArray() throws IOException {
        byte[] one = serialized(new long[1]);
        ByteBuffer.wrap(one).putInt(one.length - 12, HUGE);
        return Arrays.copyOf(one, one.length - 8);
    }

    private static void forge(Path dir, byte[] stream) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(CHECKPOINT)))) {
            out.write(stream);
        }
    }

    private static void refusedQuickly(Path dir, String reason) throws IOException {
        byte[] manifest = Files.readAllBytes(dir.resolve(Manifest.FILE));
        long started = System.nanoTime();
        Cli r = Cli.run("resume", dir.toString(), "--quiet");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("yrdsim: run failed: cannot resume " + dir + ": " + dir.resolve(CHECKPOINT)
                + ": not a checkpoint this yrdsim can read (it holds " + reason + ")"), r.errLines());
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
        assertTrue(millis < 1000, "refused in " + millis + " ms");
        assertEquals(new String(manifest), Files.readString(dir.resolve(Manifest.FILE)), "the run is left as it was");
    }

    @Test
    void aHugeArrayIsRefusedBeforeItIsAllocated() throws Exception {
        Path dir = interrupted();
        forge(dir, hugeArray());
        refusedQuickly(dir, "an array of " + HUGE + " elements, more than the 160000000 a model has");
    }

    /** The root object of a classic gadget chain; here harmless, and refused all the same. */
    @Test
    void aClassNoModelIsMadeOfIsRefused() throws Exception {
        Path dir = interrupted();
        forge(dir, serialized(new BadAttributeValueExpException("x")));
        refusedQuickly(dir, "an object of class javax.management.BadAttributeValueExpException, which no model is "
                + "made of");
    }

    @Test
    void objectsNestedDeeperThanAModelAreRefused() throws Exception {
        Path dir = interrupted();
        List<Object> nested = new java.util.ArrayList<>();
        List<Object> inner = nested;
        for (int i = 0; i < 500; i++) {
            List<Object> next = new java.util.ArrayList<>();
            inner.add(next);
            inner = next;
        }
        forge(dir, serialized(nested));
        refusedQuickly(dir, "objects nested 101 deep, more than 100");
    }

    /** In a fresh JVM with a small heap, as a user would meet it: one line, exit 1, no OutOfMemoryError. */
    @Test
    void aFreshJvmRefusesTheHugeArrayWithOneLine() throws Exception {
        Path dir = interrupted();
        forge(dir, hugeArray());
        Child.Output r = Child.run(Child.javaCommand("resume", dir.toString(), "--quiet"), tmp.resolve("logs"));
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("not a checkpoint this yrdsim can read (it holds an array of " + HUGE), r.err());
    }
}
