package yrdsim.run;

import java.nio.file.Path;
import java.util.List;
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
 * @param out             output directory, or null for {@code results/NAME/seed-SEED}
 * @param force           replace a complete run directory
 * @param firmsEvery      firm snapshot every K steps (0: last step only)
 * @param checkpointEvery checkpoint every K steps (0: none)
 * @param tablesWanted    write the per-step tables, the resolved scenario and the calibration; without
 *                        them a run directory holds only manifest.json and summary.json (a sweep's runs)
 */
public record RunOptions(Path scenario, List<String> overrides, Long seed, Integer steps, int threads,
                         EnterpriseEngine.Kind engine, Path out, boolean force, int firmsEvery, int checkpointEvery,
                         boolean tablesWanted) {

    /** Lists are never null. */
    public RunOptions {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (firmsEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("--firms-every and --checkpoint-every must be >= 0");
        }
    }

    /** Defaults for a scenario: its own seed and steps, fast engine, one thread. */
    public static RunOptions of(Path scenario) {
        return new RunOptions(scenario, List.of(), null, null, 1, EnterpriseEngine.Kind.FAST, null, false, 0, 0, true);
    }

    /** A copy with another output directory. */
    public RunOptions withOut(Path dir) {
        return new RunOptions(scenario, overrides, seed, steps, threads, engine, dir, force, firmsEvery, checkpointEvery,
                tablesWanted);
    }

    /** A copy that reads another scenario file (the same scenario found elsewhere). */
    public RunOptions withScenario(Path file) {
        return new RunOptions(file, overrides, seed, steps, threads, engine, out, force, firmsEvery, checkpointEvery,
                tablesWanted);
    }

    /** A copy with another seed. */
    public RunOptions withSeed(long newSeed) {
        return new RunOptions(scenario, overrides, newSeed, steps, threads, engine, out, force, firmsEvery,
                checkpointEvery, tablesWanted);
    }
}
