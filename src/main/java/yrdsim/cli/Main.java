package yrdsim.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import yrdsim.scenario.Suggestions;

/**
 * The {@code yrdsim} command. Exit codes: 0 success, 1 the run failed, 2 bad input.
 */
@Command(name = "yrdsim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Agent-based simulator of factor mobility and Industries of the Future in the Yangtze River Delta.",
        subcommands = {RunCommand.class, ResumeCommand.class, VerifyCommand.class, ValidateCommand.class,
                CompareCommand.class, SweepCommand.class, MergeCommand.class, CalibrateCommand.class,
                ReportCommand.class, AtlasCommand.class, GuiCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  yrdsim run scenarios/baseline.yaml",
            "  yrdsim compare scenarios/baseline.yaml scenarios/integration.yaml",
            "  yrdsim sweep scenarios/sweeps/barriers-grid.yaml",
            "  yrdsim calibrate scenarios/baseline.yaml scenarios/targets/yrd-2019.yaml \\",
            "      --parameters scenarios/targets/yrd-2019-parameters.yaml",
            "  yrdsim run --help                 (the options and examples of one command)"})
public final class Main {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the run failed. */
    public static final int FAILED = 1;
    /** Exit code: bad input (usage, scenario or sweep file, arguments). */
    public static final int BAD_INPUT = 2;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Failures());
        cli.setParameterExceptionHandler(new Failures());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Path.class, Main::path);
        exitCodesInHelp(cli);
        if (args.length > 0 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0])) {
            // Picocli would show the top-level help and exit 0 for 'yrdsim runn --help'.
            List<String> commands = new ArrayList<>(cli.getSubcommands().keySet());
            cli.getErr().println("yrdsim: '" + args[0] + "' is not a yrdsim command" + Suggestions.didYouMean(args[0],
                    commands) + " (commands: " + String.join(", ", commands) + ")");
            cli.getErr().println("Try 'yrdsim --help' for usage.");
            cli.getErr().flush();
            return BAD_INPUT;
        }
        return cli.execute(args);
    }

    /** A path argument; one the file system cannot name (a nul character) is bad input, said without a Java class name. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("not a valid path: " + e.getReason());
        }
    }

    /** Every command's --help ends with the exit codes, which are the same for all. */
    private static void exitCodesInHelp(CommandLine cli) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "success (verify: the directory is intact)");
        codes.put(" " + FAILED, "the run failed: a numeric guard, a disk or permission error (verify: a mismatch)");
        codes.put(" " + BAD_INPUT, "bad input: usage, a scenario or sweep file, arguments, or an output directory "
                + "that must not be replaced or that another yrdsim process is writing");
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
    }

    /** Sets the log level for this process: --quiet shows warnings and errors only. */
    static void quiet(boolean quiet) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("yrdsim"))
                .setLevel(quiet ? Level.WARN : Level.INFO);
    }
}
