package yrdsim.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code yrdsim} command. Exit codes: 0 success, 1 the run failed, 2 bad input.
 */
@Command(name = "yrdsim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Agent-based simulator of factor mobility and Industries of the Future in the Yangtze River Delta.",
        subcommands = {RunCommand.class, ResumeCommand.class, VerifyCommand.class, ValidateCommand.class,
                CompareCommand.class, SweepCommand.class, MergeCommand.class, CalibrateCommand.class,
                ReportCommand.class, GuiCommand.class,
                CommandLine.HelpCommand.class})
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

    /** Sets the log level for this process: --quiet shows warnings and errors only. */
    static void quiet(boolean quiet) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("yrdsim"))
                .setLevel(quiet ? Level.WARN : Level.INFO);
    }
}
