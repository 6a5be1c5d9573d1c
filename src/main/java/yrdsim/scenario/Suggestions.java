package yrdsim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * "Did you mean" for names a user mistyped: scenario keys, region and sector names, files. A
 * known name is suggested when its edit distance (Levenshtein, ignoring case) from the typed
 * one is small for its length: at most 1 for names up to 4 characters, 2 up to 8, else a
 * quarter of the length, and always less than the length. Written here rather than taken from Commons Text, whose one class
 * used here would be a dependency of its own for twenty lines.
 */
public final class Suggestions {

    /** Most names suggested at once. */
    private static final int MAX = 3;

    private Suggestions() {
    }

    /** The known names close to {@code typed}, closest first (ties in the order given); at most three. */
    public static List<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = t.length() <= 4 ? 1 : t.length() <= 8 ? 2 : t.length() / 4;
        record Match(String name, int distance) {
        }
        List<Match> close = new ArrayList<>();
        for (String name : known) {
            int d = distance(t, name.toLowerCase(Locale.ROOT));
            // d < length: a name that shares nothing with the typed one (b and A) is no suggestion.
            if (d <= allowed && d < t.length() && !name.equals(typed)
                    && close.stream().noneMatch(m -> m.name().equals(name))) {
                close.add(new Match(name, d));
            }
        }
        close.sort(Comparator.comparingInt(Match::distance)); // stable: ties keep the order given
        return close.stream().limit(MAX).map(Match::name).toList();
    }

    /** {@code "; did you mean 'Anhui'?"} for the closest known names, or "" when none is close. */
    public static String didYouMean(String typed, Collection<String> known) {
        List<String> close = closest(typed, known);
        if (close.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", close.stream().map(c -> "'" + c + "'").toList()) + "?";
    }

    /**
     * The message for a name that is not one of {@code known}: {@code unknown region 'Anhu'; did
     * you mean 'Anhui'? (known: Shanghai, Jiangsu, Zhejiang, Anhui)}.
     *
     * @param kind what the name names, such as "region"
     */
    public static String unknown(String kind, String typed, Collection<String> known) {
        return "unknown " + kind + " '" + typed + "'" + didYouMean(typed, known) + " (known: "
                + String.join(", ", known) + ")";
    }

    /**
     * For a file that does not exist: {@code "; did you mean scenarios/baseline.yaml?"} naming
     * the files of its directory whose names are close to its name, or "" when there are none
     * (or the directory cannot be listed).
     */
    public static String similarFile(Path missing) {
        Path name = missing.getFileName();
        if (name == null) {
            return "";
        }
        Path parent = missing.getParent();
        Path dir = parent == null ? Path.of(".") : parent;
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<String> names;
        try (Stream<Path> list = Files.list(dir)) {
            names = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return "";
        }
        List<String> close = closest(name.toString(), names);
        if (close.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", close.stream()
                .map(c -> parent == null ? c : parent.resolve(c).toString()).toList()) + "?";
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions turning {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
