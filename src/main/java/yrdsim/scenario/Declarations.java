package yrdsim.scenario;

import static yrdsim.scenario.Range.above;
import static yrdsim.scenario.Range.closed;

import java.util.List;
import java.util.Optional;

/**
 * The one table of every policy lever and behavioural parameter: path, label, unit, valid range
 * (and a narrower GUI slider where the valid range makes no sense on a slider, with the reason),
 * and what it does. {@link ScenarioValidator} checks ranges and names from it, the GUI's lever
 * panel builds its sliders from it, and the documentation tests hold docs/MODEL.md's parameter
 * tables and the README's lever table to it.
 *
 * <p>The table is Java rather than a resource file: a typo in a range is a compile error, not
 * a failure at start-up, and a row is found by the IDE from every place that uses it.
 *
 * <p><b>Adding a parameter</b> is one row here (plus its default and source in
 * {@code defaults.yaml}, and the record component the model reads); {@code DeclarationsTest}
 * fails, naming the path, if a default has no row or a row no default, and the documentation
 * tests name the row docs/MODEL.md lacks. Default values stay in {@code defaults.yaml} because a
 * scenario is laid over that file as it is, and a run's {@code scenario.resolved.yaml} repeats it.
 *
 * <p>This file is a table, one row per declaration; its length grows with the model, not with logic.
 */
public final class Declarations {

    private static final String SCALE_SLIDER = "above 2 every barrier of the baseline is at its cap of 1";
    private static final String RATE_SLIDER = "rates above 20% of revenue are far outside any policy in the paper";

