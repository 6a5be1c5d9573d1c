package yrdsim.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An output table: its name and its columns, which start with {@code step} and {@code period}
 * for every table (a row stamps its own step: a cluster event is dated at the first step of its
 * run, not the step it was detected at). In a file, the run's own columns ({@link RunStamp}:
 * {@code run_id}, {@code scenario}, {@code seed}, a sweep's parameters) come first, so the
 * tables of many runs stack.
 *
 * @param name    the table's name ({@code NAME.csv})
 * @param columns every column, in file order
 * @param <R>     the row type
 */
public record TableLayout<R extends TableLayout.Stamped>(String name, List<Column<R>> columns) {

    /** A row that knows its step and period. */
    public interface Stamped {
        /** 0-based step. */
        int step();

        /** The step's period, such as 2020Q1. */
        String period();
    }

    /** A table whose columns are {@code step}, {@code period}, then {@code rest}. */
    @SafeVarargs
    public static <R extends Stamped> TableLayout<R> of(String name, Column<R>... rest) {
        List<Column<R>> columns = new ArrayList<>();
        columns.add(Column.of("step", "quarter", "0-based step of the run", Stamped::step));
        columns.add(Column.of("period", "", "the step's quarter, such as 2020Q1", Stamped::period));
        columns.addAll(List.of(rest));
        return new TableLayout<>(name, List.copyOf(columns));
    }

    /** The header of the row's own columns, from {@code step} on. */
    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** The header of the file written for the run {@code stamp}: the stamp's columns, then {@link #header()}. */
    public List<String> header(RunStamp stamp) {
        List<String> header = new ArrayList<>(stamp.header());
        header.addAll(header());
        return header;
    }

    /**
     * Opens this table in {@code sink} for the rows of run {@code stamp}: each row written
     * through the returned sink (its own columns, as {@link #write} gives them) goes to the file
     * after the stamp's values.
     */
    public RowSink open(TableSink sink, RunStamp stamp) throws IOException {
        RowSink file = sink.open(name, header(stamp));
        Object[] prefix = stamp.values();
        return new RowSink() {
            @Override
            public void row(Object... values) throws IOException {
                Object[] row = new Object[prefix.length + values.length];
                System.arraycopy(prefix, 0, row, 0, prefix.length);
                System.arraycopy(values, 0, row, prefix.length, values.length);
                file.row(row);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    /** Writes {@code row} to {@code sink}, one value per column. */
    public void write(RowSink sink, R row) throws IOException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().apply(row);
        }
        sink.row(values);
    }
}
