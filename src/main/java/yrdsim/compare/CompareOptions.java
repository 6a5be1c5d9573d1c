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
 * @param jobs         runs at a time (each run steps on one engine thread)
 * @param out          comparison directory, or null for {@code results/compare/BASELINE-vs-POLICY...}
 * @param overrides    {@code key.path=value} overrides applied to every scenario
 * @param force        replace a different complete comparison in {@code out}
 * @param channels     the channel decomposition ({@code --channels}), or {@link ChannelOptions#OFF}
 */
public record CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps,
                             int jobs, Path out, List<String> overrides, boolean force, ChannelOptions channels) {

    /** A comparison without the channel decomposition. */
    public CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps, int jobs,
                          Path out, List<String> overrides, boolean force) {
        this(baseline, policies, replications, seed, steps, jobs, out, overrides, force, ChannelOptions.OFF);
    }

    /** Checks counts; lists are never null, nor are the channel options. */
    public CompareOptions {
        policies = List.copyOf(policies);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        channels = channels == null ? ChannelOptions.OFF : channels;
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy scenario is needed");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("--replications must be at least 1, was " + replications);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, was " + steps);
        }
    }
}