    /** Every declaration, levers first, in the order documents and the GUI list them. */
    public static final List<Declaration> ALL = List.of(
            // ---------------------------------------------------------------- barriers (levers)
            lever("barriers.labor.scale", "Barrier scale: workers and talent", "multiplier", closed(0, 100),
                    "multiplies the labour barrier matrix, which is also the talent barrier before talent programmes: "
                            + "0 is free movement, 1 the matrix as written; a barrier is capped at 1")
                    .slider(0, 2, SCALE_SLIDER),
            lever("barriers.capital.scale", "Barrier scale: capital", "multiplier", closed(0, 100),
                    "multiplies the capital barrier: the wedge on returns to capital placed in another province, "
                            + "which also weighs on firm relocation").slider(0, 2, SCALE_SLIDER),
            lever("barriers.technology.scale", "Barrier scale: technology", "multiplier", closed(0, 100),
                    "multiplies the technology barrier on licence placement and on spillovers between provinces")
                    .slider(0, 2, SCALE_SLIDER),
            lever("barriers.external.scale", "Barrier scale: hukou (rest of China)", "multiplier",
                    closed(0, 100), "multiplies the external barriers on workers and talent coming from the rest of "
                            + "China; 0 is free entry, 1 the barriers as written; a barrier is capped at 1")
                    .slider(0, 2, SCALE_SLIDER),
            lever("barriers.external.workers.{region}", "External barrier from the rest of China", "barrier",
                    closed(0, 1), "hukou and settlement barrier on migrants from the rest of China into the region "
                            + "(leaving for the rest of China is free); talent programmes cut it for talent"),
            number("rest_of_china.workers", "Rest of China: workers", "thousand persons", closed(0, 1e7),
                    "manufacturing workers of the rest of China who may move into the delta; 0 closes the delta"),
            number("rest_of_china.talent", "Rest of China: talent", "thousand persons", closed(0, 1e7),
                    "R&D personnel of the rest of China who may move into the delta"),
            number("rest_of_china.wage", "Rest of China: wage", "yuan a year", closed(0, 1e7),
                    "average manufacturing wage of the rest of China at step 0; it grows at market_growth"),
            // ---------------------------------------------------------------- policies (levers)
            lever("policies.common_market", "Common market (scale on all barriers)", "multiplier", closed(0, 100),
                    "one multiplier on every barrier matrix at once: 1 is the status quo, 0 one common market")
                    .slider(0, 2, SCALE_SLIDER),
            lever("policies.division_of_labor.{region}.{sector}", "Division of labour: output subsidy",
                    "share of revenue", closed(0, 0.2),
                    "output subsidy rate of one region and sector, paid to its firms")
                    .because("a subsidy above a fifth of revenue pays more than the subsidised firms add in value (about a fifth of "
                            + "their revenue), and the budget cannot balance: 1 failed in testing"),
            lever("policies.innovation_platforms.{region}", "Innovation platform (extra public R&D share)",
                    "share of the region's revenue", closed(0, 0.05),
                    "extra public R&D: grows public research, the licences offered and IotF entry")
                    .because("public R&D of a fifth of revenue needs a tax of nearly all value added: 0.2 failed in "
                            + "testing")
                    .slider(0, 0.02, "public R&D of 2% of manufacturing revenue is about four times today's"),
            lever("policies.development_zones.{region}", "Development zone (log TFP bonus)", "ln TFP",
                    closed(0, 1), "extra ln TFP of every firm in the region")
                    .slider(0, 0.2, "a bonus above 0.2 (22% more TFP) is beyond any zone upgrade"),
            lever("policies.green_development.carbon_price", "Carbon price", "yuan per t CO2", closed(0, 10000),
                    "times each sector's emission intensity, a cost per unit of output: it lowers the value a firm "
                            + "keeps per unit, so plans, prices, exit and entry all respond; the revenue goes to the budget")
                    .because("at the default intensity 10,000 yuan a tonne takes a fifth of a traditional firm's output, "
                            + "nearly all of its value added; dearer carbon only shuts more of the sector down")
                    .slider(0, 500, "500 yuan per tonne is several times the highest carbon price in force"),
            lever("policies.flagship_support.rate", "Flagship support rate", "share of revenue", closed(0, 0.05),
                    "output subsidy to the top top_percent% of firms by revenue in the listed sectors")
                    .because("flagship firms hold most of their sectors' revenue: at 0.1 the tax that paid for it "
                            + "reached 55% of value added and drove nearly every unsubsidised firm of Shanghai out in "
                            + "testing"),
            lever("policies.flagship_support.top_percent", "Flagship support: top per cent", "per cent of firms",
                    above(0, 100), "the share of firms, largest by revenue, that receive the flagship subsidy"),
            names("policies.flagship_support.sectors", Declaration.Type.SECTOR_NAMES, "Flagship support: sectors",
                    "the sectors whose largest firms are supported; all sectors if the list is empty"),
            lever("policies.little_giants.rate", "Little giants R&D subsidy rate", "share of revenue", closed(0, 1),
                    "R&D subsidy to firms below max_revenue in sectors whose R&D share is at least min_rd_share")
                    .slider(0, 0.2, RATE_SLIDER),
            lever("policies.little_giants.max_revenue", "Little giants: largest revenue", "bn yuan a year",
                    above(0, 1e6), "firms with revenue below this are little giants"),
            lever("policies.little_giants.min_rd_share", "Little giants: smallest R&D share", "share of revenue",
                    closed(0, 1), "sectors whose R&D share rho is at least this have little giants"),
            lever("policies.talent_program.{region}.wage_top_up", "Talent programme: wage top-up",
                    "share of the talent wage", closed(0, 1), "top-up on the region's talent wage as migrants see it")
                    .because("the province pays the top-up: ten times the wage needed a tax above all value added "
                            + "in testing")
                    .slider(0, 0.5, "a top-up of half the wage is beyond any programme in the delta"),
            lever("policies.talent_program.{region}.barrier_cut", "Talent programme: barrier cut",
                    "share of the barrier", closed(0, 1), "cut of the talent barrier into the region"),
            lever("policies.talent_program.{region}.supply_growth", "Talent programme: supply growth per quarter",
                    "per quarter", closed(0, 0.05), "growth of the region's own talent per quarter")
                    .because("0.25 a quarter multiplies talent 10^6-fold by 2035 and made prices unstable in testing")
                    .slider(0, 0.02, "2% a quarter doubles the region's talent in nine years"),
            names("policies.innovation_alliances.members", Declaration.Type.REGION_NAMES, "Innovation alliance: members",
                    "the regions of the alliance; the other alliance levers act among them"),
            lever("policies.innovation_alliances.barrier_cut", "Alliance: technology barrier cut", "share of the barrier",
                    closed(0, 1), "cut of the technology barrier between members"),
            lever("policies.innovation_alliances.spillover_boost", "Alliance: spillover boost", "multiplier",
                    closed(0, 10), "spillovers between members are absorbed (1 + boost) times as fast")
                    .slider(0, 2, "tripling the speed of spillovers is already far beyond any alliance measured"),
            lever("policies.innovation_alliances.rd_subsidy", "Alliance: IotF R&D subsidy rate", "share of revenue",
                    closed(0, 1), "R&D subsidy to members' IotF firms")
                    .slider(0, 0.1, "R&D subsidies above 10% of revenue exceed most firms' own R&D"),
            lever("policies.iotf_incubation.{region}", "IotF incubation (entry subsidy)", "multiplier",
                    closed(0, 10), "the region's IotF entry rate is multiplied by 1 + s; each entrant's grant is s "
                            + "times its plan, paid from the region's budget")
                    .because("at 100 the grants cost 169% of the region's value added in testing")
                    .slider(0, 3, "quadrupling the founding rate is far beyond any incubation programme"),
            // ---------------------------------------------------------------- enterprise population
            number("enterprises.scale", "Enterprise scale", "multiplier on firm counts", closed(1e-6, 1000),
                    "multiplies every sector's firm count at step 0; total revenue stays as written"),
            number("enterprises.size_exponent", "Size distribution: upper tail exponent", "Pareto exponent",
                    above(1, 10), "exponent of the Pareto upper tail of step-0 firm revenue")
                    .because("so that mean firm size is finite"),
            number("enterprises.size_sigma", "Size distribution: lognormal sigma", "ln revenue", closed(0, 5),
                    "standard deviation of the lognormal body of step-0 firm revenue"),
            number("enterprises.size_lower_exponent", "Size distribution: lower tail exponent", "exponent",
                    closed(0.1, 100), "exponent of the lower tail of step-0 firm revenue")
                    .because("below 0.1 the lower tail reaches sizes of exp(-745), firms with no revenue at all"),
            // ---------------------------------------------------------------- parameters: plans and markets
            param("plan_smoothing", "Plan smoothing", "share of the gap per quarter", closed(1e-6, 0.25),
                    "partial adjustment of planned spending towards the profit-maximising revenue")
                    .because("faster adjustment turns plans and prices into a runaway cobweb: 0.35 failed within "
                            + "five years in testing, and 0.3 after seven years once knowledge was created"),
            param("start_interest_rate", "Interest rate at step 0", "per quarter", closed(1e-6, 1),
                    "the gross rental rate of capital the step-0 equilibrium is built at"),
            param("capital_mobility", "Capital mobility", "share per quarter", closed(0, 0.5),
                    "share of placed capital its owners re-place each quarter")
                    .because("re-placing more capital a quarter swings interest rates 100-fold: 0.75 failed in testing"),
            param("capital_logit", "Capital placement logit", "elasticity", closed(0, 100),
                    "elasticity of capital placement to the net return of each destination"),
            param("capital_depreciation", "Capital depreciation", "share per quarter", closed(0, 0.99),
                    "share of the capital stock that wears out each quarter"),
            param("tech_offer_rate", "Licence offer rate", "share of public research per quarter", closed(0, 1),
                    "share of the public research stock offered as licences each quarter"),
            param("tech_logit", "Licence placement logit", "elasticity", closed(0, 100),
                    "elasticity of licence placement to the licence price of each destination"),
            param("tech_mobility", "Licence mobility", "share per quarter", closed(0, 1),
                    "share of the licence offer whose placement adjusts each quarter"),
            // ---------------------------------------------------------------- parameters: knowledge
            param("tech_decay", "Knowledge obsolescence", "share per quarter", closed(1e-6, 0.99),
                    "share of a firm's technology stock that becomes obsolete each quarter"),
            param("absorptive_capacity", "Absorptive capacity", "mean talent per firm", closed(1e-9, 1e9),
                    "talent at which a firm absorbs half of the spillovers it could, in units of its sector's "
                            + "mean talent per firm at step 0"),
            param("distance_decay_km", "Spillover distance decay", "km", closed(1e-3, 1e6),
                    "spillovers between regions fall by 1/e every this many kilometres"),
            param("public_research_depreciation", "Public research depreciation", "share per quarter",
                    closed(0, 0.99), "share of the public research stock that becomes obsolete each quarter"),
            param("innovation_kappa", "Innovation hazard", "per unit of relative R&D", closed(0, 100),
                    "an innovation succeeds with probability 1 - exp(-kappa R&D / the sector's mean R&D)"),
            param("innovation_mean", "Innovation size: mean", "ln revenue", closed(0, 0.2),
                    "mean gain of a successful innovation, on the revenue scale")
                    .because("an innovation that multiplies revenue by e makes entry explode: 1 failed in testing"),
            param("innovation_sd", "Innovation size: standard deviation", "ln revenue", closed(0, 0.2),
                    "dispersion of the gains of successful innovations")
                    .because("at 1 a few firms grow e-fold a quarter and entry exhausted memory in testing"),
            param("gibrat_sigma", "Gibrat shock", "ln revenue per quarter", closed(0, 1),
                    "standard deviation of the random TFP shock each quarter of a firm of its cell's mean size, on "
                            + "the revenue scale"),
            param("volatility_size_elasticity", "Volatility-size elasticity", "elasticity", closed(0, 0.5),
                    "the Gibrat shock's standard deviation falls with a firm's size relative to its cell's mean as "
                            + "(X / mean X)^-beta")
                    .because("at 1 a firm a hundredth of its cell's mean draws shocks a hundred times as large, and "
                            + "interest rates swung 2,000-fold at step 5 in testing; observed values are 0.15-0.2"),
            param("creation_rd_elasticity", "Knowledge creation: R&D elasticity", "elasticity", closed(0, 1),
                    "lambda_R in the knowledge a cell creates, zeta (R&D + public R&D)^lambda_R AH^lambda_H "
                            + "K^phi_K"),
            param("creation_talent_elasticity", "Knowledge creation: talent elasticity", "elasticity", closed(0, 1),
                    "lambda_H: the weight of the talent a cell can reach across technology barriers and distance"),
            param("creation_knowledge_elasticity", "Knowledge creation: knowledge elasticity", "elasticity",
                    closed(0, 0.95), "phi_K: the weight of the cell's own knowledge ('fishing out' below 1)")
                    .because("at 1 knowledge feeds on itself without bound (MODEL-2 11)"),
            param("creation_licence_ratio", "Knowledge created per licence at step 0", "ratio", closed(0, 100),
                    "the knowledge a cell creates at step 0 as a multiple of the licences it buys; calibrates zeta"),
            param("agglomeration_scale", "Agglomeration scale", "thousand persons", closed(1e-9, 1e9),
                    "employment E0 in the MAR term phi ln(1 + E/E0)"),
            // ---------------------------------------------------------------- parameters: people
            param("worker_mobility", "Worker mobility", "share per quarter", closed(0, 0.5),
                    "share of workers who reconsider their province each quarter")
                    .because("when all workers move at once wages swing 100-fold: 1 failed in testing"),
            param("talent_mobility_ratio", "Talent mobility relative to workers", "ratio", closed(0, 100),
                    "talent reconsider their province this many times as often as workers")
                    .because("the talent's speed is this ratio times the workers', itself at most 0.5 a quarter"),
            param("settling_rate", "Settling rate of migrants", "share per quarter", closed(0, 1),
                    "share of inter-provincial migrants who become residents of their province (hukou) each quarter; "
                            + "with the migration speed it sets the steady-state migrant stocks"),
            param("migration_wage_elasticity", "Migration wage elasticity", "elasticity", closed(0, 100),
                    "weight of the log wage in the utility migrants compare"),
            param("worker_growth", "Natural growth of workers", "per quarter", closed(-0.25, 0.25),
                    "growth of every province's workers each quarter, before migration"),
            param("talent_growth", "Natural growth of talent", "per quarter", closed(-0.25, 0.25),
                    "growth of every province's talent each quarter, before migration"),
            // ---------------------------------------------------------------- parameters: turnover and relocation
            param("exit_loss_quarters", "Exit after loss quarters", "quarters", closed(1, 1000),
                    "a firm exits after this many consecutive quarters of loss"),
            param("exit_hazard", "Exit hazard", "probability per quarter", closed(0, 0.5),
                    "probability that a firm exits in a quarter for reasons outside the model")
                    .because("at 1 every firm exits at once and the markets it leaves empty: it failed at the first "
                            + "step in testing"),
            param("entry_hurdle", "Entry hurdle", "profit rate per quarter", closed(-1, 1),
                    "traditional entrants come only where a cell's profit rate exceeds this"),
            param("entry_n0", "Potential entrants in an empty cell", "firms", closed(0, 1e6),
                    "potential entrants added to a cell's firm count, so an empty cell can be entered"),
            param("iotf_entry_talent_exponent", "IotF entry: talent exponent", "exponent", closed(0, 10),
                    "IotF entry grows with the region's relative talent to this power"),
            param("iotf_entry_fallback", "IotF entry fallback", "firms per quarter", closed(0, 1e6),
                    "IotF entrants per quarter into a cell of average talent and knowledge, used only when no "
                            + "IotF firm exists at step 0"),
            param("entrant_size", "Entrant size", "cell mean spending", closed(1e-6, 10),
                    "an entrant plans this multiple of its cell's mean spending"),
            param("relocation_rate", "Relocation rate", "probability per quarter", closed(0, 0.5),
                    "probability that a firm of its cell's mean size considers moving in a quarter")
                    .because("when every firm may move each quarter, capital follows in swings: 1 failed in testing"),
            param("relocation_cost", "Relocation cost", "ln revenue", closed(0, 100),
                    "the cost of moving to another province, in log points of revenue"),
            param("relocation_logit", "Relocation logit", "elasticity", closed(0, 100),
                    "elasticity of the choice of destination to expected log revenue there"),
            param("fixed_cost_loss_share", "Loss-making share at step 0", "share of firms", closed(0, 0.5),
                    "share of each sector's smallest firms that make a loss at step 0: sets the fixed cost"),
            // ---------------------------------------------------------------- parameters: measurement
            param("cluster_lq", "Cluster: location quotient", "location quotient", above(0, 1000),
                    "a cluster's location quotient is at least this"),
            param("cluster_min_firms", "Cluster: firms", "firms", closed(0, 1e9),
                    "a cluster has at least this many firms"),
            param("cluster_min_share", "Cluster: share of sector output", "share", closed(0, 1),
                    "a cluster holds at least this share of its sector's output in the delta"),
            param("cluster_persistence", "Cluster: persistence", "quarters", closed(1, 1000),
                    "a cluster emerges (or dissolves) after this many consecutive quarters passing (or failing) "
                            + "the test"),
            number("parameters.revenue_thresholds.*", "Revenue yardsticks", "bn yuan a year", above(0, 1e9),
                    "the sector revenues whose first crossing is reported as an event"),
            param("hill_tail_share", "Hill estimator tail", "share of firms", closed(1e-6, 1),
                    "the Hill tail exponent is estimated on this top share of firms by employment"),
            // ---------------------------------------------------------------- parameters: demand and the frontier
            param("market_growth", "Market growth", "per year", closed(-0.5, 1),
                    "growth of every sector's final and external demand at given prices")
                    .because("200% a year compounds to a 40-million-fold demand over 16 years and failed in testing"),
            param("export_elasticity", "Export elasticity", "elasticity", above(1, 10),
                    "elasticity of external demand to the delta's price relative to the rest of the world")
                    .because("external demand must be elastic for the delta's price to be determined; at 20 a price "
                            + "swung 100-fold in a quarter in testing"),
            param("catch_up_rate", "Catch-up rate", "share of the excess lag per quarter", closed(0, 1),
                    "speed at which a sector's productivity closes the part of its lag behind the world frontier "
                            + "that exceeds its step-0 lag"),
            param("adoption_elasticity", "Adoption elasticity", "elasticity", above(0, 100),
                    "elasticity of substitution between a replaced input and the IotF input that replaces it"),
            param("adoption_speed", "Adoption speed", "share of the gap per quarter", closed(0, 1),
                    "share of the gap to the desired IotF input share that user sectors close each quarter"),
            param("adoption_ceiling", "Adoption ceiling", "share of a replaced input", closed(0, 1),
                    "the largest share of a replaced input that can move to IotF inputs"),
            // ---------------------------------------------------------------- sector parameters
            sector("alpha", "Capital elasticity", above(0, 1), "output elasticity of capital"),
            sector("beta", "Worker elasticity", above(0, 1), "output elasticity of workers"),
            sector("eta", "Talent elasticity", above(0, 1), "output elasticity of talent"),
            sector("tau", "Licence share", "share of spending", closed(0, 1), "share of spending on technology licences"),
            sector("gamma", "TFP elasticity to technology", closed(0, 0.3),
                    "elasticity of TFP to a firm's technology stock")
                    .because("at 1 knowledge feeds on itself until interest rates swing 100-fold, and at 0.5 entry "
                            + "exploded: both failed in testing"),
            sector("rho", "R&D share", "share of value added", closed(0, 1), "share of value added spent on R&D"),
            sector("epsilon", "Demand elasticity", above(1, 100), "price elasticity of the sector's demand")
                    .because("demand must be elastic for a monopolistically competitive firm to have an optimum"),
            sector("demand_growth", "Extra demand growth", "per year", closed(-0.5, 1),
                    "growth of the sector's final demand on top of market_growth, at a given price")
                    .because("200% a year compounds to a 40-million-fold demand over 16 years and failed in testing"),
            sector("phi_mar", "MAR agglomeration elasticity", closed(0, 0.5),
                    "elasticity of TFP to own-sector employment in the region"),
            sector("phi_jacobs", "Jacobs agglomeration elasticity", closed(0, 1),
                    "TFP gain from the diversity of the region's sectors"),
            sector("psi", "Spillover absorption speed", "share per quarter", closed(0, 1),
                    "share of the knowledge gap to other firms' average closed per quarter"),
            sector("emission_intensity", "Emission intensity", "t CO2 per million yuan", closed(0, 1e5),
                    "emissions per million yuan of output at step-0 prices, which the carbon price charges"),
            sector("intermediate_share", "Intermediate share", "share of output", closed(0, 0.95),
                    "share of output value bought as intermediate inputs at step 0")
                    .because("at a share of 1 a firm adds no value and has no optimal size"),
            sector("external_share", "External share", "share of sales", closed(0, 0.95),
                    "share of step-0 sales that go to the rest of China and abroad")
                    .because("at a share of 1 the delta buys none of its own output and its final demand is empty"),
            sector("frontier_growth", "Frontier growth", "per year", closed(-0.1, 0.2),
                    "growth of the world technology frontier of the sector")
                    .because("a frontier that halves or doubles every year drives catch-up so hard that wages swung "
                            + "100-fold in testing"),
            sector("adoption_share", "Adoption share", "share of sales", closed(0, 0.95),
                    "share of an IotF sector's step-0 sales that are inputs of the sectors it supplies (0 for a sector "
                            + "that supplies none)")
                    .because("at a share of 1 the sector has no final or external demand to calibrate"));

