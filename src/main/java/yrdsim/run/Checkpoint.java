package yrdsim.run;

import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import yrdsim.metrics.Recorder;
import yrdsim.model.YrdModel;
import yrdsim.output.AtomicFiles;

/**
 * A run's state between two steps, kept in its run directory as {@value #FILE}: the model (a
 * MASON {@code SimState} with its schedule, random generator, enterprises and timeline), the
 * recorder's memory (cluster streaks, threshold steps, summary sums), and the length in bytes
 * of each CSV table at that moment. Resuming from it therefore writes exactly the bytes an
 * uninterrupted run would have written.
 *
 * <p>The file is Java serialization, as MASON's own checkpoints are, in gzip; only the latest
 * checkpoint is kept, replaced atomically. Reading it goes through a {@link CheckpointFilter}:
 * only the classes a model is made of, in graphs no larger than a model, so a tampered file in
 * a shared run directory cannot make the reader build arbitrary objects or exhaust its memory.
 */
final class Checkpoint implements Serializable {

    private static final long serialVersionUID = 1L;
    /** File name of the checkpoint in a run directory. */
    static final String FILE = "checkpoint.ser.gz";
    /** Changes whenever the layout of this file changes. */
    private static final int FORMAT = 1;
    private final YrdModel model;
    private final Recorder recorder;
    private final LinkedHashMap<String, Long> tableBytes;

    private Checkpoint(YrdModel model, Recorder recorder, Map<String, Long> tableBytes) {
        this.model = model;
        this.recorder = recorder;
        this.tableBytes = new LinkedHashMap<>(tableBytes);
    }

    /** The model, awake: its engine's threads run again. */
    YrdModel model() {
        return model;
    }

    /** The recorder, without tables until {@link Recorder#reattach}. */
    Recorder recorder() {
        return recorder;
    }

    /** Each CSV table's length in bytes at the checkpoint, by table name. */
    Map<String, Long> tableBytes() {
        return tableBytes;
    }

    /**
     * Writes the checkpoint of {@code model} between two steps, replacing the previous one
     * only once the new one is complete on disk.
     *
     * @param tableBytes each table's length, taken after its rows up to this step were forced to disk
     */
    static void write(Path dir, YrdModel model, Recorder recorder, Map<String, Long> tableBytes) throws IOException {
        Checkpoint checkpoint = new Checkpoint(model, recorder, tableBytes);
        model.preCheckpoint();
        try {
            AtomicFiles.write(dir.resolve(FILE), out -> {
                // Speed over size: a checkpoint is rewritten every K steps and deleted at the end.
                GZIPOutputStream gzip = new GZIPOutputStream(new Unclosed(out), 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                };
                try (ObjectOutputStream objects = new ObjectOutputStream(gzip)) {
                    objects.writeInt(FORMAT);
                    objects.writeObject(checkpoint);
                }
            });
        } finally {
            model.postCheckpoint();
        }
    }

    /**
     * Reads the checkpoint in {@code dir} and wakes its model.
     *
     * @return the checkpoint, or null when the directory has none
     * @throws IOException when the file cannot be read or was not written by this yrdsim
     */
    static Checkpoint read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Checkpoint checkpoint;
        CheckpointFilter filter = new CheckpointFilter();
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(file)), 1 << 16))) {
            in.setObjectInputFilter(filter);
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + ": checkpoint format " + format + ", this yrdsim reads " + FORMAT);
            }
            checkpoint = (Checkpoint) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | InvalidClassException e) {
            String why = filter.refused() != null ? filter.refused() : e.getMessage();
            throw new IOException(file + ": not a checkpoint this yrdsim can read (" + why + ")", e);
        } catch (OutOfMemoryError e) {
            // A graph within the filter's limits that still does not fit this heap; nothing of it is kept.
            throw new IOException(file + ": too large for this JVM's heap (" + e.getMessage()
                    + "); give java more memory, such as YRDSIM_JAVA_OPTS=-Xmx8g", e);
        }
        checkpoint.model.awakeFromCheckpoint();
        return checkpoint;
    }

    /** Deletes the checkpoint of {@code dir} and any partly written one. */
    static void delete(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(FILE));
        Files.deleteIfExists(AtomicFiles.partial(dir.resolve(FILE)));
    }

    /** Passes writes through but leaves the stream open: closing belongs to the atomic writer. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
