package yrdsim.atlas;

import java.nio.file.Path;
import java.util.List;
import yrdsim.sweep.Shard;

/**
 * What {@code yrdsim atlas} evaluates and where.
 *
 * @param baseline       the baseline scenario
 * @param policies       every policy scenario to evaluate against it
 * @param replications   common seeds per scenario, at least 2 (an interval needs two)
 * @param seed           first seed, or null for the baseline's
 * @param steps          quarters, or null for the scenarios' own
 * @param draws          parameter draws, 0 for seed noise alone, else at least 2
 * @param estimates      calibration directory whose covariance the draws take (needed with draws)
 * @param channelSamples sampled orders of the channels for the Shapley decomposition, at least 1
 * @param sobol          the sweep file of the Sobol analysis over the parameters' uncertainty, or null to skip it
 * @param jobs           runs at a time
 * @param out            the atlas directory, or null for {@code results/atlas/BASELINE}
 * @param overrides      {@code key.path=value} overrides of every scenario of the comparison (not the sweep,
 *                       which carries its own)
 * @param force          replace a different complete atlas
 * @param shard          the share of the runs this process does (a Slurm array task), writing no tables; the
 *                       same command without a shard then writes them
 */
public record AtlasOptions(Path baseline, List<Path> policies, int replications, Long seed, Integer steps, int draws,
                           Path estimates, int channelSamples, Path sobol, int jobs, Path out, List<String> overrides,
                           boolean force, Shard shard) {

    /** Checks counts, with messages naming the options. */
    public AtlasOptions {
        policies = List.copyOf(policies);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        shard = shard == null ? Shard.WHOLE : shard;
        if (force && !shard.whole()) {
            throw new IllegalArgumentException("--force cannot be given to a shard: it would delete the other shards' "
                    + "runs");
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("no policy scenario to evaluate");
        }
        if (replications < 2) {
            throw new IllegalArgumentException("--replications must be at least 2 (an interval needs two seeds), was "
                    + replications);
        }
        if (draws == 1 || draws < 0) {
            throw new IllegalArgumentException("--parameter-draws must be 0 (seed noise alone) or at least 2, was "
                    + draws);
        }
        if (draws > 0 && estimates == null) {
            throw new IllegalArgumentException("--parameter-draws needs --estimates DIR, a calibration directory");
        }
        if (channelSamples < 1) {
            throw new IllegalArgumentException("--channel-samples must be at least 1, was " + channelSamples);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, was " + jobs);
        }
    }
}
