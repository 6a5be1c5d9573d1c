package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}'s check of a directory against its manifest. */
class VerificationTest {

    @TempDir
    Path dir;

    @BeforeEach
    void completeDirectory() throws IOException {
        Files.writeString(dir.resolve("provinces.csv"), "step,province\n0,A\n1,A\n");
        Files.writeString(dir.resolve("summary.json"), "{}\n");
        Files.createDirectories(dir.resolve("runs/0001"));
        Files.writeString(dir.resolve("runs/0001/summary.json"), "{\"x\": 1}\n");
        new Manifest(dir).put("seed", 1L).expect(List.of("provinces.csv", "summary.json")).complete();
    }

    @Test
    void anUntouchedDirectoryIsIntact() throws IOException {
        Verification v = Verification.of(dir);
        assertTrue(v.intact(), v.problem());
        assertNull(v.problem());
        assertEquals(3, v.checked());
        assertEquals(List.of(), v.unlisted());
    }

    @Test
    void aChangedByteIsFoundEvenAtTheSameSize() throws IOException {
        Path file = dir.resolve("provinces.csv");
        Files.writeString(file, Files.readString(file).replace("1,A", "2,A"));
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertEquals(file + ": SHA-256 differs from the manifest (the file was changed)", v.problem());
    }

    @Test
    void aFileInASubdirectoryIsChecked() throws IOException {
        Files.writeString(dir.resolve("runs/0001/summary.json"), "{\"x\": 2}\n");
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().startsWith(dir.resolve("runs/0001/summary.json").toString()), v.problem());
    }

    @Test
    void aTruncatedFileIsFoundBySize() throws IOException {
        Files.writeString(dir.resolve("provinces.csv"), "step,province\n");
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("provinces.csv: 14 bytes, the manifest says 22"), v.problem());
    }

    @Test
    void aMissingFileIsFound() throws IOException {
        Files.delete(dir.resolve("summary.json"));
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertEquals(dir.resolve("summary.json") + ": missing (listed in the manifest)", v.problem());
    }

    @Test
    void aRunThatDidNotFinishIsNotIntact() throws IOException {
        new Manifest(dir).write(Manifest.RUNNING);
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("status is 'running', not 'complete'"), v.problem());

        new Manifest(dir).put("error", "step 3 (2020Q4), province A: wage is not a number (NaN)").write(Manifest.FAILED);
        v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("the run failed (step 3 (2020Q4), province A: wage is not a number (NaN))"),
                v.problem());
    }

    @Test
    void aDirectoryWithoutManifestIsNotIntact() throws IOException {
        Files.delete(dir.resolve(Manifest.FILE));
        assertFalse(Verification.of(dir).intact());
        Files.writeString(dir.resolve(Manifest.FILE), "{ not json");
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("not readable JSON"), v.problem());
    }

    @Test
    void aManifestCannotPointOutsideItsDirectory() throws IOException {
        Path manifest = dir.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"summary.json\"", "\"../summary.json\""));
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().contains("lists '../summary.json', which is not a file inside"), v.problem());
    }

    @Test
    void filesAddedLaterAreNamedButDoNotBreakIntegrity() throws IOException {
        Files.writeString(dir.resolve("report.md"), "# notes\n");
        Verification v = Verification.of(dir);
        assertTrue(v.intact(), v.problem());
        assertEquals(List.of("report.md"), v.unlisted());
    }

    /** The failure of issue 17: a table gone from both the directory and the file list. */
    @Test
    void aTableRemovedFromTheDirectoryAndTheFileListIsStillMissing() throws IOException {
        Path manifest = dir.resolve(Manifest.FILE);
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(manifest.toFile());
        ArrayNode files = (ArrayNode) m.get("files");
        for (int i = files.size() - 1; i >= 0; i--) {
            if (files.get(i).path("name").asText().equals("provinces.csv")) {
                files.remove(i);
            }
        }
        Files.writeString(manifest, Json.MAPPER.writeValueAsString(m));
        Files.delete(dir.resolve("provinces.csv"));

        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertEquals(dir.resolve("provinces.csv") + ": missing (a complete directory of this kind must have it; the "
                + "manifest's file list lacks it too)", v.problem());
    }

    @Test
    void aTableLeftOutOfTheFileListIsFoundEvenIfItIsThere() throws IOException {
        Path manifest = dir.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"name\" : \"summary.json\"",
                "\"name\" : \"runs/0001/summary.json\""));
        Verification v = Verification.of(dir);
        assertFalse(v.intact());
        assertTrue(v.problem().endsWith("summary.json: not in the manifest's file list, though a complete directory "
                + "of this kind must list it"), v.problem());
    }

    @Test
    void completionRefusesWhileAnExpectedFileIsMissing() throws IOException {
        Files.delete(dir.resolve("summary.json"));
        Manifest m = new Manifest(dir).expect(List.of("provinces.csv")).expect(List.of("summary.json", "firms.csv"));
        Manifest.MissingOutputException e = assertThrows(Manifest.MissingOutputException.class, m::complete);
        assertEquals(dir + " cannot be marked complete: 2 of its 3 expected files are missing (summary.json, "
                + "firms.csv)", e.getMessage());
        assertFalse(Verification.of(dir).intact(), "the manifest was not rewritten as complete");
    }

    @Test
    void aLockFileIsNeitherListedNorUnlisted() throws IOException {
        Files.writeString(dir.resolve(OutputDirectory.LOCK_FILE), "pid 1\n");
        new Manifest(dir).expect(List.of("provinces.csv")).complete();
        Verification v = Verification.of(dir);
        assertTrue(v.intact(), v.problem());
        assertEquals(List.of(), v.unlisted());
        assertFalse(Files.readString(dir.resolve(Manifest.FILE)).contains(OutputDirectory.LOCK_FILE));
    }
}
