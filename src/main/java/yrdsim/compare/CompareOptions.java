package yrdsim.compare;

import java.nio.file.Path;
import java.util.List;
import yrdsim.sweep.Shard;

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
 * @param draws        parameter draws from a calibration ({@code --parameter-draws N --estimates DIR}), or null
 *                     for seed noise alone
 * @param channels     the channel decomposition ({@code --channels}), or {@link ChannelOptions#OFF}; with
 *                     draws it decomposes the effects at the estimates (the point runs), not at each draw
 * @param shard        the share of the runs this process does ({@code yrdsim atlas --shard}), writing no
 *                     tables; {@link Shard#WHOLE} runs everything and writes the tables
 */
public record CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps,
                             int jobs, Path out, List<String> overrides, boolean force, Draws draws,
                             ChannelOptions channels, Shard shard) {

    /** A comparison of all its runs. */
    public CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps, int jobs,
                          Path out, List<String> overrides, boolean force, Draws draws, ChannelOptions channels) {
        this(baseline, policies, replications, seed, steps, jobs, out, overrides, force, draws, channels,
                Shard.WHOLE);
    }

    /**
     * Parameter uncertainty: every scenario also runs on every seed for each of {@code n}
     * parameter vectors drawn from the estimates of the calibration directory {@code estimates}.
     *
     * @param n         draws, at least 2 (one draw cannot show how the effect varies with the parameters)
     * @param estimates the calibration directory (its estimates.csv and covariance.csv)
     * @param seed      seed of the draws, or null for the comparison's first seed
     * @param centred   draw around the baseline scenario's own values of the estimated parameters, with the
     *                  calibration's covariance, instead of around the calibration's estimates: the runs are
     *                  then those of the scenarios as written ({@code yrdsim atlas}, which evaluates the shipped
     *                  scenarios)
     */
    public record Draws(int n, Path estimates, Long seed, boolean centred) {

        /** Draws around the calibration's estimates. */
        public Draws(int n, Path estimates, Long seed) {
            this(n, estimates, seed, false);
        }

        /** Checks the count. */
        public Draws {
            if (n < 2) {
                throw new IllegalArgumentException("--parameter-draws must be at least 2 (one draw cannot show how "
                        + "the effect varies with the parameters), was " + n);
            }
            if (estimates == null) {
                throw new IllegalArgumentException("--parameter-draws needs --estimates DIR, a calibration directory");
            }
        }
    }

    /** A comparison of seed noise alone, without parameter draws or the channel decomposition. */
    public CompareOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps, int jobs,
                          Path out, List<String> overrides, boolean force) {
        this(baseline, policies, replications, seed, steps, jobs, out, overrides, force, null, ChannelOptions.OFF);
    }

    /** Checks counts; lists are never null, nor are the channel options. */
    public CompareOptions {
        policies = List.copyOf(policies);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        channels = channels == null ? ChannelOptions.OFF : channels;
        shard = shard == null ? Shard.WHOLE : shard;
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
        if (draws != null && replications < 2) {
            throw new IllegalArgumentException("--parameter-draws needs --replications of at least 2, to tell "
                    + "parameter uncertainty from seed noise; was " + replications);
        }
    }
}
