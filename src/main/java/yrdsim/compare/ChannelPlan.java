package yrdsim.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.output.Manifest;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/**
 * Which subsets of channels a decomposition runs, and where. Channel i is the i-th of
 * {@link #CHANNELS}, the scenario keys under {@code channels:} (record
 * {@link yrdsim.scenario.Channels}); a subset is a bit mask of the channels left on. A channel
 * left on is as the scenario has it; one switched off is overridden with
 * {@code channels.KEY=false} in the baseline and the policy alike. With every channel on the runs
 * are the comparison's own, so that subset is never run again.
 *
 * <p>Exact: all 2^7 = 128 subsets. Sampled: N orders of the channels drawn from the
 * comparison's first seed (reproducible, and the same orders for every seed and policy, so each
 * seed's estimate uses the same subsets); each order switches channels on one by one from none,
 * so it needs 8 subsets, of which none and all are shared by every order: at most 6N + 2.
 *
 * <p>A subset's runs are in {@code channel-runs/SUBSET/SCENARIO/seed-SEED/}, SUBSET being one
 * digit per channel in the order of {@link #CHANNELS}, 1 on and 0 off ({@code 1011111}: every
 * channel but capital mobility). They keep only their manifest and summary, as a sweep's runs do.
 */
public final class ChannelPlan {

    /** The channels, as keys under {@code channels:} in a scenario, in decomposition order. */
    public static final List<String> CHANNELS = List.of("labor_mobility", "capital_mobility", "technology",
            "creation", "agglomeration", "adoption", "external_demand");

    /** Where the runs of the switched-off subsets go, inside the comparison directory. */
    public static final String DIRECTORY = "channel-runs";

    private final ChannelOptions options;
    private final long orderSeed;
    private final List<int[]> orders;
    private final List<Integer> subsets;

    private ChannelPlan(ChannelOptions options, long orderSeed) {
        this.options = options;
        this.orderSeed = orderSeed;
        int n = CHANNELS.size();
        this.orders = options.exact() ? List.of() : Shapley.orders(n, options.samples(), orderSeed);
        this.subsets = options.exact() ? Shapley.subsets(n) : Shapley.subsets(n, orders);
    }

    /**
     * The plan of {@code options}, or null when they ask for no decomposition.
     *
     * @param orderSeed draws the sampled orders: the comparison's first seed
     */
    public static ChannelPlan of(ChannelOptions options, long orderSeed) {
        return options == null || !options.on() ? null : new ChannelPlan(options, orderSeed);
    }

    /** The options planned. */
    public ChannelOptions options() {
        return options;
    }

    /** The sampled orders; empty for the exact decomposition. */
    public List<int[]> orders() {
        return orders;
    }

    /** Every subset the decomposition needs, ascending, every channel on included. */
    public List<Integer> subsets() {
        return subsets;
    }

    /** The subsets to run: all but every channel on, which is the comparison's own runs. */
    public List<Integer> subsetsToRun() {
        int all = Shapley.all(CHANNELS.size());
        return subsets.stream().filter(s -> s != all).toList();
    }

    /** Whether {@code subset} has every channel on. */
    public static boolean allOn(int subset) {
        return subset == Shapley.all(CHANNELS.size());
    }

    /** The subset's name in directories: a 0 or 1 for each channel, in order ({@code 1011111}). */
    public static String name(int subset) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CHANNELS.size(); i++) {
            b.append((subset & 1 << i) != 0 ? '1' : '0');
        }
        return b.toString();
    }

    /** The overrides that switch off the channels not in {@code subset}, in channel order. */
    public static List<String> overrides(int subset) {
        List<String> off = new ArrayList<>();
        for (int i = 0; i < CHANNELS.size(); i++) {
            if ((subset & 1 << i) == 0) {
                off.add("channels." + CHANNELS.get(i) + "=false");
            }
        }
        return off;
    }

    /** The directory of scenario {@code label}'s run with {@code seed} and {@code subset} on. */
    public static Path runDirectory(Path comparison, int subset, String label, long seed) {
        return comparison.resolve(DIRECTORY).resolve(name(subset)).resolve(label).resolve("seed-" + seed);
    }

    /**
     * The decomposition's settings as the manifest records them: its method, the number of
     * sampled orders and the seed they were drawn from (null when exact), and the channels.
     */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", options.method());
        d.put("samples", options.samples());
        d.put("order_seed", options.exact() ? null : orderSeed);
        d.put("channels", CHANNELS);
        return d;
    }

    /** The files a complete decomposition adds: channels.csv and each subset run's manifest and summary. */
    public List<String> expectedFiles(List<String> labels, List<Long> seeds) {
        List<String> files = new ArrayList<>(List.of(ChannelTable.FILE));
        for (int subset : subsetsToRun()) {
            for (String label : labels) {
                for (long seed : seeds) {
                    String run = DIRECTORY + "/" + name(subset) + "/" + label + "/seed-" + seed + "/";
                    files.add(run + Manifest.FILE);
                    Runner.expectedFiles(RunOptions.Tables.NONE).forEach(f -> files.add(run + f));
                }
            }
        }
        return files;
    }
}
