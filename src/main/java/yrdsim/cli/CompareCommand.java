package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.compare.ChannelOptions;
import yrdsim.compare.CompareOptions;
import yrdsim.compare.Comparison;

/** {@code yrdsim compare}: policy scenarios against a baseline on common seeds. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a baseline and policy scenarios on the same seeds and write comparison.csv (paired "
                + "differences of the headline metrics with 95%% intervals), charts and report.md.",
            "Every run's per-step tables are also stacked under timeseries/ (provinces.csv, sectors.csv, "
                + "flows.csv, clusters.csv), each row naming its run_id, scenario and seed."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim compare scenarios/baseline.yaml scenarios/integration.yaml \\",
            "      --replications 10",
            "  yrdsim compare scenarios/baseline.yaml scenarios/talent-program.yaml \\",
            "      --set enterprises.scale=0.05 --steps 24 --replications 3",
            "      (a quick trial: a twentieth of the firms, six years)",
            "  yrdsim compare scenarios/baseline.yaml scenarios/integration.yaml \\",
            "      --channels --channel-samples 10 --replications 3",
            "      (which channels carry the effect: channels.csv, by sampled Shapley values)"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE.yaml", description = "Baseline scenario.")
    Path baseline;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "POLICY.yaml", description = "Policy scenarios.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "R", description = "Seeds per scenario (default: ${DEFAULT-VALUE}).")
    int replications = 5;

    @Option(names = "--seed", paramLabel = "N", description = "First seed; replication r uses N+r (default: the baseline's seed).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Quarters to simulate (default: the scenarios' time.steps).")
    Integer steps;

    @Mixin
    JobsOption jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Comparison directory (default: results/compare/BASELINE-vs-POLICY...).")
    Path out;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a value in every scenario, e.g. enterprises.scale=0.05 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace a different complete comparison in the output directory.")
    boolean force;

    @Option(names = "--channels", description = "Attribute each policy's effect to the model's 7 channels by "
            + "Shapley values (channels.csv and a report section): the channels are switched off in both scenarios "
            + "on the same seeds, exactly over all 128 subsets unless --channel-samples is given.")
    boolean channels;

    @Option(names = "--channel-samples", paramLabel = "N", description = "With --channels: estimate the Shapley "
            + "values from N sampled orders of the channels (at most 6N+2 subsets) instead of all 128 subsets.")
    Integer channelSamples;

    @Mixin
    Verbosity verbosity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        ScenarioFiles.refuseSweep(baseline);
        for (Path policy : policies) {
            ScenarioFiles.refuseSweep(policy);
        }
        CompareOptions options;
        try {
            options = new CompareOptions(baseline, policies, replications, seed, steps, jobs.jobs(spec), out, overrides,
                    force, new ChannelOptions(channels, channelSamples));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir;
        try (ProgressDisplay progress = ProgressDisplay.open("compare", quiet)) {
            dir = Comparison.run(options, progress);
        }
        System.out.println(dir);
        return Main.OK;
    }
}
