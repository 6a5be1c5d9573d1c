package yrdsim.run;

import java.nio.file.Path;
import java.util.List;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;

/**
 * What to run and where.
 *
 * @param scenario        scenario file
 * @param overrides       {@code key.path=value} overrides, applied in order
 * @param seed            seed, or null for the scenario's
 * @param steps           steps, or null for the scenario's {@code time.steps}
 * @param threads         threads of the fast engine
 * @param engine          which engine
 * @param out             output directory, or null for {@code results/NAME/seed-SEED} (see {@link Runner#defaultDirectory})
 * @param force           replace a complete run directory
 * @param firmsEvery      firm snapshot every K steps (0: last step only)
 * @param checkpointEvery checkpoint every K steps (0: none)
 * @param tables          which files besides manifest.json and summary.json the run writes
 * @param stamp           the run's columns in every table, or null for the run id of {@link Runner#runId};
 *                        its seed must be the run's
 */
public record RunOptions(Path scenario, List<String> overrides, Long seed, Integer steps, int threads,
                         EnterpriseEngine.Kind engine, Path out, boolean force, int firmsEvery, int checkpointEvery,
                         Tables tables, RunStamp stamp) {

    /** Which files a run writes besides its manifest and summary. */
    public enum Tables {
        /** Every table, the resolved scenario and the calibration: a run directory. */
        ALL,
        /** The per-step tables only (every table but firms.csv): a sweep run whose series are kept. */
        SERIES,
        /** None: a sweep's run, of which only the summary is kept. */
        NONE
    }

    /** Lists are never null; counts are checked. */
    public RunOptions {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (firmsEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("--firms-every and --checkpoint-every must be >= 0");
        }
        if (tables == null) {
            throw new IllegalArgumentException("tables must be given");
        }
    }

    /**
     * Options that write every table ({@code tablesWanted}) or only the summary, with the
     * default run id.
     */
    public RunOptions(Path scenario, List<String> overrides, Long seed, Integer steps, int threads,
                      EnterpriseEngine.Kind engine, Path out, boolean force, int firmsEvery, int checkpointEvery,
                      boolean tablesWanted) {
        this(scenario, overrides, seed, steps, threads, engine, out, force, firmsEvery, checkpointEvery,
                tablesWanted ? Tables.ALL : Tables.NONE, null);
    }

    /** Defaults for a scenario: its own seed and steps, fast engine, one thread. */
    public static RunOptions of(Path scenario) {
        return new RunOptions(scenario, List.of(), null, null, 1, EnterpriseEngine.Kind.FAST, null, false, 0, 0, true);
    }

    /** True when the run writes a full run directory: every table, the resolved scenario and the calibration. */
    public boolean tablesWanted() {
        return tables == Tables.ALL;
    }

    /** A copy with another output directory. */
    public RunOptions withOut(Path dir) {
        return new RunOptions(scenario, overrides, seed, steps, threads, engine, dir, force, firmsEvery, checkpointEvery,
                tables, stamp);
    }

    /** A copy that reads another scenario file (the same scenario found elsewhere). */
    public RunOptions withScenario(Path file) {
        return new RunOptions(file, overrides, seed, steps, threads, engine, out, force, firmsEvery, checkpointEvery,
                tables, stamp);
    }

    /** A copy with another seed. */
    public RunOptions withSeed(long newSeed) {
        return new RunOptions(scenario, overrides, newSeed, steps, threads, engine, out, force, firmsEvery,
                checkpointEvery, tables, stamp);
    }

    /** A copy whose rows carry {@code runStamp} (a comparison's or a sweep's run). */
    public RunOptions withStamp(RunStamp runStamp) {
        return new RunOptions(scenario, overrides, seed, steps, threads, engine, out, force, firmsEvery,
                checkpointEvery, tables, runStamp);
    }

    /** A copy writing {@code which} tables. */
    public RunOptions withTables(Tables which) {
        return new RunOptions(scenario, overrides, seed, steps, threads, engine, out, force, firmsEvery,
                checkpointEvery, which, stamp);
    }
}
