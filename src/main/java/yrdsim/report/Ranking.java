package yrdsim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Measures ranked by effect per yuan: extra IotF revenue over the run (ΔB) per yuan of extra net
 * public cost (ΔC), both paired means. A ratio orders measures only among those that cost
 * something, so the ranking has three tiers:
 * <ol>
 *   <li>{@link Tier#GAIN_WITHOUT_COST}: ΔB > 0 at no net cost (ΔC ≤ 0, a carbon price pays for it),
 *       by ΔB, largest first;</li>
 *   <li>{@link Tier#PRICED}: ΔC > 0, by ΔB/ΔC, largest first (a measure that loses IotF revenue for
 *       money comes last in it);</li>
 *   <li>{@link Tier#NO_GAIN}: ΔB ≤ 0 at no net cost, by ΔB, largest first.</li>
 * </ol>
 */
public final class Ranking {

    /** A measure's place among the tiers. */
    public enum Tier {
        /** Gains IotF revenue and costs nothing net. */
        GAIN_WITHOUT_COST,
        /** Costs money: ranked by its benefit–cost ratio. */
        PRICED,
        /** Costs nothing net and gains nothing. */
        NO_GAIN
    }

    /**
     * One measure's benefit and cost.
     *
     * @param policy  the measure
     * @param benefit ΔB, extra IotF revenue over the run, bn yuan
     * @param cost    ΔC, extra net public cost over the run, bn yuan
     */
    public record Entry(String policy, double benefit, double cost) {

        /** The tier it belongs to. */
        public Tier tier() {
            if (cost > 0) {
                return Tier.PRICED;
            }
            return benefit > 0 ? Tier.GAIN_WITHOUT_COST : Tier.NO_GAIN;
        }

        /** ΔB/ΔC, or NaN where the measure costs nothing net. */
        public double perYuan() {
            return cost > 0 ? benefit / cost : Double.NaN;
        }

        private double key() {
            return tier() == Tier.PRICED ? perYuan() : benefit;
        }
    }

    private Ranking() {
    }

    /** The entries best first; ties keep their given order. */
    public static List<Entry> rank(List<Entry> entries) {
        List<Entry> ranked = new ArrayList<>(entries);
        ranked.sort(Comparator.comparing(Entry::tier).thenComparing(Comparator.comparingDouble(Entry::key).reversed()));
        return ranked;
    }
}
