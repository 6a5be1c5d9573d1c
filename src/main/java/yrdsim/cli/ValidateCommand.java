package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/** {@code yrdsim validate}: check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files: every problem on its own line as FILE:LINE:COL: key.path: message.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "key.path=value", description = "Check with these overrides applied.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        int code = Main.OK;
        for (Path file : files) {
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
}
