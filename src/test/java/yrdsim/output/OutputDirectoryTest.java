package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.OutputDirectory.Decision;
import yrdsim.output.OutputDirectory.Identity;
import yrdsim.output.OutputDirectory.Kind;

/**
 * The output-directory protocol: what a claim decides for each state a directory can be in,
 * and the lock that keeps a second writer out. Cross-process locking is tested with real child
 * processes in {@code cli.ConcurrentWritersTest}.
 */
class OutputDirectoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);
    private static final Kind CONTINUES = new Kind("comparison", List.of(), true);
    private static final Map<String, Object> WORK = Map.of("seed", 7L, "steps", 4);
    private static final Identity SAME = Identity.fields(WORK);

    @TempDir
    Path tmp;

    private Path complete(String name, Map<String, Object> identity) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("summary.json"), "{}\n");
        Manifest m = new Manifest(dir, CLOCK);
        identity.forEach(m::put);
        m.complete();
        return dir;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingDirectoryIsCreatedFreshAndRemovedAgainIfNothingWasWritten() throws Exception {
        Path dir = tmp.resolve("a/b/run");
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            assertEquals(Decision.FRESH, out.decision());
            assertTrue(Files.isRegularFile(dir.resolve(OutputDirectory.LOCK_FILE)));
            assertEquals("pid " + ProcessHandle.current().pid() + ", started 2026-12-04T09:00:00Z",
                    Files.readString(dir.resolve(OutputDirectory.LOCK_FILE)).strip());
        }
        assertFalse(Files.exists(tmp.resolve("a")), "refused or failed work leaves no directory behind");
    }

    @Test
    void aDirectoryWithOutputKeepsItAndLosesOnlyTheLock() throws Exception {
        Path dir = tmp.resolve("run");
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            out.prepare();
            Manifest m = out.manifest();
            WORK.forEach(m::put);
            m.stamp("started_at");
            Files.writeString(dir.resolve("summary.json"), "{}\n");
            m.complete();
        }
        assertEquals(List.of("manifest.json", "summary.json"), names(dir));
        assertEquals("2026-12-04T09:00:00Z", Manifest.read(dir).path("started_at").asText(), "the injected clock");
        assertFalse(Manifest.read(dir).path("files").toString().contains(OutputDirectory.LOCK_FILE));
    }

    @Test
    void identicalCompleteWorkIsDoneAndDifferentWorkIsRefusedUnlessForced() throws Exception {
        Path dir = complete("run", WORK);
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            assertEquals(Decision.DONE, out.decision());
            assertEquals(7, out.existing().path("seed").asInt());
        }
        Identity other = Identity.fields(Map.of("seed", 8L, "steps", 4));
        RefusedException e = assertThrows(RefusedException.class,
                () -> OutputDirectory.claim(dir, OutputDirectory.RUN, other, false, CLOCK));
        assertEquals(dir + " holds a different complete run; use --force to replace it, or --out to write elsewhere",
                e.getMessage());
        assertEquals(List.of("manifest.json", "summary.json"), names(dir), "a refusal leaves the directory as it was");
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, other, true, CLOCK)) {
            assertEquals(Decision.FRESH, out.decision());
            out.prepare();
            assertEquals(List.of(OutputDirectory.LOCK_FILE, "manifest.json"), names(dir));
        }
    }

    @Test
    void unfinishedWorkIsContinuedWhenTheKindContinuesAndTheIdentityMatches() throws Exception {
        Path dir = complete("cmp", WORK);
        Manifest m = new Manifest(dir, CLOCK);
        WORK.forEach(m::put);
        m.write(Manifest.RUNNING);
        try (OutputDirectory out = OutputDirectory.claim(dir, CONTINUES, SAME, false, CLOCK)) {
            assertEquals(Decision.CONTINUE, out.decision());
        }
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            assertEquals(Decision.FRESH, out.decision(), "a run replaces unfinished work; resuming is resume's");
        }
        Identity other = Identity.fields(Map.of("seed", 9L));
        try (OutputDirectory out = OutputDirectory.claim(dir, CONTINUES, other, false, CLOCK)) {
            assertEquals(Decision.FRESH, out.decision(), "different unfinished work is replaced");
            out.prepare();
            assertEquals(List.of(OutputDirectory.LOCK_FILE, "manifest.json"), names(dir));
        }
    }

    @Test
    void foreignFilesAreRefusedWithoutWritingAnythingEvenWithForce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(dir.resolve("thesis.tex"), "precious");
        RefusedException e = assertThrows(RefusedException.class,
                () -> OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, true, CLOCK));
        assertEquals(dir + " is not empty and was not written by yrdsim; choose another --out", e.getMessage());
        assertEquals(List.of("thesis.tex"), names(dir));
        Path file = dir.resolve("thesis.tex");
        e = assertThrows(RefusedException.class,
                () -> OutputDirectory.claim(file, OutputDirectory.RUN, SAME, true, CLOCK));
        assertEquals(file + " is a file, not a directory; choose another --out", e.getMessage());
    }

    @Test
    void aDirectoryKnownByAMarkerIsNotForeign() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sweep"));
        Files.writeString(dir.resolve("sweep.yaml"), "seed: 1\n");
        Kind sweep = new Kind("sweep", List.of("sweep.yaml"), true);
        try (OutputDirectory out = OutputDirectory.claim(dir, sweep, Identity.ANY, false, CLOCK)) {
            assertEquals(Decision.CONTINUE, out.decision());
        }
    }

    @Test
    void aSecondClaimIsRefusedWhileTheFirstHoldsTheDirectory() throws Exception {
        Path dir = tmp.resolve("run");
        try (OutputDirectory first = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            RefusedException e = assertThrows(RefusedException.class,
                    () -> OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK));
            assertEquals(dir + " is in use by another yrdsim run in this process (pid "
                    + ProcessHandle.current().pid() + ", started 2026-12-04T09:00:00Z)", e.getMessage());
            assertTrue(Files.exists(dir.resolve(OutputDirectory.LOCK_FILE)), "the refusal left the holder's lock");
        }
        try (OutputDirectory again = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            assertEquals(Decision.FRESH, again.decision(), "released on close");
        }
    }

    @Test
    void aLockFileLeftByAKilledProcessIsNoLockAndNoContent() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve(OutputDirectory.LOCK_FILE), "pid 1, started 2020-01-01T00:00:00Z\n");
        assertEquals(RunDirectory.State.FREE, RunDirectory.state(dir));
        try (OutputDirectory out = OutputDirectory.claim(dir, OutputDirectory.RUN, SAME, false, CLOCK)) {
            assertEquals(Decision.FRESH, out.decision());
        }
        assertFalse(Files.exists(dir.resolve(OutputDirectory.LOCK_FILE)));
    }

    @Test
    void partsOfADirectoryAreHeldSideBySideButNotWithTheWhole() throws Exception {
        Path dir = tmp.resolve("sweep");
        Kind sweep = new Kind("sweep", List.of("sweep.yaml", "shards"), true);
        try (OutputDirectory part = OutputDirectory.claimPart(dir, dir.resolve("shards/0-of-2"), sweep, Identity.ANY,
                CLOCK)) {
            assertEquals(Decision.FRESH, part.decision());
            assertTrue(Files.exists(dir.resolve("shards/0-of-2/" + OutputDirectory.LOCK_FILE)));
            assertThrows(RefusedException.class, () -> OutputDirectory.claim(dir, sweep, Identity.ANY, false, CLOCK));
            assertThrows(RefusedException.class, () -> OutputDirectory.lock(dir, sweep, CLOCK));
        }
        assertFalse(Files.exists(dir.resolve(OutputDirectory.LOCK_FILE)), "the last part out removes the lock");
        assertFalse(Files.exists(dir.resolve("shards/0-of-2/" + OutputDirectory.LOCK_FILE)));
        try (OutputDirectory whole = OutputDirectory.claim(dir, sweep, Identity.ANY, false, CLOCK)) {
            assertEquals(Decision.CONTINUE, whole.decision(), "known by its shards/ directory");
        }
    }

    @Test
    void identityComparesScenariosByTheirResolvedTextAndNumbersByValue() {
        Map<String, Object> wanted = Map.of("scenario", Map.of("path", "a.yaml", "resolved_sha256", "abc"),
                "seed", 7L, "overrides", List.of("x=1"));
        Map<String, Object> moved = Map.of("scenario", Map.of("path", "elsewhere/a.yaml", "resolved_sha256", "abc"),
                "seed", 7, "overrides", List.of("x=1"), "threads", 4);
        assertTrue(ManifestIdentity.matches(Json.tree(moved), wanted));
        Map<String, Object> edited = Map.of("scenario", Map.of("path", "a.yaml", "resolved_sha256", "abd"),
                "seed", 7L, "overrides", List.of("x=1"));
        assertFalse(ManifestIdentity.matches(Json.tree(edited), wanted));
        assertFalse(ManifestIdentity.matches(Json.tree(Map.of("seed", 7L)), wanted), "a field missing");
        assertFalse(ManifestIdentity.matches(null, wanted));
    }
}
