package yrdsim.scenario;

/**
 * Where a value came from: a file, line and column (1-based), or a pseudo-file such as
 * {@code --set} or the built-in defaults.
 */
public record Location(String file, int line, int column) implements java.io.Serializable {

    /** Location for values that came from the command line. */
    public static Location commandLine() {
        return new Location("--set", 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
