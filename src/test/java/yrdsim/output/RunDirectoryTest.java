package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run may do with an output directory, whatever moment an earlier run was killed at. */
class RunDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingOrEmptyDirectoryIsFree() throws IOException {
        assertEquals(RunDirectory.State.FREE, RunDirectory.state(tmp.resolve("missing")));
        assertEquals(RunDirectory.State.FREE, RunDirectory.state(Files.createDirectories(tmp.resolve("empty"))));
    }

    @Test
    void aRunKilledWhileWritingItsFirstManifestIsIncomplete() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("manifest.json.partial"), "{\"yrdsim_ver");
        assertEquals(RunDirectory.State.INCOMPLETE, RunDirectory.state(dir));
    }

    @Test
    void statusDecidesBetweenIncompleteAndComplete() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        new Manifest(dir).write(Manifest.RUNNING);
        assertEquals(RunDirectory.State.INCOMPLETE, RunDirectory.state(dir));
        new Manifest(dir).write(Manifest.FAILED);
        assertEquals(RunDirectory.State.INCOMPLETE, RunDirectory.state(dir));
        Files.writeString(dir.resolve(Manifest.FILE), "{ torn");
        assertEquals(RunDirectory.State.INCOMPLETE, RunDirectory.state(dir));
        new Manifest(dir).complete();
        assertEquals(RunDirectory.State.COMPLETE, RunDirectory.state(dir));
    }

    @Test
    void filesYrdsimDidNotWriteAreForeign() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("thesis.tex"), "\\documentclass{article}");
        assertEquals(RunDirectory.State.FOREIGN, RunDirectory.state(dir));
        assertEquals(RunDirectory.State.FOREIGN, RunDirectory.state(dir.resolve("thesis.tex")));
    }

    /** The manifest is marked running before anything is deleted, so a killed clear is an incomplete run. */
    @Test
    void clearingLeavesOnlyARunningManifest() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("provinces.csv"), "step\n0\n");
        Files.createDirectories(dir.resolve("runs/0001"));
        Files.writeString(dir.resolve("runs/0001/summary.json"), "{}");
        new Manifest(dir).complete();

        RunDirectory.clear(dir);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(Manifest.FILE), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(Manifest.RUNNING, Manifest.read(dir).path("status").asText());
        assertEquals(RunDirectory.State.INCOMPLETE, RunDirectory.state(dir));
    }
}
