package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one protocol by which a command takes an output directory ({@code run}, {@code resume},
 * {@code compare}, {@code sweep}, {@code merge}, and any later command that writes a directory
 * of results): {@link #claim} locks it and decides, from what it holds, what the command must
 * do. Every command therefore refuses, reuses and replaces directories by the same rules:
 *
 * <ul>
 *   <li>a missing or empty directory is used: {@link Decision#FRESH};</li>
 *   <li>files yrdsim did not write are never touched, with or without {@code --force};</li>
 *   <li>unfinished work (killed, failed, interrupted) is continued when it is the same work and
 *       the kind continues work ({@link Decision#CONTINUE}), and replaced otherwise;</li>
 *   <li>complete, identical work is left as it is: {@link Decision#DONE};</li>
 *   <li>different complete work is replaced only with {@code --force}.</li>
 * </ul>
 *
 * <p>The directory is locked ({@link DirectoryLock}) from the claim until {@link #close}, so a
 * second process writing the same directory is refused at once with exit code 2, and a
 * {@code running} manifest found by a claim is known to be abandoned: its writer is gone. A
 * directory the claim had to create is removed again on close if nothing was written into it,
 * so refused input leaves nothing behind.
 */
public final class OutputDirectory implements AutoCloseable {

    /** Name of the lock file in a claimed directory; it is not an output and no manifest lists it. */
    public static final String LOCK_FILE = ".yrdsim.lock";

    private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);

    /** What the caller must do with a claimed directory. */
    public enum Decision {
        /** Start afresh: call {@link #prepare()} to clear what the directory holds. */
        FRESH,
        /** Continue the unfinished work with the same identity that the directory holds. */
        CONTINUE,
        /** The directory holds this work, complete and identical: nothing to do. */
        DONE
    }

    /**
     * A kind of output directory.
     *
     * @param name      what it holds, as messages name it ("run", "comparison", "sweep")
     * @param markers   files besides {@code manifest.json} that show a directory is yrdsim's
     *                  (a sweep run in shards has only its {@code sweep.yaml} until merged)
     * @param continues whether unfinished work of the same identity is continued rather than
     *                  replaced (a comparison keeps its complete runs; a run starts again)
     */
    public record Kind(String name, List<String> markers, boolean continues) {
        /** Lists are never null. */
        public Kind {
            markers = List.copyOf(markers);
        }
    }

    /** A run directory: unfinished work is replaced (continuing it is {@code resume}'s job). */
    public static final Kind RUN = new Kind("run", List.of(), false);

    /** Whether what a directory holds is the work now asked for. */
    @FunctionalInterface
    public interface Identity {

        /** Anything the directory holds counts as the work asked for (resume, merge). */
        Identity ANY = (dir, manifest) -> true;

        /**
         * Whether {@code dir}, whose manifest is {@code manifest} (null when it has none), holds
         * the work asked for.
         *
         * @throws RefusedException when the directory must be neither continued nor replaced,
         *                          with the reason (a sweep whose sweep file changed)
         */
        boolean matches(Path dir, JsonNode manifest) throws IOException, RefusedException;

        /** The same work when the manifest records these fields alike (see {@link ManifestIdentity}). */
        static Identity fields(Map<String, Object> wanted) {
            return (dir, manifest) -> ManifestIdentity.matches(manifest, wanted);
        }
    }

    private final Path dir;
    private final Kind kind;
    private final Clock clock;
    private final DirectoryLock lock;
    private final Path createdFrom;
    private DirectoryLock partLock;
    private RunDirectory.State found;
    private Decision decision;
    private JsonNode existing;

    private OutputDirectory(Path dir, Kind kind, Clock clock, DirectoryLock lock, Path createdFrom) {
        this.dir = dir;
        this.kind = kind;
        this.clock = clock;
        this.lock = lock;
        this.createdFrom = createdFrom;
    }

    /**
     * Locks {@code dir} for this process, creating it if missing, and decides what to do with it.
     *
     * @param force replace different complete work (the command's {@code --force})
     * @throws RefusedException the directory is another process's, is foreign, or holds
     *                          different complete work and {@code force} is off
     * @throws IOException      the directory cannot be created or locked
     */
    public static OutputDirectory claim(Path dir, Kind kind, Identity identity, boolean force, Clock clock)
            throws IOException, RefusedException {
        return take(dir, null, kind, identity, force, clock);
    }

    /**
     * Claims {@code part}, a sub-directory of {@code dir} that one of several processes works on
     * while the others work on theirs (a shard of a sweep): {@code dir} is locked shared, so a
     * process that claims the whole of {@code dir} is refused while any part is held, and
     * {@code part} exclusively. The decision is made on {@code dir}, as for {@link #claim}
     * without force.
     */
    public static OutputDirectory claimPart(Path dir, Path part, Kind kind, Identity identity, Clock clock)
            throws IOException, RefusedException {
        return take(dir, part, kind, identity, false, clock);
    }

    private static OutputDirectory take(Path dir, Path part, Kind kind, Identity identity, boolean force, Clock clock)
            throws IOException, RefusedException {
        refuseForeign(dir, kind);
        Path created = create(dir);
        OutputDirectory out = null;
        try {
            out = new OutputDirectory(dir, kind, clock, DirectoryLock.acquire(dir, part != null, clock), created);
            out.decide(identity, force);
            if (part != null) {
                Files.createDirectories(part);
                out.partLock = DirectoryLock.acquire(part, false, clock);
            }
            return out;
        } catch (IOException | RefusedException | RuntimeException e) {
            if (out != null) {
                out.close();
            } else {
                removeIfEmpty(dir, created);
            }
            throw e;
        }
    }

    /**
     * Locks the existing directory {@code dir} to work on what it holds (a merge), without a
     * decision: {@link #decision()} is {@link Decision#CONTINUE}.
     */
    public static OutputDirectory lock(Path dir, Kind kind, Clock clock) throws IOException, RefusedException {
        OutputDirectory out = new OutputDirectory(dir, kind, clock, DirectoryLock.acquire(dir, false, clock), null);
        try {
            out.found = RunDirectory.state(dir, kind.markers());
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        out.existing = Manifest.read(dir);
        out.decision = Decision.CONTINUE;
        return out;
    }

    /** Refuses, without writing anything, a path that is a file or a directory of someone else's files. */
    private static void refuseForeign(Path dir, Kind kind) throws IOException, RefusedException {
        if (RunDirectory.state(dir, kind.markers()) == RunDirectory.State.FOREIGN) {
            throw foreign(dir);
        }
    }

    private static RefusedException foreign(Path dir) {
        return new RefusedException(dir + (Files.isDirectory(dir) ? " is not empty and was not written by yrdsim"
                : " is a file, not a directory") + "; choose another --out");
    }

    /** Creates {@code dir} if missing; returns the outermost directory created, or null. */
    private static Path create(Path dir) throws IOException {
        Path outermost = null;
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                p = p.getParent()) {
            outermost = p;
        }
        Files.createDirectories(dir);
        return outermost;
    }

    /** Decides, under the lock, what the caller must do. */
    private void decide(Identity identity, boolean force) throws IOException, RefusedException {
        found = RunDirectory.state(dir, kind.markers());
        existing = Manifest.read(dir);
        decision = switch (found) {
            case FREE -> Decision.FRESH;
            case FOREIGN -> throw foreign(dir);
            case INCOMPLETE -> kind.continues() && identity.matches(dir, existing) ? Decision.CONTINUE
                    : Decision.FRESH;
            case COMPLETE -> {
                if (force) {
                    yield Decision.FRESH;
                }
                if (identity.matches(dir, existing)) {
                    yield Decision.DONE;
                }
                throw new RefusedException(dir + " holds a different complete " + holds(existing)
                        + "; use --force to replace it, or --out to write elsewhere");
            }
        };
    }

    /** What a manifest says its directory holds, for messages. */
    private static String holds(JsonNode manifest) {
        if (manifest == null) {
            return "directory";
        }
        return manifest.hasNonNull("kind") ? manifest.get("kind").asText() : manifest.has("sweep") ? "sweep" : "run";
    }

    /** What the caller must do. */
    public Decision decision() {
        return decision;
    }

    /** The directory's manifest as found by the claim, or null when it had none. */
    public JsonNode existing() {
        return existing;
    }

    /** The claimed directory. */
    public Path directory() {
        return dir;
    }

    /** The clock that stamps this directory's manifests. */
    public Clock clock() {
        return clock;
    }

    /**
     * Makes the directory ready for fresh work: whatever it holds (unfinished work, or complete
     * work replaced with {@code --force}) is deleted. A caller that continues does not call it.
     */
    public void prepare() throws IOException {
        if (found == RunDirectory.State.FREE) {
            return;
        }
        if (found == RunDirectory.State.INCOMPLETE && decision == Decision.FRESH) {
            LOG.warn("{} holds an unfinished {}; replacing it", dir, holds(existing));
        }
        RunDirectory.clear(dir);
        found = RunDirectory.State.INCOMPLETE;
    }

    /** A new manifest for the directory, stamped by this claim's clock. */
    public Manifest manifest() {
        return new Manifest(dir, clock);
    }

    /** The directory's manifest, to be continued (see {@link Manifest#reopen}). */
    public Manifest reopenManifest() throws IOException {
        return Manifest.reopen(dir, clock);
    }

    /** Whether {@code file} is a lock file, which no listing of outputs includes. */
    public static boolean isLockFile(Path file) {
        return file.getFileName() != null && LOCK_FILE.equals(file.getFileName().toString());
    }

    /**
     * Releases the directory. A directory this claim created is removed again if nothing but
     * the lock was ever written into it.
     */
    @Override
    public void close() {
        if (partLock != null) {
            partLock.close();
        }
        lock.close();
        removeIfEmpty(dir, createdFrom);
    }

    /** Removes {@code dir} and its parents up to {@code outermost}, while they are empty. */
    private static void removeIfEmpty(Path dir, Path outermost) {
        if (outermost == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(outermost); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                LOG.debug("cannot remove {}: {}", p, IoErrors.describe(e));
                return;
            }
        }
    }
}
