package yrdsim.scenario;

/**
 * One thing wrong with an input file. It prints as
 * {@code FILE:LINE:COL: key.path: what is wrong (what is allowed)}, one line per problem.
 */
public record Problem(Location location, String path, String message) implements java.io.Serializable {

    /** One line, whatever the message quotes: control characters (a newline in a value, in a parser's report) are escaped. */
    @Override
    public String toString() {
        String where = location == null ? "<unknown>" : location.toString();
        return oneLine(path == null || path.isEmpty()
                ? where + ": " + message
                : where + ": " + path + ": " + message);
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
