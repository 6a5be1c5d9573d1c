package yrdsim.run;

/** Told after every completed step. */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} steps are complete. */
    void step(int done, int total);
}
