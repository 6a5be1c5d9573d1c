package yrdsim.metrics;

import java.util.function.Function;

/**
 * One column of an output table: its name, unit and meaning, and the function of a row that
 * gives its value. Declared once; the recorder writes tables from these declarations, and their
 * names, units and meanings are what a data dictionary reads.
 *
 * @param name        the header
 * @param unit        the unit, or "" for names and counts that need none
 * @param description what the value is
 * @param value       the value of a row: a string, a boolean, an integer or a double
 * @param <R>         the row type
 */
public record Column<R>(String name, String unit, String description, Function<R, Object> value) {

    /** A column. */
    public static <R> Column<R> of(String name, String unit, String description, Function<R, Object> value) {
        return new Column<>(name, unit, description, value);
    }
}
