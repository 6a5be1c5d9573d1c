package yrdsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import yrdsim.sweep.Merge;

/** {@code yrdsim merge}: results.csv (and sensitivity.csv) of a sweep run in shards. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Assemble results.csv (and sensitivity.csv) of a sweep whose shards have all run into SWEEP_OUT_DIR; "
                + "the files equal those of the same sweep run unsharded, byte for byte.",
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim merge DIR",
            "      after every 'yrdsim sweep SWEEP.yaml --shard I/N --out DIR' is done"})
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP_OUT_DIR", description = "The --out directory the shards ran into.")
    Path dir;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        Merge.merge(dir);
        System.out.println(dir);
        return Main.OK;
    }
}
