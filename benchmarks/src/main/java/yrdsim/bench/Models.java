package yrdsim.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.run.Engines;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * Builds the benchmarked models: the baseline scenario scaled to a number of enterprises, and
 * in-memory snapshots of a started model that are restored before every measured iteration.
 *
 * <p>Why a snapshot: a step changes the model (firms enter, exit, move; prices adjust), so an
 * iteration that simply kept stepping would measure a drifting economy, and different thread
 * counts or engines would be measured on different steps. Building the model again per
 * iteration is too slow (start() calibrates: over a minute at 10^7 enterprises). The model is a
 * MASON {@code SimState}, so it serialises like a MASON checkpoint; the bytes are kept in memory
 * (not gzipped, as MASON's own checkpoint file is, which would cost far more than stepping) and
 * read back before each iteration, so every iteration runs exactly the same steps from exactly
 * the same state (see JMH samples 03 States and 38 PerInvokeSetup: the restore is iteration
 * setup, outside the measured time, and amortised over several steps).
 */
public final class Models {

    /** The seed of every benchmarked model (the baseline's own). */
    public static final long SEED = 20200101L;
    /** Snapshot chunk size: large enough for bulk copies, small enough never to need a huge array. */
    private static final int CHUNK = 1 << 24;

    private Models() {
    }

    /** The baseline with {@code enterprises.scale} chosen to give about {@code enterprises} firms. */
    public static LoadedScenario baseline(String enterprises) {
        Path file = locate(Path.of("scenarios", "baseline.yaml"));
        try {
            LoadedScenario unscaled = ScenarioLoader.load(file, List.of());
            double firms = unscaled.scenario().sectors().stream().mapToDouble(s -> s.firms()).sum();
            double scale = Double.parseDouble(enterprises) / firms;
            return ScenarioLoader.load(file, List.of("enterprises.scale=" + scale));
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A started model of the scaled baseline. */
    public static YrdModel started(String enterprises, EnterpriseEngine.Kind engine, int threads) {
        YrdModel model = new YrdModel(baseline(enterprises), SEED, Engines.of(engine, threads));
        model.start();
        return model;
    }

    /** {@code relative}, looked up in the working directory and its parents (run from the repo or benchmarks/). */
    static Path locate(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found in " + Path.of("").toAbsolutePath()
                + " or its parents: run the benchmarks from the yrdsim repository");
    }

    /** The model serialised, as a MASON checkpoint holds it, into chunks of memory. */
    public static Snapshot snapshot(YrdModel model) {
        Chunks out = new Chunks();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(out.chunks, out.size());
    }

    /** Serialised model state. */
    public static final class Snapshot {
        private final List<byte[]> chunks;
        private final long bytes;

        Snapshot(List<byte[]> chunks, long bytes) {
            this.chunks = chunks;
            this.bytes = bytes;
        }

        /** Size of the serialised state. */
        public long bytes() {
            return bytes;
        }

        /** A new model in the snapshot's state, its engine threads started (as after a checkpoint). */
        public YrdModel restore() {
            List<InputStream> parts = new ArrayList<>();
            for (byte[] c : chunks) {
                parts.add(new ByteArrayInputStream(c));
            }
            try (ObjectInputStream in = new ObjectInputStream(new SequenceInputStream(Collections.enumeration(parts)))) {
                YrdModel model = (YrdModel) in.readObject();
                model.awakeFromCheckpoint();
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An output stream into fixed-size chunks: no doubling copies of a gigabyte array at 10^7 firms. */
    private static final class Chunks extends OutputStream {
        final List<byte[]> chunks = new ArrayList<>();
        private byte[] current;
        private int used = CHUNK;

        long size() {
            return (long) (chunks.size() - 1) * CHUNK + used;
        }

        @Override
        public void write(int b) {
            if (used == CHUNK) {
                next();
            }
            current[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == CHUNK) {
                    next();
                }
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() {
            if (current != null && used < CHUNK) {
                chunks.set(chunks.size() - 1, java.util.Arrays.copyOf(current, used));
                current = chunks.get(chunks.size() - 1);
                used = current.length;
            }
        }

        private void next() {
            current = new byte[CHUNK];
            chunks.add(current);
            used = 0;
        }
    }
}
