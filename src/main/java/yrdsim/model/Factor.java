package yrdsim.model;

/** What crosses region borders, as reported in {@code flows.csv}. */
public enum Factor {
    /** Workers migrating. */
    WORKERS,
    /** Talent migrating. */
    TALENT,
    /** Capital newly placed in another region's market this quarter. */
    CAPITAL,
    /** Technology licensed from, or absorbed through spillovers from, another region. */
    TECHNOLOGY,
    /** Enterprises relocating. */
    FIRMS;

    /** The name used in output files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
