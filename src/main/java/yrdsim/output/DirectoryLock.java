package yrdsim.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock of one output directory: an operating-system lock ({@link FileChannel#tryLock}, a
 * POSIX record lock on Linux, also over NFS) on the file {@link OutputDirectory#LOCK_FILE}
 * inside it. The operating system drops the lock when its process ends, however it ends, so a
 * killed run leaves no stale lock. A second process is refused at once, never made to wait.
 *
 * <p>The lock file holds the holder's pid and start time, for the message the refused process
 * prints. An exclusive holder deletes it when done, so a finished directory holds exactly its
 * outputs. Because of that deletion, a process that locks the file checks afterwards that the
 * name still leads to the file it locked (by the file system's file key), and starts over if
 * not: otherwise it could hold a lock on a deleted file while another process locks its
 * successor.
 *
 * <p>Within one JVM, a second channel on a locked file must never be opened: POSIX drops all of
 * a process's locks on a file when any of its descriptors for that file is closed. A map of the
 * locks this JVM holds refuses a second claim without touching the file.
 */
final class DirectoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLock.class);
    /** The locks this JVM holds: lock file's real path → holder line. */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();
    /** Tries before giving up when the lock file keeps being replaced under us. */
    private static final int ATTEMPTS = 20;

    private final Path file;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, Path key, FileChannel channel, FileLock lock) {
        this.file = file;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the existing directory {@code dir}: exclusively, or shared with other shared
     * holders (the shards of one sweep).
     *
     * @throws RefusedException another process, or another claim in this one, holds the lock
     * @throws IOException      the lock file cannot be created
     */
    static DirectoryLock acquire(Path dir, boolean shared, Clock clock) throws IOException, RefusedException {
        Path file = dir.resolve(OutputDirectory.LOCK_FILE);
        Path key = dir.toRealPath().resolve(OutputDirectory.LOCK_FILE);
        String holder = "pid " + ProcessHandle.current().pid() + ", started " + clock.instant();
        String mine = HELD.putIfAbsent(key, holder);
        if (mine != null) {
            throw new RefusedException(dir + " is in use by another yrdsim run in this process (" + mine + ")");
        }
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                DirectoryLock taken = tryOnce(dir, file, key, shared, holder);
                if (taken != null) {
                    return taken;
                }
            }
            throw new IOException(file + ": the lock file kept being replaced by other processes; try again");
        } catch (IOException | RefusedException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** One try: the lock, null when the file was replaced while locking it, or a refusal. */
    private static DirectoryLock tryOnce(Path dir, Path file, Path key, boolean shared, String holder)
            throws IOException, RefusedException {
        Object before = fileKey(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            Object opened = fileKey(file);
            if (before != null && !before.equals(opened)) {
                channel.close();
                return null;
            }
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            } catch (OverlappingFileLockException e) {
                // Only possible if code outside this class locked the file; treated as in use.
                lock = null;
            } catch (IOException e) {
                // A file system without locks (Lustre mounted without flock): go on unprotected.
                LOG.warn("cannot lock {} ({}); another yrdsim process writing it at the same time would not be "
                        + "stopped", dir, IoErrors.describe(e));
                channel.close();
                return new DirectoryLock(file, key, null, null);
            }
            if (lock == null) {
                channel.close();
                throw new RefusedException(dir + " is in use by another yrdsim process (" + holderOf(file) + ")");
            }
            if (!Objects.equals(opened, fileKey(file))) {
                // Deleted by its last holder, and perhaps made anew, while we were locking it.
                lock.release();
                channel.close();
                return null;
            }
            byte[] line = (holder + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line), 0);
            return new DirectoryLock(file, key, channel, lock);
        } catch (IOException | RefusedException | RuntimeException e) {
            if (channel.isOpen()) {
                channel.close();
            }
            throw e;
        }
    }

    /** The file system's identity of {@code file} (device and inode on Unix), or null when it is missing. */
    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The holder line of a lock file another process holds. A holder writes it just after
     * locking, so an empty file is read again for a moment before giving up.
     */
    private static String holderOf(Path file) {
        for (int i = 0; i < 20; i++) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!text.isEmpty()) {
                    return text.lines().findFirst().orElse(text);
                }
                Thread.sleep(10);
            } catch (IOException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "pid unknown";
    }

    /**
     * Releases the lock. The lock file is deleted first, while still held, if no other process
     * holds it (shards share one): a process that opened it meanwhile then finds the name gone
     * and starts over.
     */
    @Override
    public void close() {
        try {
            if (lock != null) {
                try {
                    if (lock.isShared()) {
                        lock.release();
                        FileLock alone = channel.tryLock(0, Long.MAX_VALUE, false);
                        if (alone != null) {
                            Files.deleteIfExists(file);
                            alone.release();
                        }
                    } else {
                        Files.deleteIfExists(file);
                        lock.release();
                    }
                } catch (IOException e) {
                    LOG.debug("releasing {}: {}", file, IoErrors.describe(e));
                } finally {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        LOG.debug("closing {}: {}", file, IoErrors.describe(e));
                    }
                }
            }
        } finally {
            HELD.remove(key);
        }
    }
}
