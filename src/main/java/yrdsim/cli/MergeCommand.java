package yrdsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.sweep.Merge;

/** {@code yrdsim merge}: results.csv (and sensitivity.csv) of a sweep run in shards. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Assemble results.csv (and sensitivity.csv) of a sweep whose shards have all run into SWEEP_OUT_DIR; "
                + "the files equal those of the same sweep run unsharded, byte for byte.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SWEEP_OUT_DIR", description = "The --out directory the shards ran into.")
    Path dir;

    @Option(names = "--quiet", description = "Print only warnings, errors and the sweep directory.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        Main.quiet(quiet);
        Merge.merge(dir);
        System.out.println(dir);
        return Main.OK;
    }
}
