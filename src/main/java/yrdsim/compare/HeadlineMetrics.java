package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The figures of {@code summary.json} a comparison reports, named by their dotted path in the
 * summary ({@code iotf_revenue_share.YRD}, {@code iotf_sectors.gene_technology.revenue_500bn_step}).
 * Patterns use {@code *} within a segment, so the list follows the scenario's provinces,
 * sectors and revenue thresholds without naming them.
 */
public final class HeadlineMetrics {

    /**
     * What is compared, in report order. Cross-province shares are the mean over the run, which
     * is steadier than the last quarter; output per worker is compared at the end.
     */
    public static final List<String> PATTERNS = List.of(
            "iotf_revenue_share.*",
            "iotf_sectors.*.revenue_annual_bn",
            "iotf_sectors.*.revenue_*_step",
            "clusters.emerged",
            "clusters.iotf_emerged",
            "clusters.active_at_end",
            "output_per_worker_cv.end",
            "cross_province_share.*.mean",
            "firms.end",
            "revenue_annual_bn.end",
            "subsidies_total_bn",
            "capital_barrier_cost_total_bn",
            "iotf_revenue_total_bn",
            "iotf_growth.*",
            "emissions.annual_mt.end",
            "emissions.total_mt",
            "emissions.emission_intensive_share.end",
            "budget.net_cost_total_bn",
            "budget.spending_bn.*",
            "budget.carbon_revenue_total_bn");

    /** Public cost over the run: the paired difference of it is a policy's cost (MODEL-2 7). */
    public static final String PUBLIC_COST = "budget.net_cost_total_bn";
    /** The benefit the cost buys: IotF revenue over the run. */
    public static final String BENEFIT = "iotf_revenue_total_bn";
    /** The derived row of comparison.csv: extra IotF revenue per yuan of public cost. */
    public static final String BENEFIT_COST = "benefit_cost_ratio";

    private HeadlineMetrics() {
    }

    /** The metric names {@link #PATTERNS} expand to in {@code summary}, in pattern then file order. */
    public static List<String> names(JsonNode summary) {
        List<String> names = new ArrayList<>();
        for (String pattern : PATTERNS) {
            expand(summary, pattern.split("\\."), 0, "", names);
        }
        return names;
    }

    private static void expand(JsonNode node, String[] segments, int i, String prefix, List<String> out) {
        if (i == segments.length) {
            if (node.isNumber() || node.isNull()) {
                out.add(prefix);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Pattern glob = glob(segments[i]);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (glob.matcher(field.getKey()).matches()) {
                expand(field.getValue(), segments, i + 1, prefix.isEmpty() ? field.getKey()
                        : prefix + "." + field.getKey(), out);
            }
        }
    }

    private static Pattern glob(String segment) {
        return Pattern.compile(Arrays.stream(segment.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining("[^.]*")));
    }

    /**
     * The value of metric {@code name} in {@code summary}, or null when the summary holds null
     * there (a threshold never reached) or has no such figure.
     */
    public static Double value(JsonNode summary, String name) {
        JsonNode node = summary;
        for (String segment : name.split("\\.")) {
            node = node.path(segment);
        }
        return node.isNumber() ? node.asDouble() : null;
    }
}
