package yrdsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The share of a sweep one process runs: the runs whose index is congruent to {@code index}
 * modulo {@code count}. Interleaving rather than blocks keeps shards equally long when run time
 * drifts along the design (grids change their slowest parameter last).
 *
 * @param index this shard, 0-based
 * @param count number of shards
 */
public record Shard(int index, int count) {

    /** The whole sweep. */
    public static final Shard WHOLE = new Shard(0, 1);

    /** The name of a shard's manifest directory, as {@link #label()} writes it. */
    private static final Pattern LABEL = Pattern.compile("(\\d+)-of-(\\d+)");

    /** Checks 0 <= index < count. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException with a one-line message naming what is wrong
     */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--shard must be I/N, such as 0/4, got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()),
                    Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with whole numbers, such as 0/4, got '" + text + "'");
        }
    }

    /** True for the whole sweep (one shard). */
    public boolean whole() {
        return count == 1;
    }

    /** The run indices of this shard among {@code runs}, ascending. */
    public int[] indices(int runs) {
        int n = runs <= index ? 0 : (runs - index + count - 1) / count;
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = index + k * count;
        }
        return out;
    }

    /**
     * The shard counts N that the shard directories in {@code shards} record ({@code I-of-N}),
     * ascending: a sweep directory run in shards holds one, unless a shard of another split was
     * let in.
     */
    public static Set<Integer> splits(Path shards) throws IOException {
        Set<Integer> counts = new TreeSet<>();
        if (Files.isDirectory(shards)) {
            try (Stream<Path> list = Files.list(shards)) {
                for (Path p : list.filter(Files::isDirectory).toList()) {
                    Matcher m = LABEL.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        counts.add(Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        return counts;
    }

    /** The name of this shard's manifest directory, such as {@code 2-of-8}. */
    public String label() {
        return index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
