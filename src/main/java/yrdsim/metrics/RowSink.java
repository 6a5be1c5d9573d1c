package yrdsim.metrics;

import java.io.Closeable;
import java.io.IOException;

/** Receives the rows of one table. Values are strings, numbers or booleans, in column order. */
public interface RowSink extends Closeable {

    /** Writes one row. */
    void row(Object... values) throws IOException;
}
