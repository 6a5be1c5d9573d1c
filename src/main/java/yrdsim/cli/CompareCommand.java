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
                + "flows.csv, clusters.csv), each row naming its run_id, scenario and seed.",
            "With --parameter-draws N --estimates DIR the scenarios run at the estimates of the calibration in DIR, "
                + "and again for N parameter vectors drawn from their estimated distribution (summaries only); "
                + "ci95_low and ci95_high then cover seed noise and parameter uncertainty, and comparison.csv gains "
                + "the seed-only interval and both variances."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim compare scenarios/baseline.yaml scenarios/integration.yaml \\",
            "      --replications 10",
            "  yrdsim compare scenarios/baseline.yaml scenarios/talent-program.yaml \\",
            "      --set enterprises.scale=0.05 --steps 24 --replications 3",
            "      (a quick trial: a twentieth of the firms, six years)",
            "  yrdsim compare scenarios/baseline.yaml scenarios/integration.yaml \\",
            "      --parameter-draws 5 --estimates results/calibrate/baseline-yrd-2019",
            "      (2 scenarios x 5 seeds x 5 draws = 50 more runs: intervals with parameter uncertainty)",
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

    @Option(names = "--parameter-draws", paramLabel = "N", description = "Also run every scenario and seed at N "
            + "parameter vectors drawn from the estimates of --estimates DIR (at least 2), so the intervals cover "
            + "parameter uncertainty.")
    Integer parameterDraws;

    @Option(names = "--estimates", paramLabel = "DIR", description = "Calibration directory (yrdsim calibrate) "
            + "whose estimates.csv and covariance.csv the draws come from; the scenarios then run at its estimates.")
    Path estimates;

    @Option(names = "--draw-seed", paramLabel = "N", description = "Seed of the parameter draws (default: the "
            + "first seed).")
    Long drawSeed;
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
            if (parameterDraws == null && (estimates != null || drawSeed != null)) {
                throw new IllegalArgumentException((estimates != null ? "--estimates" : "--draw-seed")
                        + " is for parameter draws; give --parameter-draws N with it");
            }
            CompareOptions.Draws draws = parameterDraws == null ? null
                    : new CompareOptions.Draws(parameterDraws, estimates, drawSeed);
            options = new CompareOptions(baseline, policies, replications, seed, steps, jobs.jobs(spec), out, overrides,
                    force, draws, new ChannelOptions(channels, channelSamples));
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
