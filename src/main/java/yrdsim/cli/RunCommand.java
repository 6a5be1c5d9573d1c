package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.model.EnterpriseEngine;
import yrdsim.run.RunOptions;
import yrdsim.run.RunResult;
import yrdsim.run.Runner;

/** {@code yrdsim run}: one scenario into a complete run directory. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a scenario and write a run directory (manifest, CSV tables, summary).",
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim run scenarios/baseline.yaml",
            "      writes results/baseline/seed-20200101/",
            "  yrdsim run scenarios/baseline.yaml --set barriers.labor.scale=0.5",
            "      writes results/baseline/seed-20200101-set-HASH/ (HASH names the",
            "      overrides, which its manifest lists)",
            "  yrdsim run scenarios/baseline.yaml --seed 7 --steps 16 --out results/short",
            "  yrdsim run scenarios/baseline.yaml --checkpoint-every 8",
            "      and after a crash: yrdsim resume results/baseline/seed-20200101",
            "Every table starts with run_id, scenario and seed; docs/DATA.md lists",
            "every file and column."})
final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO.yaml", description = "Scenario file.")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Quarters to simulate (default: the scenario's time.steps).")
    Integer steps;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads of the fast engine; results do not depend on it (default: ${DEFAULT-VALUE}). compare and sweep take --jobs, runs at once, instead.")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/NAME/seed-SEED).")
    Path out;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a scenario value, e.g. barriers.labor.scale=0.5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "fast|reference", description = "Enterprise engine (default: ${DEFAULT-VALUE}).")
    EngineName engine = EngineName.fast;

    @Option(names = "--firms-every", paramLabel = "K", description = "Also write a firm snapshot every K steps (default: last step only).")
    int firmsEvery;

    @Option(names = "--checkpoint-every", paramLabel = "K", description = "Write a checkpoint every K steps, for 'yrdsim resume'.")
    int checkpointEvery;

    @Option(names = "--force", description = "Replace a complete run in the output directory.")
    boolean force;

    @Mixin
    Verbosity verbosity;

    /** Engine names as typed on the command line. */
    enum EngineName {
        fast, reference;

        EnterpriseEngine.Kind kind() {
            return this == fast ? EnterpriseEngine.Kind.FAST : EnterpriseEngine.Kind.REFERENCE;
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (firmsEvery < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--firms-every must be a number of "
                    + "steps, 1 or more (or 0, the default: a firm snapshot at the last step only), got " + firmsEvery);
        }
        if (checkpointEvery < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--checkpoint-every must be a number "
                    + "of steps, 1 or more (or 0, the default: no checkpoints), got " + checkpointEvery);
        }
        if (steps != null && steps < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--steps must be at least 1, got "
                    + steps);
        }
        ScenarioFiles.refuseSweep(scenario);
        RunOptions options = new RunOptions(scenario, overrides, seed, steps, threads, engine.kind(), out, force,
                firmsEvery, checkpointEvery, true);
        RunResult result;
        try (ProgressDisplay progress = ProgressDisplay.open("run", quiet)) {
            result = Runner.run(options, progress);
        }
        System.out.println(result.directory());
        return Main.OK;
    }
}
