package yrdsim.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files appear whole or not at all: they are written under a temporary name in the same
 * directory, forced to disk, and renamed into place. A write that fails removes its temporary
 * file and reports the target's path.
 *
 * <p>Every file is created the ordinary way, so its mode is 0666 less the process's umask
 * (0644 under the usual 022) and collaborators on a shared scratch directory can read it.
 * {@code Files.createTempFile} is never used: it makes files 0600 whatever the umask.
 */
public final class AtomicFiles {

    /** Suffix of files being written. */
    public static final String PARTIAL = ".partial";
    /** Tells apart the temporary names of one process's {@link #writeIfAbsent} calls. */
    private static final AtomicLong UNIQUE = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}; the stream is closed by the caller. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The temporary name {@code target} is written under. */
    public static Path partial(Path target) {
        return target.resolveSibling(target.getFileName() + PARTIAL);
    }

    /** Writes {@code text} to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes what {@code content} produces to {@code target} atomically: the old file, if any,
     * stays in place until the new one is complete on disk.
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, partial(target), content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Writes {@code bytes} to {@code target} atomically unless it exists. Several processes may
     * do so at once with the same bytes (the shards of a sweep writing its shared inputs): each
     * writes under a temporary name of its own, so none reads another's half-written file.
     */
    public static void writeIfAbsent(Path target, byte[] bytes) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + UNIQUE.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()) + PARTIAL);
        write(target, tmp, out -> out.write(bytes), StandardOpenOption.CREATE_NEW);
    }

    private static void write(Path target, Path tmp, Content content, StandardOpenOption... create)
            throws IOException {
        try {
            Set<StandardOpenOption> options = new HashSet<>(List.of(create));
            options.add(StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(tmp, options);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(tmp, target);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw named(target, e);
        }
    }

    /** Forces {@code tmp} to disk and renames it to {@code target}. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(tmp, target);
        } catch (IOException e) {
            throw named(target, e);
        }
    }

    /**
     * Forces a directory's entries (the renames into it) to disk, so a file written later
     * cannot survive a power failure that loses an earlier one.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; its renames are then as durable as the file system makes them.
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * The same failure as a {@link FileSystemException} that names {@code file}: a plain
     * {@code IOException} from a write ("No space left on device") does not say where.
     */
    public static FileSystemException named(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        named.initCause(e);
        return named;
    }

    /** SHA-256 of a file, as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of bytes, as lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
