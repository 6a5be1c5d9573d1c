package yrdsim.metrics;

import java.io.IOException;
import java.util.List;

/** Opens one {@link RowSink} per named table: CSV files in a run directory, or memory in tests. */
public interface TableSink {

    /** Opens table {@code name} with the given header. */
    RowSink open(String name, List<String> columns) throws IOException;
}
