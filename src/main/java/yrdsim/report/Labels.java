package yrdsim.report;

/**
 * Names from the files made readable in charts and report text: sectors in words ("future
 * networks", not {@code future_networks}), and summary metrics as phrases with their unit. Charts
 * show shares in per cent and say so on the axis; the files hold them as fractions (0.07 = 7%).
 */
final class Labels {

    /** The delta as a whole, as summary.json names it. */
    static final String WHOLE_DELTA_KEY = "YRD";

    private Labels() {
    }

    /** A snake_case name in words: {@code future_networks} → "future networks". */
    static String words(String name) {
        return name.replace('_', ' ');
    }

    /** A region key in words: the whole delta's key becomes "whole delta". */
    static String region(String key) {
        return key.equals(WHOLE_DELTA_KEY) || key.equals("ALL") ? "whole delta" : key;
    }

    /** True when {@code metric} (a summary path) is a share, held as a fraction in the files. */
    static boolean isShare(String metric) {
        return metric.contains("share") && !metric.endsWith("_step");
    }

    /** True when {@code metric} is the step a yardstick was first reached (empty when never). */
    static boolean isYardstick(String metric) {
        return metric.endsWith("_step");
    }

    /** The factor by which charts multiply {@code metric}'s values: 100 for a share, else 1. */
    static double chartScale(String metric) {
        return isShare(metric) ? 100 : 1;
    }

    /**
     * A summary metric as a phrase with its unit as charts show it, for titles and tables:
     * {@code iotf_sectors.future_networks.revenue_500bn_step} → "future networks: quarter
     * reaching 500 bn yuan a year (step)". Unknown paths are put in words.
     */
    static String metric(String metric) {
        String[] part = metric.split("\\.");
        if (part.length == 2 && part[0].equals("iotf_revenue_share")) {
            return "IotF share of revenue, " + region(part[1]) + " (%)";
        }
        if (part.length == 3 && part[0].equals("iotf_sectors")) {
            String sector = words(part[1]);
            return switch (part[2]) {
                case "revenue_annual_bn" -> sector + ": revenue (bn yuan a year)";
                case "revenue_500bn_step" -> sector + ": first step at 500 bn yuan a year";
                case "revenue_1tn_step" -> sector + ": first step at 1 tn yuan a year";
                case "hhi" -> sector + ": HHI across provinces";
                case "eg_gamma" -> sector + ": Ellison–Glaeser γ";
                case "spatial_gini" -> sector + ": spatial Gini";
                default -> sector + ": " + words(part[2]);
            };
        }
        if (part.length == 2 && part[0].equals("iotf_growth")) {
            return "IotF revenue growth from " + words(part[1]) + " (bn yuan a year)";
        }
        if (part.length == 3 && part[0].equals("budget") && part[1].equals("spending_bn")) {
            return "public spending on " + words(part[2]) + " over the run (bn yuan)";
        }
        if (part.length == 3 && part[0].equals("cross_province_share")) {
            return "share of " + words(part[1]) + " crossing a border, " + words(part[2]) + " (%)";
        }
        return switch (metric) {
            case "clusters.emerged" -> "clusters emerged (count)";
            case "clusters.iotf_emerged" -> "IotF clusters emerged (count)";
            case "clusters.active_at_end" -> "clusters active at the end (count)";
            case "output_per_worker_cv.end" -> "CV of output per worker across provinces, end";
            case "output_per_worker_cv.start" -> "CV of output per worker across provinces, start";
            case "firms.end" -> "enterprises at the end (count)";
            case "revenue_annual_bn.end" -> "revenue at the end (bn yuan a year)";
            case "subsidies_total_bn" -> "subsidies over the run (bn yuan)";
            case "capital_barrier_cost_total_bn" -> "cost of capital barriers over the run (bn yuan)";
            case "iotf_revenue_total_bn" -> "IotF revenue over the run (bn yuan)";
            case "emissions.annual_mt.end" -> "emissions at the end (Mt CO2 a year)";
            case "emissions.total_mt" -> "emissions over the run (Mt CO2)";
            case "emissions.emission_intensive_share.end" -> "emission-intensive share of revenue, end (%)";
            case "budget.net_cost_total_bn" -> "public cost over the run, net of carbon revenue (bn yuan)";
            case "budget.carbon_revenue_total_bn" -> "carbon revenue over the run (bn yuan)";
            case "benefit_cost_ratio" -> "benefit–cost: extra IotF revenue per yuan of extra public cost";
            default -> {
                String text = words(metric.replace('.', ' '));
                yield isShare(metric) ? text + " (%)" : text;
            }
        };
    }
}
