package yrdsim.calibrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code evaluations.csv} of a calibration directory: one line per finished replication, in the
 * order they finished, appended and forced to disk as each finishes, so a kill loses at most the
 * runs in flight. Columns: {@code seed}, one per parameter, {@code failure} (empty, or why the
 * run failed), one per target. Numbers are written as their shortest round-trip decimal, so the
 * values read back are exactly those written. A line cut by a kill (no line end) is ignored.
 */
final class EvaluationLog extends EvaluationStore implements AutoCloseable {

    /** File name in the calibration directory. */
    static final String FILE = "evaluations.csv";
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationLog.class);

    private final FileChannel channel;
    private final int parameters;
    private final int moments;

    private EvaluationLog(FileChannel channel, int parameters, int moments) {
        this.channel = channel;
        this.parameters = parameters;
        this.moments = moments;
    }

    /**
     * Opens the log of {@code dir}, reading the replications it holds when its header is
     * {@code header} (the same parameters and targets), and starting it afresh otherwise.
     */
    static EvaluationLog open(Path dir, List<String> parameterNames, List<String> targetIds) throws IOException {
        Path file = dir.resolve(FILE);
        List<String> columns = new ArrayList<>(List.of("seed"));
        columns.addAll(parameterNames);
        columns.add("failure");
        columns.addAll(targetIds);
        String header = String.join(",", columns) + "\n";
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith(header)) {
                int end = text.lastIndexOf('\n');
                // A line that a kill cut short has no line end: it is dropped, and its run redone.
                text = text.substring(header.length(), end + 1);
                text.lines().forEach(lines::add);
                Files.writeString(file, header + text, StandardCharsets.UTF_8);
            } else {
                Files.writeString(file, header, StandardCharsets.UTF_8);
            }
        } else {
            Files.writeString(file, header, StandardCharsets.UTF_8);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        EvaluationLog log = new EvaluationLog(channel, parameterNames.size(), targetIds.size());
        int read = 0;
        for (String line : lines) {
            if (log.load(line)) {
                read++;
            }
        }
        if (read > 0) {
            LOG.info("{} holds {} finished replications; they are reused", file, read);
        }
        return log;
    }

    private boolean load(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != 2 + parameters + moments) {
            return false;
        }
        try {
            long seed = Long.parseLong(cells[0]);
            double[] theta = new double[parameters];
            for (int j = 0; j < parameters; j++) {
                theta[j] = Double.parseDouble(cells[1 + j]);
            }
            String failure = cells[1 + parameters];
            Simulator.Replication r;
            if (!failure.isEmpty()) {
                r = Simulator.Replication.failed(failure.replace(';', ','));
            } else {
                double[] m = new double[moments];
                for (int i = 0; i < moments; i++) {
                    m[i] = Double.parseDouble(cells[2 + parameters + i]);
                }
                r = Simulator.Replication.of(m);
            }
            remember(theta, seed, r);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    synchronized void put(double[] theta, long seed, Simulator.Replication r) throws IOException {
        StringBuilder b = new StringBuilder().append(seed);
        for (double v : theta) {
            b.append(',').append(v);
        }
        b.append(',');
        if (r.isFailure()) {
            b.append((r.failure().isBlank() ? "failed" : r.failure()).replace(',', ';').replace('\n', ' ').replace('\r', ' '));
            for (int i = 0; i < moments; i++) {
                b.append(',');
            }
        } else {
            for (double m : r.moments()) {
                b.append(',').append(m);
            }
        }
        b.append('\n');
        ByteBuffer bytes = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        remember(theta, seed, r);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
