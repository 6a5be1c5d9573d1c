package yrdsim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;

/**
 * Tables as CSV files in a directory: UTF-8, comma-separated, a header row, {@code \n} line
 * ends. Each file is written as {@code NAME.csv.partial} and renamed to {@code NAME.csv} when
 * closed, so a file under its final name is always complete.
 *
 * <p>For checkpoints, {@link #sync()} forces every open table to disk and returns its length;
 * {@link #resuming} opens the same tables again cut back to those lengths, so a resumed run
 * appends exactly the bytes an uninterrupted run would have written.
 */
public final class CsvTables implements TableSink {

    /** The CSV dialect of every output table. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Path directory;
    private final Map<String, Long> resumeAt;
    private final Map<String, Table> open = new LinkedHashMap<>();

    /** Tables written into {@code directory}. */
    public CsvTables(Path directory) {
        this(directory, Map.of());
    }

    private CsvTables(Path directory, Map<String, Long> resumeAt) {
        this.directory = directory;
        this.resumeAt = Map.copyOf(resumeAt);
    }

    /**
     * Tables that continue the files of an interrupted run: a table named in {@code lengths} is
     * cut back to that many bytes and appended to, without a new header; other tables start
     * afresh.
     */
    public static CsvTables resuming(Path directory, Map<String, Long> lengths) {
        return new CsvTables(directory, lengths);
    }

    @Override
    public RowSink open(String name, List<String> columns) throws IOException {
        Path target = directory.resolve(name + ".csv");
        Path tmp = AtomicFiles.partial(target);
        Long length = resumeAt.get(name);
        FileChannel channel;
        try {
            channel = length == null ? FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING) : reopen(target, tmp, length);
        } catch (IOException e) {
            throw AtomicFiles.named(target, e);
        }
        Table table = new Table(name, columns.size(), target, tmp, channel);
        if (length == null) {
            table.printer.printRecord(columns);
        }
        open.put(name, table);
        return table;
    }

    /** Opens the partial file of an interrupted run at {@code length} bytes. */
    private static FileChannel reopen(Path target, Path tmp, long length) throws IOException {
        if (!Files.exists(tmp) && Files.exists(target)) {
            // The run had finished this table after its last checkpoint.
            Files.move(target, tmp);
        }
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < length) {
            channel.close();
            throw new IOException("holds " + size + " bytes, fewer than the " + length
                    + " it held at the checkpoint");
        }
        channel.truncate(length);
        channel.position(length);
        return channel;
    }

    /** The file names of every table opened so far, in the order they were opened. */
    public List<String> files() {
        return open.values().stream().map(t -> t.target.getFileName().toString()).toList();
    }

    /**
     * Writes everything buffered in the open tables, forces it to disk, and returns each open
     * table's length in bytes by name.
     */
    public Map<String, Long> sync() throws IOException {
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (Table table : open.values()) {
            if (!table.closed) {
                lengths.put(table.name, table.sync());
            }
        }
        return lengths;
    }

    /**
     * Closes every table still open without renaming it, after a failure: the rows of the steps
     * that completed are written out so the researcher can see how the run got there, the
     * partial files keep their names (a resume truncates them to its checkpoint), and no file
     * handle is left behind.
     */
    public void abandon() {
        for (Table table : open.values()) {
            if (!table.closed) {
                table.closed = true;
                try {
                    table.printer.flush();
                } catch (IOException ignored) {
                    // A full or failing disk: what reached the file stays, the rest is lost with the run.
                }
                try {
                    table.channel.close();
                } catch (IOException ignored) {
                    // Nothing more can be lost: the file keeps its .partial name either way.
                }
            }
        }
    }

    /** One open table. */
    private static final class Table implements RowSink {
        private final String name;
        private final String[] cells;
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final CSVPrinter printer;
        private boolean closed;

        Table(String name, int columns, Path target, Path tmp, FileChannel channel) throws IOException {
            this.name = name;
            this.cells = new String[columns];
            this.target = target;
            this.tmp = tmp;
            this.channel = channel;
            this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                    StandardCharsets.UTF_8), 1 << 16), FORMAT);
        }

        @Override
        public void row(Object... values) throws IOException {
            if (values.length != cells.length) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for " + cells.length
                        + " columns");
            }
            Numbers.row(values, cells);
            try {
                printer.printRecord((Object[]) cells);
            } catch (IOException e) {
                throw AtomicFiles.named(target, e);
            }
        }

        long sync() throws IOException {
            try {
                printer.flush();
                channel.force(false);
                return channel.position();
            } catch (IOException e) {
                throw AtomicFiles.named(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                printer.close(true);
            } catch (IOException e) {
                throw AtomicFiles.named(target, e);
            }
            AtomicFiles.commit(tmp, target);
        }
    }
}
