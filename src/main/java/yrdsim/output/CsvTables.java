package yrdsim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;

/**
 * Tables as CSV files in a directory: UTF-8, comma-separated, a header row, {@code \n} line
 * ends. Each file is written as {@code NAME.csv.partial} and renamed to {@code NAME.csv} when
 * closed, so a file under its final name is always complete.
 */
public final class CsvTables implements TableSink {

    /** The CSV dialect of every output table. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Path directory;

    /** Tables written into {@code directory}. */
    public CsvTables(Path directory) {
        this.directory = directory;
    }

    @Override
    public RowSink open(String name, List<String> columns) throws IOException {
        Path target = directory.resolve(name + ".csv");
        Path tmp = AtomicFiles.partial(target);
        BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(columns);
        return new RowSink() {
            private final String[] cells = new String[columns.size()];

            @Override
            public void row(Object... values) throws IOException {
                if (values.length != cells.length) {
                    throw new IllegalArgumentException(name + ": " + values.length + " values for " + cells.length
                            + " columns");
                }
                for (int i = 0; i < values.length; i++) {
                    cells[i] = Numbers.cell(values[i]);
                }
                printer.printRecord((Object[]) cells);
            }

            @Override
            public void close() throws IOException {
                printer.close(true);
                AtomicFiles.commit(tmp, target);
            }
        };
    }
}
