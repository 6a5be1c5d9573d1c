package yrdsim.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --debug}: the output options of every command that writes (a picocli mixin). */
final class Verbosity {

    @Option(names = "--quiet", description = "Print only warnings, errors and the path of what was written.")
    boolean quiet;

    @Mixin
    DebugOption debug;

    /** Sets this process's log level from {@code --quiet}; returns it, for the progress display. */
    boolean apply() {
        Main.quiet(quiet);
        return quiet;
    }
}
