package yrdsim.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;

/**
 * A table sink that keeps in memory the rows of the tables some statistic reads and drops the
 * others, so a calibration's runs write nothing to disk. The rows are those the run would have
 * written to its CSV files (the values before they are formatted).
 */
final class TableCapture implements TableSink {

    /** The captured rows of one table. */
    record Table(List<String> columns, List<Object[]> rows) {
        /** The largest step among the rows, or -1. */
        int lastStep() {
            int step = columns.indexOf("step");
            int last = -1;
            for (Object[] r : rows) {
                last = Math.max(last, ((Number) r[step]).intValue());
            }
            return last;
        }
    }

    private final Set<String> wanted;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** Keeps the tables named in {@code wanted}. */
    TableCapture(Set<String> wanted) {
        this.wanted = Set.copyOf(wanted);
    }

    @Override
    public RowSink open(String name, List<String> columns) {
        if (!wanted.contains(name)) {
            return DROP;
        }
        Table table = new Table(List.copyOf(columns), new ArrayList<>());
        tables.put(name, table);
        return new RowSink() {
            @Override
            public void row(Object... values) {
                table.rows().add(values.clone());
            }

            @Override
            public void close() {
            }
        };
    }

    /** The captured tables by name. */
    Map<String, Table> tables() {
        return tables;
    }

    private static final RowSink DROP = new RowSink() {
        @Override
        public void row(Object... values) {
        }

        @Override
        public void close() {
        }
    };
}
