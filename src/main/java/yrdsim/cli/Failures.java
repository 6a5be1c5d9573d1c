package yrdsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.Suggestions;

/**
 * Turns failures into exit codes and one line per problem on stderr. A stack trace is printed
 * only with {@code --debug}, or for a bug (an exception that is not bad input or a failed run).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.hasMatchedOption("--debug")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        int code;
        if (e instanceof ScenarioException s) {
            for (Problem p : s.problems()) {
                err.println(p);
            }
            code = Main.BAD_INPUT;
        } else if (e instanceof RefusedException || e instanceof CommandLine.ParameterException) {
            err.println("yrdsim: " + e.getMessage());
            code = Main.BAD_INPUT;
        } else if (e instanceof RunFailure) {
            err.println("yrdsim: run failed: " + e.getMessage());
            code = Main.FAILED;
        } else {
            err.println("yrdsim: internal error: " + e + " (please report it; --debug shows the stack trace)");
            code = Main.FAILED;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("yrdsim: " + e.getMessage() + didYouMean(e));
        cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return Main.BAD_INPUT;
    }

    /**
     * "Did you mean" for a mistyped option: the command's options closest to it, or picocli's
     * own suggestions (options sharing its first letters) when none is close.
     */
    private static String didYouMean(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = u.getUnmatched().get(0);
        if (!typed.startsWith("-")) {
            return "";
        }
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        List<String> options = new ArrayList<>();
        u.getCommandLine().getCommandSpec().options().stream().filter(o -> !o.hidden())
                .forEach(o -> options.addAll(List.of(o.names())));
        String ours = Suggestions.didYouMean(name, options);
        if (!ours.isEmpty()) {
            return ours;
        }
        List<String> theirs = u.getSuggestions();
        return theirs.isEmpty() ? "" : "; did you mean " + String.join(" or ", theirs) + "?";
    }
}
