package yrdsim.calibrate;

import java.nio.file.Path;
import java.util.List;

/**
 * What to calibrate and where.
 *
 * @param scenario       the scenario whose parameters are estimated
 * @param targets        the target file
 * @param parameters     the parameter file
 * @param out            calibration directory, or null for {@code results/calibrate/SCENARIO-TARGETS}
 * @param replications   R, runs per point of the search (common seeds at every point)
 * @param maxEvaluations points of θ the optimiser may evaluate
 * @param jobs           runs at once
 * @param overrides      {@code key.path=value} overrides of every run, after the parameter file's {@code set}
 * @param force          replace a different complete calibration in {@code out}
 */
public record CalibrationOptions(Path scenario, Path targets, Path parameters, Path out, int replications,
                                 int maxEvaluations, int jobs, List<String> overrides, boolean force) {

    /** Checks counts; the list is never null. */
    public CalibrationOptions {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (replications < 1) {
            throw new IllegalArgumentException("--replications must be at least 1, was " + replications);
        }
        if (maxEvaluations < 2) {
            throw new IllegalArgumentException("--max-evaluations must be at least 2, was " + maxEvaluations);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
        }
    }
}
