package yrdsim.metrics;

import java.util.List;

/**
 * The top-level keys of {@code summary.json}, declared with their type, unit and meaning, in the
 * order the summary writes them. {@code docs/DATA.md} is generated from this list, and a test
 * holds it to the keys of a real run's summary, so a key added to the summary must be declared
 * here too.
 */
public final class SummaryKeys {

    /**
     * One top-level key.
     *
     * @param name    the key
     * @param type    {@code number}, {@code integer}, {@code text}, or {@code object} with what it holds
     * @param unit    the unit of its numbers, or "" for names, counts and indices
     * @param meaning what it is, and for an object its keys
     */
    public record Key(String name, String type, String unit, String meaning) {
    }

    /** Every key, in file order. */
    public static final List<Key> ALL = List.of(
            new Key("scenario", "text", "", "the scenario's name"),
            new Key("seed", "integer", "", "the run's seed"),
            new Key("steps", "integer", "quarters", "steps run"),
            new Key("first_period", "text", "", "the first step's quarter, such as 2020Q1"),
            new Key("last_period", "text", "", "the last step's quarter"),
            new Key("iotf_revenue_share", "object of numbers", "fraction",
                    "IotF share of revenue at the last step: YRD (the whole delta), then each province"),
            new Key("revenue_annual_bn", "object of numbers", "bn yuan per year",
                    "manufacturing revenue of the delta: start (step 0) and end (last step), four times the quarter's"),
            new Key("iotf_sectors", "object of objects", "",
                    "per IotF sector: revenue_annual_bn (bn yuan per year, at the end); for each yardstick "
                            + "revenue_500bn_step and revenue_1tn_step (the first step its annual revenue reached 500 bn "
                            + "or 1 tn yuan, null if never) with revenue_500bn_period and revenue_1tn_period next to "
                            + "them; hhi, ellison_glaeser_gamma and spatial_gini of its revenue across provinces at the "
                            + "end; clusters_at_end (the provinces where it is a cluster)"),
            new Key("clusters", "object of integers", "",
                    "emerged (cluster events over the run), iotf_emerged (those in IotF sectors), active_at_end"),
            new Key("output_per_worker_cv", "object of numbers", "ratio",
                    "coefficient of variation of output per worker across provinces, start and end"),
            new Key("output_per_worker_theil", "object of numbers", "",
                    "Theil index of output per worker across provinces, start and end"),
            new Key("cross_province_share", "object of objects", "fraction",
                    "per factor (workers, talent, capital, technology, firms): end (the last quarter's flows across "
                            + "province borders as a share of the factor's stock or placements) and mean (over the run)"),
            new Key("firms", "object of integers", "", "enterprises at the start and the end"),
            new Key("firm_employment_hill_exponent", "number", "",
                    "Hill estimate of the tail exponent of firm employment at the end; null when too few firms"),
            new Key("subsidies_total_bn", "number", "bn yuan", "every subsidy paid over the run"),
            new Key("capital_barrier_cost_total_bn", "number", "bn yuan",
                    "capital rent lost to barriers over the run (deadweight)"),
            new Key("iotf_revenue_annual_bn", "object of numbers", "bn yuan per year",
                    "revenue of the IotF sectors together: start (step 0) and end (last step), four times the quarter's"),
            new Key("iotf_revenue_total_bn", "number", "bn yuan",
                    "IotF revenue summed over every quarter of the run (the numerator of compare's benefit-cost ratio)"),
            new Key("emissions", "object", "Mt CO2",
                    "annual_mt (start and end, Mt CO2 a year), total_mt (over the run), emission_intensive_share "
                            + "(start and end: the revenue share of the sectors whose intensity is above the "
                            + "revenue-weighted mean, a fraction), by_province_annual_mt and by_sector_annual_mt (at the end)"),
            new Key("budget", "object", "bn yuan",
                    "tax_rate (per province, start and end: the value-added tax that balanced the budget, a fraction), "
                            + "spending_total_bn and spending_bn by item over the run, carbon_revenue_total_bn, and "
                            + "net_cost_total_bn (spending less carbon revenue: the public cost)"),
            new Key("migration", "object", "",
                    "worker_rate_per_quarter and talent_rate_per_quarter (the share of workers and of talent who "
                            + "reconsider their province each quarter, the workers' speed assumed, the talent's a multiple of it); migrant_share per province "
                            + "(start and end: resident workers whose hukou is elsewhere, a fraction, as in the census); "
                            + "migrant_origins per province (at the end: the fraction of its migrants from each other "
                            + "province and from rest_of_china); talent_thousand (the delta's talent, start and end, "
                            + "thousand persons); rest_of_china_net_workers_thousand and rest_of_china_net_talent_thousand "
                            + "(net arrivals from the rest of China over the run, thousand persons)"),
            new Key("knowledge", "object of numbers", "licence units",
                    "created_total (knowledge the delta's cells created over the run, MODEL-2 4) and absorbed_total "
                            + "(knowledge firms absorbed from firms of other provinces over the run)"),
            new Key("iotf_growth", "object of numbers", "bn yuan per year",
                    "growth of IotF annual revenue from start to end: total; own_dynamics (the same scenario on the same "
                            + "seed with market growth, sectors' extra demand growth and the world frontier held at "
                            + "zero: adoption, knowledge and scale alone); exogenous (total less own_dynamics); "
                            + "absent from sweep runs, which skip the counterfactual"));

    private SummaryKeys() {
    }
}
