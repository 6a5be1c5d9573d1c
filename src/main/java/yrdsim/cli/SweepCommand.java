package yrdsim.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yrdsim.run.Runner;
import yrdsim.sweep.Shard;
import yrdsim.sweep.SweepFile;
import yrdsim.sweep.SweepPlan;
import yrdsim.sweep.SweepRunner;

/** {@code yrdsim sweep}: every run of a sweep file into a sweep directory, resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep (grid, lhs, sobol or oat design x replications) into a sweep directory.",
                "Rerunning the same command resumes: complete runs are skipped; a changed sweep file is refused."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim sweep scenarios/sweeps/barriers-grid.yaml",
            "  yrdsim sweep scenarios/sweeps/barriers-grid.yaml --keep series",
            "      also stacks every run's per-step tables under timeseries/",
            "  yrdsim sweep scenarios/sweeps/sobol-policy.yaml --shard 3/16 --out DIR",
            "      one of 16 shards; every shard of DIR must give the same 16;",
            "      then: yrdsim merge DIR"})
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP.yaml", description = "Sweep file (see the README's Sweeps section).")
    Path sweep;

    @Mixin
    JobsOption jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep directory (default: results/sweeps/NAME, NAME the sweep file's name).")
    Path out;

    @Option(names = "--keep", paramLabel = "series", split = ",", description = "Also keep what the sweep file "
            + "does not ask for: 'series' keeps every run's per-step tables and stacks them under timeseries/ (as "
            + "keep_series: true does; see the README for the cost per run).")
    java.util.List<Keep> keep = new java.util.ArrayList<>();

    /** What {@code --keep} may keep. */
    enum Keep {
        series
    }

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the runs whose index is I modulo N (0 <= I < N), into a shared --out; then 'yrdsim merge DIR'.")
    String shard;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        // One line per run would drown the progress display; failures are still logged as errors.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Runner.class)).setLevel(Level.WARN);
        int runsAtOnce = jobs.jobs(spec);
        Shard part;
        try {
            part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SweepPlan plan = SweepPlan.prepare(SweepFile.read(sweep));
        if (keep.contains(Keep.series)) {
            plan = plan.keepingSeries();
        }
        Path dir = out != null ? out : Path.of("results", "sweeps", stem(sweep));
        try (ProgressDisplay progress = ProgressDisplay.withRate("sweep", "runs", quiet)) {
            SweepRunner runner = new SweepRunner(plan, dir, runsAtOnce, part, progress);
            // Ctrl-C: stop cleanly, keep finished runs, record the sweep as not complete.
            Thread hook = new Thread(runner::interrupt, "yrdsim-sweep-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                runner.run();
            } finally {
                removeHook(hook);
            }
        }
        System.out.println(dir);
        return Main.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; it handles the interrupt.
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
