package yrdsim.ui;

import java.util.List;
import sim.util.Properties;

/**
 * The Model tab's rows as MASON properties. MASON asks a {@link sim.util.Propertied} object for
 * its properties instead of reflecting on its getters, so the lever panel hands this over and
 * its rows come from the declaration table in the order it lists them.
 */
final class LeverProperties extends Properties {

    private static final long serialVersionUID = 1L;

    private final transient List<LeverRow> rows;

    LeverProperties(Object panel, List<LeverRow> rows) {
        this.object = panel;
        this.rows = List.copyOf(rows);
    }

    /** The index of the row with {@code key}. */
    int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no lever " + key);
    }

    @Override
    public boolean isVolatile() {
        return false;
    }

    @Override
    public int numProperties() {
        return rows.size();
    }

    @Override
    public Object getValue(int i) {
        return rows.get(i).getter().get();
    }

    @Override
    public Object getDomain(int i) {
        return rows.get(i).domain().get();
    }

    @Override
    public String getDescription(int i) {
        return rows.get(i).description();
    }

    @Override
    public boolean isReadWrite(int i) {
        return rows.get(i).setter() != null;
    }

    @Override
    public String getName(int i) {
        return rows.get(i).label();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getType(int i) {
        return rows.get(i).type();
    }

    @Override
    protected Object _setValue(int i, Object value) {
        LeverRow row = rows.get(i);
        if (row.setter() == null) {
            return null;
        }
        row.setter().accept(value);
        return row.getter().get();
    }
}
