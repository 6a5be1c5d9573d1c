package yrdsim.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --jobs N}, the number of runs at once in {@code compare} and {@code sweep} (a picocli
 * mixin). {@code --threads} always means engine threads; before it did, these two commands
 * took it for runs at once, so there it is kept as a hidden alias of {@code --jobs} that still
 * works and says, in one line, to use {@code --jobs} instead.
 */
final class JobsOption {

    private static final Logger LOG = LoggerFactory.getLogger(JobsOption.class);

    @Option(names = "--jobs", paramLabel = "N", description = "Runs at once, each on one engine thread; results do "
            + "not depend on it (default: one per core, ${DEFAULT-VALUE} here).")
    int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--threads", paramLabel = "N", hidden = true,
            description = "Deprecated here: the old name of --jobs.")
    Integer threads;

    /**
     * The runs at once asked for, after warning about the deprecated alias.
     *
     * @throws CommandLine.ParameterException when it is below 1
     */
    int jobs(CommandSpec spec) {
        boolean jobsGiven = spec.commandLine().getParseResult().hasMatchedOption("--jobs");
        if (threads != null) {
            LOG.warn("--threads is deprecated in {}: use --jobs {} for runs at once (--threads means engine threads, "
                    + "as in 'yrdsim run'){}", spec.name(), threads, jobsGiven ? "; it is ignored, as --jobs is given"
                    : "");
        }
        boolean aliased = threads != null && !jobsGiven;
        int n = aliased ? threads : jobs;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), (aliased ? "--threads" : "--jobs")
                    + " must be at least 1");
        }
        return n;
    }
}
