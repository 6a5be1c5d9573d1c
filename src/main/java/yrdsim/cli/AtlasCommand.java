package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import yrdsim.atlas.Atlas;
import yrdsim.atlas.AtlasOptions;
import yrdsim.atlas.ShippedPolicies;
import yrdsim.sweep.Shard;
import yrdsim.sweep.SweepFile;

/** {@code yrdsim atlas}: every shipped measure against the baseline, with channels, costs and uncertainty. */
@Command(name = "atlas", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate every policy scenario against the baseline on common seeds, with parameter draws "
                + "around the scenarios' values from the calibration's covariance and the channel decomposition of "
                + "each effect, then run the Sobol sweep over the estimated parameters' uncertainty; write atlas.csv "
                + "(one row per policy and headline metric), channels.csv, sensitivity.csv, report.md and a "
                + "self-contained report.html.",
            "Rerunning the same command continues a killed atlas: complete runs are kept, and the outputs come out "
                + "byte for byte as from an uninterrupted one. 'yrdsim verify DIR' checks it."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim atlas                          (the full atlas of docs/FINDINGS.md; see the README for its time)",
            "  yrdsim atlas --set enterprises.scale=0.05 --steps 16 --replications 2 --parameter-draws 2 \\",
            "      --out results/atlas/trial         (a quick trial: a twentieth of the firms, four years)"})
final class AtlasCommand implements Callable<Integer> {

    @Option(names = "--baseline", paramLabel = "FILE", description = "Baseline scenario (default: ${DEFAULT-VALUE}).")
    Path baseline = Path.of("scenarios", "baseline.yaml");

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy scenario (repeatable; default: every "
            + "scenario beside the baseline with its regions).")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "R", description = "Common seeds per scenario (default: "
            + "${DEFAULT-VALUE}).")
    int replications = 8;

    @Option(names = "--seed", paramLabel = "N", description = "First seed; replication r uses N+r (default: the "
            + "baseline's seed).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Quarters to simulate (default: the scenarios').")
    Integer steps;

    @Option(names = "--parameter-draws", paramLabel = "N", description = "Parameter vectors drawn around the "
            + "scenarios' values with the calibration's covariance; 0 for seed noise alone (default: ${DEFAULT-VALUE}).")
    int draws = 8;

    @Option(names = "--estimates", paramLabel = "DIR", description = "Calibration directory the draws' covariance "
            + "comes from (default: ${DEFAULT-VALUE}).")
    Path estimates = Path.of("calibration", "yrd-2019");

    @Option(names = "--channel-samples", paramLabel = "N", description = "Sampled orders of the 7 channels for the "
            + "Shapley decomposition (default: ${DEFAULT-VALUE}).")
    int channelSamples = 2;

    @Option(names = "--sobol", paramLabel = "SWEEP.yaml", description = "Sobol sweep over the estimated parameters' "
            + "uncertainty (default: ${DEFAULT-VALUE}).")
    Path sobol = Path.of("scenarios", "sweeps", "sobol-estimates.yaml");

    @Option(names = "--no-sobol", description = "Skip the Sobol sweep (the report then cannot say which parameters "
            + "decide the answer).")
    boolean noSobol;

    @Mixin
    JobsOption jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Atlas directory (default: results/atlas/BASELINE).")
    Path out;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a value in every scenario of "
            + "the comparison, e.g. enterprises.scale=0.05 (repeatable; the Sobol sweep keeps its own).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace a different complete atlas in the output directory.")
    boolean force;

    @Option(names = "--shard", paramLabel = "I/N", description = "Do only the runs whose index is I modulo N (0 <= I "
            + "< N) and write no tables, as sweep shards do (a Slurm array task); once all N are done, the same "
            + "command without --shard writes the tables.")
    String shard;

    @Mixin
    Verbosity verbosity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        // One line per run would drown the progress display (as in sweep); failures are still logged as errors.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(yrdsim.run.Runner.class))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ScenarioFiles.refuseSweep(baseline);
        for (Path policy : policies) {
            ScenarioFiles.refuseSweep(policy);
        }
        if (!noSobol && java.nio.file.Files.isRegularFile(sobol) && !SweepFile.looksLikeSweep(sobol)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sobol " + sobol + ": not a sweep file (it "
                    + "has no design); give a sweep such as scenarios/sweeps/sobol-estimates.yaml, or --no-sobol");
        }
        if (draws > 0 && !java.nio.file.Files.isRegularFile(estimates.resolve("covariance.csv"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--estimates " + estimates + ": not a "
                    + "calibration directory (it needs the estimates.csv and covariance.csv that yrdsim calibrate "
                    + "writes); give one, such as calibration/yrd-2019, or --parameter-draws 0");
        }
        List<Path> evaluated = policies.isEmpty() ? ShippedPolicies.beside(baseline) : policies;
        AtlasOptions options;
        try {
            options = new AtlasOptions(baseline, evaluated, replications, seed, steps, draws,
                    draws == 0 ? null : estimates, channelSamples, noSobol ? null : sobol, jobs.jobs(spec), out,
                    overrides, force, shard == null ? Shard.WHOLE : Shard.parse(shard));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir;
        try (ProgressDisplay progress = ProgressDisplay.open("atlas", quiet)) {
            dir = Atlas.run(options, progress, java.time.Clock.systemUTC());
        }
        System.out.println(dir);
        return Main.OK;
    }
}
