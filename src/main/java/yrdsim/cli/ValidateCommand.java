package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.model.ModelException;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.sweep.Metrics;
import yrdsim.sweep.SweepFile;
import yrdsim.sweep.SweepPlan;

/** {@code yrdsim validate}: check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files: every problem on its own line as FILE:LINE:COL: key.path: message.",
            "A sweep file is checked as 'yrdsim sweep' would check it: its keys, the scenario at every design point "
                + "and every metric."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim validate scenarios/*.yaml",
            "  yrdsim validate scenarios/baseline.yaml --set barriers.labor.scale=0.5",
            "  yrdsim validate scenarios/sweeps/barriers-grid.yaml"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario or sweep files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "key.path=value", description = "Check with these overrides applied.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        int code = Main.OK;
        for (Path file : files) {
            if (SweepFile.looksLikeSweep(file)) {
                code = Math.max(code, validateSweep(file));
                continue;
            }
            try {
                LoadedScenario loaded = ScenarioLoader.load(file, overrides);
                for (Problem warning : loaded.warnings()) {
                    System.err.println(warning + " (warning)");
                }
                System.out.println(file + ": ok (" + loaded.scenario().regions().size() + " regions, "
                        + loaded.scenario().sectors().size() + " sectors, " + loaded.scenario().time().steps()
                        + " steps" + (loaded.warnings().isEmpty() ? "" : ", " + loaded.warnings().size() + " warnings")
                        + ")");
            } catch (ScenarioException e) {
                e.problems().forEach(System.err::println);
                code = Main.BAD_INPUT;
            }
        }
        return code;
    }

    /**
     * Checks a sweep file as {@code yrdsim sweep} does before its first run: the file, the
     * scenario at every design point and every metric (the metrics are probed by one step of
     * the scenario).
     */
    private int validateSweep(Path file) {
        if (!overrides.isEmpty()) {
            System.err.println(file + ": a sweep file's overrides are its 'set'; --set applies to scenarios only "
                    + "(warning)");
        }
        try {
            SweepPlan plan = SweepPlan.prepare(SweepFile.read(file));
            plan.checkPoints(IntStream.range(0, plan.design().size()).toArray());
            List<Problem> problems = Metrics.check(plan.file(), Metrics.probe(plan.base(), plan.file().seed()));
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            System.out.println(file + ": ok (sweep file: " + plan.size() + " runs of " + plan.base().scenario().name()
                    + "; run it with 'yrdsim sweep " + file + "')");
            return Main.OK;
        } catch (ScenarioException e) {
            e.problems().forEach(System.err::println);
            return Main.BAD_INPUT;
        } catch (ModelException | java.io.IOException e) {
            System.err.println(file + ": the scenario failed in its first step while checking the metrics: "
                    + e.getMessage());
            return Main.FAILED;
        }
    }
}
