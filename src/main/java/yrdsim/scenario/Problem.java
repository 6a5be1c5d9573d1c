package yrdsim.scenario;

/**
 * One thing wrong with an input file. It prints as
 * {@code FILE:LINE:COL: key.path: what is wrong (what is allowed)}, one line per problem.
 */
public record Problem(Location location, String path, String message) implements java.io.Serializable {

    @Override
    public String toString() {
        String where = location == null ? "<unknown>" : location.toString();
        return path == null || path.isEmpty()
                ? where + ": " + message
                : where + ": " + path + ": " + message;
    }
}
