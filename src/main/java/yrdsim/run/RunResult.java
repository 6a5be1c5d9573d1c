package yrdsim.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * A finished run.
 *
 * @param directory        the run directory
 * @param summary          the summary as written to summary.json
 * @param stepsWallSeconds wall time of the step loop alone
 * @param firmSteps        enterprises stepped, summed over steps
 * @param reused           true when an identical complete run was already there and nothing ran
 */
public record RunResult(Path directory, Map<String, Object> summary, double stepsWallSeconds, long firmSteps,
                        boolean reused) {
}
