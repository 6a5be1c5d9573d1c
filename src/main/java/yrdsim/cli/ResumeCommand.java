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
        description = {"Finish an interrupted run from its latest checkpoint.",
            "%nContinues a run that was killed, failed or ran out of disk, with the settings its manifest records "
                + "(run it with --checkpoint-every K to have checkpoints). Its data files are byte-identical to an "
                + "uninterrupted run. A run without a checkpoint starts again from step 0; a complete run is left "
                + "as it is."})
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
