package yrdsim.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * What to compare and where.
 *
 * @param baseline     the baseline scenario file
 * @param policies     policy scenario files, each compared with the baseline
 * @param replications seeds per scenario
 * @param seed         first seed, or null for the baseline's; replication r uses seed + r
 * @param steps        steps, or null for the scenarios' {@code time.steps}
 * @param threads      runs at a time (each run is single-threaded)
 * @param out          comparison directory, or null for {@code results/compare/BASELINE-vs-POLICY...}
 * @param overrides    {@code key.path=value} overrides applied to every scenario
 * @param force        replace a different complete comparison in {@code out}
 */
public record CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps,
                             int threads, Path out, List<String> overrides, boolean force) {

    /** Checks counts; lists are never null. */
    public CompareOptions {
        policies = List.copyOf(policies);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy scenario is needed");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("--replications must be at least 1, was " + replications);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, was " + steps);
        }
    }
}
