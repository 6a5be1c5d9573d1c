package yrdsim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.AtomicFiles;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.output.Verification;

/**
 * Checkpoint and resume: a run interrupted after a checkpoint and resumed writes the same
 * bytes, in every data file, as the same run without interruption.
 */
class CheckpointResumeTest {

    private static final Path SCENARIO = Path.of("scenarios/two-regions.yaml");
    /** Every file of a run directory but the manifest, whose timing differs by design. */
    private static final List<String> DATA_FILES = List.of("provinces.csv", "sectors.csv", "flows.csv",
            "clusters.csv", "firms.csv", "summary.json", "calibration.json", "scenario.resolved.yaml");

    @TempDir
    Path tmp;

    /** Stands for a crash: thrown from the progress callback after a given step. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static Progress interruptAfter(int step) {
        return (done, total) -> {
            if (done == step) {
                throw new Interrupted();
            }
        };
    }

    private static RunOptions options(Path out, int steps, EnterpriseEngine.Kind engine, int threads,
                                      int checkpointEvery) {
        return new RunOptions(SCENARIO, List.of("enterprises.scale=0.5"), 11L, steps, threads, engine, out, false, 5,
                checkpointEvery, true);
    }

    @Test
    void fastEngineResumesToTheSameBytes() throws Exception {
        resumesToTheSameBytes(EnterpriseEngine.Kind.FAST, 22, 6, 15);
    }

    @Test
    void referenceEngineResumesToTheSameBytes() throws Exception {
        resumesToTheSameBytes(EnterpriseEngine.Kind.REFERENCE, 12, 4, 10);
    }

    private void resumesToTheSameBytes(EnterpriseEngine.Kind engine, int steps, int every, int crashAt)
            throws Exception {
        Path straight = tmp.resolve("straight");
        Runner.run(options(straight, steps, engine, 2, 0), Progress.NONE);

        Path resumed = tmp.resolve("resumed");
        RunOptions o = options(resumed, steps, engine, 1, every);
        assertThrows(Interrupted.class, () -> Runner.run(o, interruptAfter(crashAt)));
        assertEquals(Manifest.FAILED, Manifest.read(resumed).path("status").asText());
        assertTrue(Files.exists(resumed.resolve(Checkpoint.FILE)));
        assertTrue(Files.size(resumed.resolve("provinces.csv.partial")) > 0);
        assertFalse(Files.exists(resumed.resolve("provinces.csv")));
        assertFalse(Verification.of(resumed).intact());

        RunResult result = Runner.resume(resumed, Progress.NONE);

        assertFalse(result.reused());
        JsonNode manifest = Manifest.read(resumed);
        assertEquals(Manifest.COMPLETE, manifest.path("status").asText());
        assertEquals(crashAt / every * every, manifest.path("resumed_from_step").asInt());
        assertSameData(straight, resumed);
        assertFalse(Files.exists(resumed.resolve(Checkpoint.FILE)), "a complete run keeps no checkpoint");
        assertTrue(Verification.of(resumed).intact(), Verification.of(resumed).problem());
        try (Stream<Path> files = Files.list(resumed)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(AtomicFiles.PARTIAL)));
        }
    }

    /** Writing checkpoints changes nothing in what a run computes and writes. */
    @Test
    void aRunThatCheckpointsWritesTheSameBytesAsOneThatDoesNot() throws Exception {
        Path straight = tmp.resolve("straight");
        Runner.run(options(straight, 9, EnterpriseEngine.Kind.FAST, 1, 0), Progress.NONE);
        Path checkpointed = tmp.resolve("checkpointed");
        Runner.run(options(checkpointed, 9, EnterpriseEngine.Kind.FAST, 1, 2), Progress.NONE);
        assertSameData(straight, checkpointed);
        assertFalse(Files.exists(checkpointed.resolve(Checkpoint.FILE)));
    }

    /** Killed after the tables were closed but before the manifest said complete. */
    @Test
    void resumeContinuesTablesThatWereAlreadyClosed() throws Exception {
        Path straight = tmp.resolve("straight");
        Runner.run(options(straight, 10, EnterpriseEngine.Kind.FAST, 1, 0), Progress.NONE);
        Path resumed = tmp.resolve("resumed");
        assertThrows(Interrupted.class,
                () -> Runner.run(options(resumed, 10, EnterpriseEngine.Kind.FAST, 1, 3), interruptAfter(8)));
        for (String table : List.of("provinces", "sectors", "flows", "firms")) {
            Files.move(resumed.resolve(table + ".csv.partial"), resumed.resolve(table + ".csv"));
        }
        Runner.resume(resumed, Progress.NONE);
        assertSameData(straight, resumed);
    }