    private Declarations() {
    }

    /** The declaration whose canonical path is {@code path}. */
    public static Optional<Declaration> byPath(String path) {
        return ALL.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    /** The declaration at {@code path}, which must exist (for code that names a row it relies on). */
    public static Declaration at(String path) {
        return byPath(path).orElseThrow(() -> new IllegalArgumentException("no declaration " + path));
    }

    private static Declaration number(String path, String label, String unit, Range valid, String description) {
        return new Declaration(List.of(path), Declaration.Type.NUMBER, label, unit, valid, null, null, null,
                description);
    }

    private static Declaration lever(String path, String label, String unit, Range valid, String description) {
        return number(path, label, unit, valid, description);
    }

    private static Declaration param(String name, String label, String unit, Range valid, String description) {
        return number("parameters." + name, label, unit, valid, description);
    }

    private static Declaration names(String path, Declaration.Type type, String label, String description) {
        return new Declaration(List.of(path), type, label, type == Declaration.Type.REGION_NAMES ? "region names"
                : "sector names", null, null, null, null, description);
    }

    /** A sector parameter: a default per kind, and optionally a sector's own value. */
    private static Declaration sector(String name, String label, String unit, Range valid, String description) {
        return new Declaration(List.of("parameters.sector_defaults.{kind}." + name, "sectors.{sector}." + name),
                Declaration.Type.NUMBER, label, unit, valid, null, null, null, description);
    }

    private static Declaration sector(String name, String label, Range valid, String description) {
        return sector(name, label, "elasticity", valid, description);
    }
}
