package yrdsim.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import yrdsim.metrics.PairedDifference;
import yrdsim.metrics.RowSink;
import yrdsim.output.CsvTables;

/**
 * {@code channels.csv}: for each policy and metric, the effect (policy − baseline, same seed)
 * split into a {@code direct} part, the effect with every channel switched off, and one Shapley
 * value per channel. Each seed's paired effects give one split; the rows hold the mean over the
 * seeds with its 95% Student-t interval, so on every seed, and therefore on the mean,
 * direct + Σ shapley = total_effect up to round-off. {@code share} is the row's mean over the
 * mean total effect, empty where that is 0.
 */
public final class ChannelTable {

    /** The file name of the table. */
    public static final String FILE = "channels.csv";

    /** Columns of channels.csv. */
    public static final List<String> COLUMNS = List.of("policy", "metric", "channel", "shapley", "ci95_low",
            "ci95_high", "share", "total_effect", "method", "samples");

    /** The row of the effect that no channel carries: the effect with every channel off. */
    public static final String DIRECT = "direct";

    /**
     * One channel's (or the direct) part of one policy's effect on one metric.
     *
     * @param policy  the policy's label
     * @param metric  the metric's dotted path in summary.json
     * @param channel a channel of {@link ChannelPlan#CHANNELS}, or {@link #DIRECT}
     * @param mean    mean over the seeds of the part
     * @param low     lower end of its 95% interval; NaN for one seed
     * @param high    upper end; NaN for one seed
     * @param share   mean over the mean total effect; NaN when the total is 0
     * @param total   mean over the seeds of the total effect, policy − baseline with every channel on
     * @param method  exact or sampled
     * @param samples sampled orders, or null when exact
     */
    public record Row(String policy, String metric, String channel, double mean, double low, double high,
                      double share, double total, String method, Integer samples) {
    }

    private ChannelTable() {
    }

    /**
     * The rows of one policy and metric: each channel in order, then direct.
     *
     * @param shapley shapley[seed][channel]: each seed's Shapley values
     * @param direct  direct[seed]: each seed's effect with every channel off
     * @param total   total[seed]: each seed's effect with every channel on
     */
    public static List<Row> rows(String policy, String metric, double[][] shapley, double[] direct, double[] total,
                                 ChannelOptions options) {
        int seeds = total.length;
        if (shapley.length != seeds || direct.length != seeds || seeds == 0) {
            throw new IllegalArgumentException("one split per seed is needed: " + shapley.length + " Shapley vectors, "
                    + direct.length + " direct effects, " + seeds + " totals");
        }
        // StatUtils.mean, as comparison.csv's mean difference is computed, so the two agree to the bit.
        double meanTotal = StatUtils.mean(total);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ChannelPlan.CHANNELS.size(); i++) {
            double[] part = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                part[s] = shapley[s][i];
            }
            rows.add(row(policy, metric, ChannelPlan.CHANNELS.get(i), part, meanTotal, options));
        }
        rows.add(row(policy, metric, DIRECT, direct, meanTotal, options));
        return rows;
    }

    private static Row row(String policy, String metric, String channel, double[] values, double meanTotal,
                           ChannelOptions options) {
        int n = values.length;
        double mean = StatUtils.mean(values);
        double low = Double.NaN;
        double high = Double.NaN;
        if (n > 1) {
            double sd = Math.sqrt(StatUtils.variance(values, mean));
            double half = PairedDifference.tQuantile(n - 1) * sd / Math.sqrt(n);
            low = mean - half;
            high = mean + half;
        }
        double share = meanTotal != 0 && Double.isFinite(meanTotal) ? mean / meanTotal : Double.NaN;
        return new Row(policy, metric, channel, mean, low, high, share, meanTotal, options.method(),
                options.samples());
    }

    /** Writes {@code channels.csv} into {@code dir}. */
    public static void write(Path dir, List<Row> rows) throws IOException {
        try (RowSink sink = new CsvTables(dir).open(FILE.substring(0, FILE.length() - ".csv".length()), COLUMNS)) {
            for (Row r : rows) {
                sink.row(r.policy(), r.metric(), r.channel(), cell(r.mean()), cell(r.low()), cell(r.high()),
                        cell(r.share()), cell(r.total()), r.method(), r.samples());
            }
        }
    }

    private static Object cell(double v) {
        return Double.isFinite(v) ? v : "";
    }
}
