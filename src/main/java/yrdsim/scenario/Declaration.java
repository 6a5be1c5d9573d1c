package yrdsim.scenario;

import java.util.List;

/**
 * What one lever or parameter is: where it lives in a scenario, what it is called, its unit,
 * the values it may take and what it does. The validator, the GUI's lever panel and the
 * documentation tests all read this, so a range or a label is written once.
 *
 * <p>A path is dotted; a segment {@code {region}} stands for any region's name and
 * {@code {sector}} for any sector's name (a key that names neither is a problem), {@code {kind}}
 * for {@code traditional} or {@code iotf}. A sector parameter lives at two paths, its default
 * for each kind and a sector's own value; the first path is the one documents name.
 *
 * @param paths       where the value is written; the first is the canonical one
 * @param type        what is written there
 * @param label       a short name for a slider or a table, in sentence case
 * @param unit        the unit, or what the number is a share or multiple of
 * @param valid       the values a scenario may give, or null for {@link Type#REGION_NAMES} and
 *                    {@link Type#SECTOR_NAMES}
 * @param validWhy    why the range ends where it does, when that is not evident (null otherwise);
 *                    it is added to the message that refuses a value outside
 * @param slider      the range of the GUI's slider, or null when it is {@code valid}
 * @param sliderWhy   why the slider is narrower than {@code valid}; required when {@code slider} is given
 * @param description what the value does, for tooltips and documents
 */
public record Declaration(List<String> paths, Type type, String label, String unit, Range valid, String validWhy,
                          Range slider, String sliderWhy, String description) {

    /** What a declared path holds. */
    public enum Type {
        /** A number in {@link Declaration#valid}. */
        NUMBER,
        /** A list of region names. */
        REGION_NAMES,
        /** A list of sector names. */
        SECTOR_NAMES
    }

    /** A number needs a range, a slider needs a reason, and every text is given. */
    public Declaration {
        paths = List.copyOf(paths);
        if (paths.isEmpty() || label == null || label.isBlank() || unit == null || description == null
                || description.isBlank()) {
            throw new IllegalArgumentException("a declaration needs a path, a label, a unit and a description: " + paths);
        }
        if ((type == Type.NUMBER) != (valid != null)) {
            throw new IllegalArgumentException(paths.get(0) + ": a number, and only a number, has a valid range");
        }
        if (slider != null && (sliderWhy == null || sliderWhy.isBlank())) {
            throw new IllegalArgumentException(paths.get(0) + ": a slider narrower than the valid range says why");
        }
    }

    /** The canonical path. */
    public String path() {
        return paths.get(0);
    }

    /** The range a slider offers: {@link #slider} when given, else {@link #valid}. */
    public Range sliderRange() {
        return slider != null ? slider : valid;
    }

    /** Whether this is a policy lever (under {@code barriers} or {@code policies}) rather than a parameter. */
    public boolean isLever() {
        return path().startsWith("barriers.") || path().startsWith("policies.");
    }

    /** This declaration with a reason for the ends of its valid range. */
    public Declaration because(String why) {
        return new Declaration(paths, type, label, unit, valid, why, slider, sliderWhy, description);
    }

    /** This declaration with a GUI slider narrower than its valid range, and why. */
    public Declaration slider(double min, double max, String why) {
        return new Declaration(paths, type, label, unit, valid, validWhy, Range.closed(min, max), why, description);
    }

    /**
     * The tooltip of a slider: path, unit, ranges and what it does. The slider's range is named
     * when it is narrower, so a user knows a wider value can be typed or set in a scenario.
     */
    public String tooltip() {
        StringBuilder t = new StringBuilder(path()).append(" (").append(unit.isEmpty() ? "a number" : unit);
        if (valid != null) {
            t.append("; valid ").append(valid);
            if (slider != null) {
                t.append(", slider ").append(slider).append(": ").append(sliderWhy);
            }
        }
        return t.append("): ").append(description).toString();
    }
}