    @Test
    void aRunWithoutCheckpointIsRunAgainFromTheStart() throws Exception {
        Path straight = tmp.resolve("straight");
        Runner.run(options(straight, 8, EnterpriseEngine.Kind.FAST, 1, 0), Progress.NONE);
        Path resumed = tmp.resolve("resumed");
        assertThrows(Interrupted.class,
                () -> Runner.run(options(resumed, 8, EnterpriseEngine.Kind.FAST, 1, 0), interruptAfter(5)));
        assertFalse(Files.exists(resumed.resolve(Checkpoint.FILE)));

        Runner.resume(resumed, Progress.NONE);

        assertEquals(Manifest.COMPLETE, Manifest.read(resumed).path("status").asText());
        assertSameData(straight, resumed);
    }

    @Test
    void aRunWithoutCheckpointIsNotRunAgainFromAChangedScenario() throws Exception {
        Path scenario = tmp.resolve("mine.yaml");
        Files.copy(SCENARIO, scenario);
        Path dir = tmp.resolve("run");
        RunOptions o = new RunOptions(scenario, List.of(), 3L, 6, 1, EnterpriseEngine.Kind.FAST, dir, false, 0, 0, true);
        assertThrows(Interrupted.class, () -> Runner.run(o, interruptAfter(2)));
        Files.writeString(scenario, Files.readString(scenario).replace("workers: 1000", "workers: 1200"));

        RefusedException e = assertThrows(RefusedException.class, () -> Runner.resume(dir, Progress.NONE));
        assertTrue(e.getMessage().contains("has changed since the run started"), e.getMessage());
    }

    /**
     * The scenario file is gone (moved, deleted, or on another machine): the run is run again
     * from the run directory's own scenario.resolved.yaml, to the same bytes.
     */
    @Test
    void aRunWithoutCheckpointWhoseScenarioFileIsGoneRunsAgainFromItsOwnResolvedScenario() throws Exception {
        Path scenario = tmp.resolve("mine.yaml");
        Files.copy(SCENARIO, scenario);
        Path straight = tmp.resolve("straight");
        Runner.run(new RunOptions(scenario, List.of("enterprises.scale=0.5", "barriers.labor.scale=0.4"), 3L, 6, 1,
                EnterpriseEngine.Kind.FAST, straight, false, 0, 0, true), Progress.NONE);
        Path dir = tmp.resolve("run");
        RunOptions o = new RunOptions(scenario, List.of("enterprises.scale=0.5", "barriers.labor.scale=0.4"), 3L, 6, 1,
                EnterpriseEngine.Kind.FAST, dir, false, 0, 0, true);
        assertThrows(Interrupted.class, () -> Runner.run(o, interruptAfter(2)));
        Files.delete(scenario);

        Runner.resume(dir, Progress.NONE);

        JsonNode manifest = Manifest.read(dir);
        assertEquals(Manifest.COMPLETE, manifest.path("status").asText());
        assertEquals(scenario.toString(), manifest.path("scenario").path("path").asText(),
                "the manifest still names the file the run was made from");
        assertSameData(straight, dir);
    }

    @Test
    void resumeLeavesACompleteRunAloneAndRefusesWhatIsNotARun() throws Exception {
        Path dir = tmp.resolve("done");
        Runner.run(options(dir, 3, EnterpriseEngine.Kind.FAST, 1, 0), Progress.NONE);
        byte[] manifest = Files.readAllBytes(dir.resolve(Manifest.FILE));
        assertTrue(Runner.resume(dir, Progress.NONE).reused());
        assertArrayEquals(manifest, Files.readAllBytes(dir.resolve(Manifest.FILE)));

        assertThrows(RefusedException.class, () -> Runner.resume(tmp.resolve("nothing-here"), Progress.NONE));
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertThrows(RefusedException.class, () -> Runner.resume(foreign, Progress.NONE));
    }

    /** A checkpoint file cannot make the reader build objects of classes a model is not made of. */
    @Test
    void aCheckpointHoldingForeignClassesIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tampered"));
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve(Checkpoint.FILE))))) {
            out.writeInt(1);
            out.writeObject(new java.io.File("/etc/passwd"));
        }
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(dir));
        assertTrue(e.getMessage().contains("not a checkpoint this yrdsim can read"), e.getMessage());
    }

    private static void assertSameData(Path expected, Path actual) throws IOException {
        for (String name : DATA_FILES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                    name + " differs from the uninterrupted run");
        }
    }
}
