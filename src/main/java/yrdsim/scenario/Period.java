package yrdsim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as {@code 2020Q1}. One model step is one quarter, so a period
 * plus a step count gives the period of any later step.
 */
public record Period(int year, int quarter) implements java.io.Serializable, Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    /** Validates the quarter and a plausible year. */
    public Period {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year must be 1900..2200, was " + year);
        }
    }

    /**
     * Parses {@code YYYYQn}.
     *
     * @throws IllegalArgumentException naming the bad text
     */
    public static Period parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period like 2020Q1: '" + text + "'");
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True when {@code text} is a well-formed period. */
    public static boolean isPeriod(String text) {
        return text != null && FORMAT.matcher(text.trim()).matches();
    }

    /** The period {@code steps} quarters later. */
    public Period plus(int steps) {
        int index = year * 4 + (quarter - 1) + steps;
        return new Period(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    /** Quarters from {@code this} to {@code later}; negative when {@code later} is earlier. */
    public int stepsUntil(Period later) {
        return (later.year * 4 + later.quarter) - (year * 4 + quarter);
    }

    @Override
    public int compareTo(Period o) {
        return Integer.compare(year * 4 + quarter, o.year * 4 + o.quarter);
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
