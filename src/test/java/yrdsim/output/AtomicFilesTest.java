package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: whole files or none, and failures that name the file. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.write(target, "{\"a\": 1}\n");
        AtomicFiles.write(target, "{\"a\": 2}\n");
        assertEquals("{\"a\": 2}\n", Files.readString(target));
        assertFalse(Files.exists(AtomicFiles.partial(target)));
    }

    /**
     * A real "No space left on device": the temporary name is a link to /dev/full, so every
     * write to it fails in the kernel. The old file stays as it was, the temporary file is
     * gone, and the error names the file being written.
     */
    @Test
    void aFullDeviceKeepsTheOldFileAndNamesTheTarget() throws IOException {
        Path target = dir.resolve("summary.json");
        Files.writeString(target, "old\n");
        Files.createSymbolicLink(AtomicFiles.partial(target), Path.of("/dev/full"));

        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(target, "x".repeat(1 << 20)));

        assertEquals(target.toString(), e.getFile());
        assertTrue(e.getReason().contains("No space left on device"), e.getReason());
        assertEquals("old\n", Files.readString(target));
        assertFalse(Files.exists(AtomicFiles.partial(target), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPathUnderARegularFileFailsNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path target = file.resolve("summary.json");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(target, "{}"));
        assertTrue(e.getFile().startsWith(file.toString()), e.getFile());
    }
}
