package yrdsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.ui.YrdModelWithUI;

/** {@code yrdsim gui}: the MASON Console with the map, charts and live policy levers. */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open the MASON Console with a map of the delta, charts and live policy levers.",
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim gui",
            "  yrdsim gui scenarios/two-regions.yaml --seed 7 --set enterprises.scale=0.5",
            "  xvfb-run -a yrdsim gui      (no display: a virtual one; see the README)"})
final class GuiCommand implements Callable<Integer> {

    /** The scenario opened when none is given, relative to the current directory. */
    static final Path DEFAULT_SCENARIO = Path.of("scenarios", "baseline.yaml");

    @Parameters(paramLabel = "SCENARIO.yaml", arity = "0..1",
            description = "Scenario file (default: scenarios/baseline.yaml in the current directory).")
    Path scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a scenario value (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the fast engine (default: ${DEFAULT-VALUE}).")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path file = scenario != null ? scenario : DEFAULT_SCENARIO;
        if (scenario == null && !Files.exists(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no scenario given and " + file
                    + " does not exist in " + Path.of("").toAbsolutePath() + "; run from the project directory "
                    + "or name a scenario: yrdsim gui SCENARIO.yaml");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        ScenarioFiles.refuseSweep(file);
        LoadedScenario loaded = ScenarioLoader.load(file, overrides);
        if (!YrdModelWithUI.displayAvailable()) {
            spec.commandLine().getErr().println("yrdsim: gui needs a display, and there is none (DISPLAY is "
                    + (System.getenv("DISPLAY") == null ? "not set" : "'" + System.getenv("DISPLAY") + "'")
                    + "). Use 'ssh -X', or a virtual display: xvfb-run -a ./yrdsim gui (see the README).");
            return Main.FAILED;
        }
        YrdModelWithUI gui = YrdModelWithUI.open(loaded, file, seed != null ? seed : loaded.scenario().seed(), threads);
        gui.awaitClose();
        return Main.OK;
    }
}
