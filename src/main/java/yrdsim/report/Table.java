package yrdsim.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import yrdsim.output.RefusedException;

/**
 * A CSV file read whole, with cells looked up by column name. Problems name the file, the line
 * and the column, as every bad-input message does.
 */
final class Table {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .build();

    private final Path file;
    private final List<String> columns;
    private final List<CSVRecord> rows;

    private Table(Path file, List<String> columns, List<CSVRecord> rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Reads {@code file} and checks that it has every column in {@code required}.
     *
     * @throws RefusedException a required column is missing or the file is not CSV
     */
    static Table read(Path file, String... required) throws IOException, RefusedException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(in)) {
            List<String> columns = parser.getHeaderNames();
            for (String column : required) {
                if (!columns.contains(column)) {
                    throw new RefusedException(file + ":1: no column '" + column + "' (columns: "
                            + String.join(", ", columns) + ")");
                }
            }
            return new Table(file, List.copyOf(columns), parser.getRecords());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new RefusedException(file + ": not a readable CSV table: " + e.getMessage());
        }
    }

    List<String> columns() {
        return columns;
    }

    List<CSVRecord> rows() {
        return rows;
    }

    /** A cell as text; empty for a missing cell. */
    String text(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : "";
    }

    /**
     * A cell as a number, or NaN when it is empty (a metric without a value).
     *
     * @throws RefusedException the cell holds something that is not a number
     */
    double number(CSVRecord row, String column) throws RefusedException {
        String cell = text(row, column).trim();
        if (cell.isEmpty() || cell.equals("null")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new RefusedException(where(row, column) + ": not a number: '" + cell + "'");
        }
    }

    /**
     * A cell as a whole number.
     *
     * @throws RefusedException the cell is not a whole number
     */
    int integer(CSVRecord row, String column) throws RefusedException {
        String cell = text(row, column).trim();
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new RefusedException(where(row, column) + ": not a whole number: '" + cell + "'");
        }
    }

    /** FILE:LINE: column 'name', for messages. */
    String where(CSVRecord row, String column) {
        return file + ":" + (row.getRecordNumber() + 1) + ": column '" + column + "'";
    }

    Path file() {
        return file;
    }
}
