package yrdsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import yrdsim.run.RunResult;
import yrdsim.run.Runner;

/** {@code yrdsim resume}: finish an interrupted run from its latest checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim run scenarios/baseline.yaml --checkpoint-every 8   (killed at 30)",
            "  yrdsim resume results/baseline/seed-20200101     (goes on from step 24)"})
final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "Run directory of the interrupted run.")
    Path dir;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        RunResult result;
        try (ProgressDisplay progress = ProgressDisplay.open("resume", quiet)) {
            result = Runner.resume(dir, progress);
        }
        System.out.println(result.directory());
        return Main.OK;
    }
}
