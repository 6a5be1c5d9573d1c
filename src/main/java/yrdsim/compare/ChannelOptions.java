package yrdsim.compare;

import java.util.Map;
import yrdsim.output.OutputDirectory;

/**
 * Whether and how a comparison attributes each policy's effect to the model's channels
 * ({@code compare --channels [--channel-samples N]}, MODEL-2 10).
 *
 * @param on      decompose by channel
 * @param samples sampled orders of the channels, or null for the exact decomposition over all
 *                2^7 subsets
 */
public record ChannelOptions(boolean on, Integer samples) {

    /** No decomposition: a plain comparison. */
    public static final ChannelOptions OFF = new ChannelOptions(false, null);

    /** The manifest field that records the decomposition's settings; absent without {@code --channels}. */
    public static final String FIELD = "channels";

    /**
     * Checks the combination, with messages that name the options.
     *
     * @throws IllegalArgumentException {@code --channel-samples} without {@code --channels}, or below 1
     */
    public ChannelOptions {
        if (samples != null && !on) {
            throw new IllegalArgumentException("--channel-samples needs --channels (it sets how the channel "
                    + "decomposition is estimated)");
        }
        if (samples != null && samples < 1) {
            throw new IllegalArgumentException("--channel-samples must be at least 1, was " + samples);
        }
    }

    /** Exact: every subset of channels is run. */
    public boolean exact() {
        return on && samples == null;
    }

    /** "exact" or "sampled", as channels.csv's {@code method} column says. */
    public String method() {
        return exact() ? "exact" : "sampled";
    }

    /**
     * What makes two comparison directories the same work, as {@link OutputDirectory.Identity#fields}
     * does with {@code fields}, with one rule more: a comparison without {@code --channels}
     * ({@code fields} has no {@value #FIELD} entry) is not the same work as one made with it, so
     * re-running a complete channel decomposition without {@code --channels}, or with other channel
     * settings, is refused without {@code --force} like any other change. A directory made before
     * the decomposition existed has no such field and stays the same work as a plain comparison.
     */
    public static OutputDirectory.Identity identity(Map<String, Object> fields) {
        OutputDirectory.Identity same = OutputDirectory.Identity.fields(fields);
        if (fields.containsKey(FIELD)) {
            return same;
        }
        return (dir, manifest) -> same.matches(dir, manifest) && (manifest == null || !manifest.hasNonNull(FIELD));
    }
}
