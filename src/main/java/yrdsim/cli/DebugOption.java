package yrdsim.cli;

import picocli.CommandLine.Option;

/** {@code --debug} (a picocli mixin): {@link Failures} reads it from the parse result. */
final class DebugOption {

    @Option(names = "--debug", description = "Print stack traces of failures.")
    boolean debug;
}
