package yrdsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import yrdsim.output.IoErrors;
import yrdsim.output.Verification;

/** {@code yrdsim verify}: check a run or sweep directory against its manifest. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim verify results/baseline/seed-20200101",
            "  yrdsim verify results/sweeps/barriers-grid"},
        description = {"Check a run or sweep directory against its manifest.",
            "%nThe manifest must say 'complete', and every file it lists must have the recorded size and SHA-256. "
                + "Exit 0 if the directory is intact, 1 with the first mismatch otherwise."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_SWEEP_DIR", description = "Directory to check.")
    Path dir;

    @Mixin
    DebugOption debug;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), dir + ": no such directory");
        }
        Verification v;
        try {
            v = Verification.of(dir);
        } catch (IOException e) {
            System.err.println("yrdsim: cannot read " + dir + ": " + IoErrors.describe(e));
            return Main.FAILED;
        }
        if (!v.intact()) {
            System.err.println("yrdsim: " + v.problem());
            return Main.FAILED;
        }
        for (String name : v.unlisted()) {
            System.err.println("yrdsim: note: " + dir.resolve(name) + " is not listed in the manifest");
        }
        System.out.println(dir + ": intact (" + v.checked() + " files match the manifest)");
        return Main.OK;
    }
}
