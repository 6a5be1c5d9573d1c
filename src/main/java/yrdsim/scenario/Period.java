package yrdsim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter such as {@code 2020Q1}. One model step is one quarter, so a period
 * plus a step count gives the period of any later step.
 */
public record Period(int year, int quarter) implements java.io.Serializable, Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    /** The first year the simulator supports. */
    public static final int MIN_YEAR = 1900;
    /** The last year the simulator supports: every period of a run, and of its timeline, lies in these years. */
    public static final int MAX_YEAR = 2200;
    /** The first supported quarter. */
    public static final Period FIRST = new Period(MIN_YEAR, 1);
    /** The last supported quarter. */
    public static final Period LAST = new Period(MAX_YEAR, 4);

    /** Validates the quarter and a supported year. */
    public Period {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be " + MIN_YEAR + ".." + MAX_YEAR + ", was " + year);
        }
    }

    /**
     * What is wrong with {@code text} as a period, or null when it is a supported period: the
     * validator's message, so a scenario never reaches {@link #parse} with a year it refuses.
     */
    public static String problem(String text) {
        if (!isPeriod(text)) {
            return "must be a period like 2020Q1, got '" + text + "'";
        }
        int year = Integer.parseInt(text.trim().substring(0, 4));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return "must lie between " + FIRST + " and " + LAST + " (the years the simulator supports), got " + text.trim();
        }
        return null;
    }

    /** The number of steps from this period to {@link #LAST}, both included: the most a run from here may take. */
    public int stepsToEnd() {
        return stepsUntil(LAST) + 1;
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
