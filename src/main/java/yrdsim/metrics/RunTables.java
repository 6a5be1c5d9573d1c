package yrdsim.metrics;

import yrdsim.model.CellSums;
import yrdsim.model.FactorUse;
import yrdsim.model.Demand;
import yrdsim.model.FirmView;
import yrdsim.model.Government;
import yrdsim.model.Province;
import yrdsim.model.Structure;

/**
 * The tables of a run directory, declared column by column: each column is a name, a unit, a
 * meaning and a function of the row. Money is in bn yuan (per quarter for flows), people in
 * thousand persons, technology in licence units (one million yuan of public research).
 */
public final class RunTables {

    /**
     * The name of the whole delta wherever a table or the summary gives a figure for all
     * provinces together: {@code clusters.csv}'s province of a yardstick, {@code summary.json}'s
     * {@code iotf_revenue_share.YRD}. A scenario may not name a region so.
     */
    public static final String WHOLE_DELTA = yrdsim.scenario.Scenario.WHOLE_DELTA;

    private static final String BN_Q = "bn yuan per quarter";
    private static final String PERSONS = "thousand persons";
    private static final String PRICE_PER_PERSON = "bn yuan per thousand persons per quarter";

    private RunTables() {
    }

    /** A province at a step, with its budget. */
    public record ProvinceRow(int step, String period, Province p, Government budget) implements TableLayout.Stamped {
        double spending(Government.Item item) {
            return budget.spending(p.getIndex(), item);
        }
    }

    /** A (province, sector) cell at a step, with its location quotient and entrants. */
    public record CellRow(int step, String period, Structure st, CellSums t, int c, double lq, double entries,
                          double price) implements TableLayout.Stamped {
        int s() {
            return st.sectorOf(c);
        }

        double valueAdded() {
            return (1 - st.intermediateShare(s())) * t.revenue(c);
        }

        double emissions() {
            return st.emissions(s(), t.output(c));
        }
    }

    /** A flow of one factor between two provinces in a step. */
    public record FlowRow(int step, String period, String factor, String origin, String destination, double amount)
            implements TableLayout.Stamped {
    }

    /** One enterprise in a snapshot, located in {@code where}. */
    public record FirmRow(int step, String period, Structure st, Province where, FirmView f)
            implements TableLayout.Stamped {
    }

    /**
     * A cluster event, with the cell's location quotient, or a yardstick crossing, with the
     * sector's annual revenue; the other value is null (an empty cell). Kept until the end of the
     * run, so checkpointed with it.
     */
    public record ClusterRow(int step, String period, String province, String sector, String event,
                             Double locationQuotient, Double revenueAnnualBn)
            implements TableLayout.Stamped, java.io.Serializable {
    }

    /** {@code provinces.csv}: one row per step and province. */
    public static final TableLayout<ProvinceRow> PROVINCES = TableLayout.of("provinces",
            Column.of("province", "", "province name", r -> r.p().getName()),
            Column.of("workers", PERSONS, "resident workers after this step's migration", r -> r.p().getWorkers()),
            Column.of("talent", PERSONS, "resident talent (R&D staff) after this step's migration",
                    r -> r.p().getTalent()),
            Column.of("capital_supply", "bn yuan", "capital placed in this province's market by all owners",
                    r -> r.p().getCapitalSupply()),
            Column.of("wage", PRICE_PER_PERSON, "wage of workers", r -> r.p().getWage()),
            Column.of("talent_wage", PRICE_PER_PERSON, "wage of talent", r -> r.p().getTalentWage()),
            Column.of("interest_rate", "per quarter", "rental rate of capital", r -> r.p().getInterestRate()),
            Column.of("tech_price", "bn yuan per licence unit", "price of a technology licence",
                    r -> r.p().getTechPrice()),
            Column.of("revenue", BN_Q, "manufacturing revenue", r -> r.p().getRevenue()),
            Column.of("firms", "", "firms located here at the end of the step", r -> r.p().getFirms()),
            Column.of("iotf_revenue_share", "fraction", "share of revenue in IotF sectors",
                    r -> r.p().getIotfRevenueShare()),
            Column.of("output_per_worker", PRICE_PER_PERSON, "revenue per worker (workers plus talent)",
                    r -> r.p().getOutputPerWorker()),
            Column.of("capital_owned", "bn yuan", "capital owned by residents, wherever placed",
                    r -> r.p().getCapitalOwned()),
            Column.of("public_research", "bn yuan", "public research stock", r -> r.p().getPublicResearch()),
            Column.of("net_migration_workers", PERSONS + " per quarter", "workers in minus workers out",
                    r -> r.p().getNetMigrationWorkers()),
            Column.of("net_migration_talent", PERSONS + " per quarter", "talent in minus talent out",
                    r -> r.p().getNetMigrationTalent()),
            Column.of("rest_of_china_net_workers", PERSONS + " per quarter",
                    "workers arriving from the rest of China minus those leaving for it (part of net_migration_workers)",
                    r -> r.p().getRocNetWorkers()),
            Column.of("rest_of_china_net_talent", PERSONS + " per quarter",
                    "talent arriving from the rest of China minus talent leaving for it", r -> r.p().getRocNetTalent()),
            Column.of("migrant_share", "fraction", "resident workers whose hukou is in another province or the rest "
                    + "of China (the census's migrant stock share)", r -> r.p().getMigrantShare()),
            Column.of("knowledge_created", "licence units per quarter",
                    "knowledge the province's cells created this quarter from R&D, reachable talent and their stock",
                    r -> r.p().getKnowledgeCreated()),
            Column.of("knowledge_absorbed", "licence units per quarter",
                    "knowledge the province's firms absorbed from other provinces' firms (spillovers add to the "
                            + "absorber without taking from the source)", r -> r.p().getKnowledgeAbsorbed()),
            Column.of("income", BN_Q, "residents' wages, talent wages and capital rent net of barriers",
                    r -> r.p().getIncome()),
            Column.of("capital_barrier_cost", BN_Q, "capital rent residents lost to barriers (deadweight)",
                    r -> r.p().getCapitalBarrierCost()),
            Column.of("subsidies", BN_Q, "subsidies paid to firms located here", r -> r.p().getSubsidies()),
            Column.of("value_added", BN_Q, "value added of the province's firms: (1 - m) revenue",
                    r -> r.budget().valueAdded(r.p().getIndex())),
            Column.of("tax_rate", "fraction of value added", "the value-added tax that balanced this quarter's budget",
                    r -> r.budget().taxRate(r.p().getIndex())),
            Column.of("public_spending", BN_Q, "all the province's spending this quarter, every item below",
                    r -> r.budget().totalSpending(r.p().getIndex())),
            spending(Government.Item.PUBLIC_RESEARCH, "public research at the status-quo rate"),
            spending(Government.Item.INNOVATION_PLATFORMS, "extra public research of innovation platforms"),
            spending(Government.Item.DIVISION_OF_LABOR, "division-of-labour output subsidies"),
            spending(Government.Item.FLAGSHIP_SUPPORT, "flagship output subsidies"),
            spending(Government.Item.LITTLE_GIANTS, "little-giant R&D subsidies"),
            spending(Government.Item.INNOVATION_ALLIANCES, "innovation-alliance R&D subsidies"),
            spending(Government.Item.TALENT_PROGRAM, "talent-programme wage top-ups"),
            spending(Government.Item.IOTF_INCUBATION, "IotF entry grants (of the previous quarter's entrants)"),
            Column.of("carbon_revenue", BN_Q, "carbon price collected from the province's firms",
                    r -> r.budget().carbonRevenue(r.p().getIndex())),
            Column.of("emissions", "t CO2 per quarter", "emissions of the province's firms",
                    r -> r.budget().emissions(r.p().getIndex())));

    private static Column<ProvinceRow> spending(Government.Item item, String description) {
        return Column.of("spending_" + item.label(), BN_Q, description, r -> r.spending(item));
    }

    /** {@code sectors.csv}: one row per step, province and sector. */
    public static final TableLayout<CellRow> SECTORS = TableLayout.of("sectors",
            Column.of("province", "", "province name", r -> r.st().regionName(r.st().regionOf(r.c()))),
            Column.of("sector", "", "sector name", r -> r.st().sectorName(r.s())),
            Column.of("iotf", "", "whether the sector is an Industry of the Future", r -> r.st().iotf(r.s())),
            Column.of("firms", "", "firms at the end of the step", r -> r.t().firms(r.c())),
            Column.of("revenue", BN_Q, "revenue", r -> r.t().revenue(r.c())),
            Column.of("employment", PERSONS, "workers and talent employed",
                    r -> r.t().workers(r.c()) + r.t().talent(r.c())),
            Column.of("talent", PERSONS, "talent employed", r -> r.t().talent(r.c())),
            Column.of("knowledge", "licence units", "firms' technology stock Σ T", r -> r.t().knowledge(r.c())),
            Column.of("location_quotient", "ratio", "(revenue share in the province) / (share in the delta)",
                    CellRow::lq),
            Column.of("entries", "firms per quarter", "entrants at the end of the step", CellRow::entries),
            Column.of("exits", "firms per quarter", "exits in the step", r -> r.t().exits(r.c())),
            Column.of("profit", BN_Q, "profit after fixed costs and R&D, subsidies included",
                    r -> r.t().profit(r.c())),
            Column.of("innovations", "per quarter", "successful innovations", r -> r.t().innovations(r.c())),
            Column.of("capital", "bn yuan", "capital rented", r -> r.t().capital(r.c())),
            Column.of("subsidies", BN_Q, "output and R&D subsidies received", r -> r.t().subsidy(r.c())),
            Column.of("price", "index, 1 at step 0", "the sector's goods price", CellRow::price),
            Column.of("output", "bn yuan per quarter at step-0 prices", "real output", r -> r.t().output(r.c())),
            Column.of("value_added", BN_Q, "(1 - m) revenue", r -> r.valueAdded()),
            Column.of("emissions", "t CO2 per quarter", "output times the sector's emission intensity",
                    r -> r.emissions()));

    /** A sector of the whole delta at a step: its demand. */
    public record DemandRow(int step, String period, Structure st, Demand demand, int s, double price, double output)
            implements TableLayout.Stamped {
    }

    /** {@code demand.csv}: one row per step and sector, the whole delta. */
    public static final TableLayout<DemandRow> DEMAND = TableLayout.of("demand",
            Column.of("sector", "", "sector name", r -> r.st().sectorName(r.s())),
            Column.of("iotf", "", "whether the sector is an Industry of the Future", r -> r.st().iotf(r.s())),
            Column.of("price", "index, 1 at step 0", "the price that cleared the sector's market", DemandRow::price),
            Column.of("output", "bn yuan per quarter at step-0 prices", "the delta's output of the sector",
                    DemandRow::output),
            Column.of("final_demand", "bn yuan per quarter at price 1",
                    "final demand in the delta: F G(t) (1 + g)^(t/4)", r -> r.demand().finalDemand(r.s())),
            Column.of("external_demand", "bn yuan per quarter at price 1",
                    "demand from outside the delta, relative to the world frontier", r -> r.demand().externalDemand(r.s())),
            Column.of("intermediate_orders", BN_Q, "what the delta's sectors bought of it as inputs",
                    r -> r.demand().orders(r.s())),
            Column.of("productivity", "ln, 0 at step 0", "ln of the sector's output-weighted TFP relative to step 0",
                    r -> r.demand().lnProductivity(r.s())),
            Column.of("frontier", "ln, 0 at step 0", "ln of the world frontier relative to step 0",
                    r -> r.demand().lnFrontier(r.s(), r.step())),
            Column.of("adoption", "fraction", "IotF: its share of the inputs it competes for in its users' bundles",
                    r -> r.demand().adoption(r.s())));

    /** {@code flows.csv}: one row per step, factor and ordered pair of provinces. */
    public static final TableLayout<FlowRow> FLOWS = TableLayout.of("flows",
            Column.of("factor", "", "workers, talent, capital, technology or firms", FlowRow::factor),
            Column.of("origin", "", "province the factor leaves", FlowRow::origin),
            Column.of("destination", "", "province the factor enters", FlowRow::destination),
            Column.of("amount", "by factor: thousand persons, bn yuan, licence units or firms, per quarter",
                    "gross flow in the step", FlowRow::amount));

    /** {@code firms.csv}: one row per enterprise at each snapshot step. */
    public static final TableLayout<FirmRow> FIRMS = TableLayout.of("firms",
            Column.of("id", "", "enterprise id (never reused)", r -> r.f().id()),
            Column.of("province", "", "province name", r -> r.where().getName()),
            Column.of("sector", "", "sector name", r -> r.st().sectorName(r.f().sector())),
            Column.of("revenue", BN_Q, "revenue of the step", r -> r.f().revenue()),
            Column.of("employment", PERSONS, "workers and talent employed",
                    r -> FactorUse.employment(r.st(), r.f().sector(), r.f().plan(), r.where())),
            Column.of("talent", PERSONS, "talent employed",
                    r -> FactorUse.talent(r.st(), r.f().sector(), r.f().plan(), r.where())),
            Column.of("capital", "bn yuan", "capital rented",
                    r -> FactorUse.capital(r.st(), r.f().sector(), r.f().plan(), r.where())),
            Column.of("tfp", "index", "the firm's own TFP, exp(ln A)", r -> Math.exp(r.f().lnA())),
            Column.of("technology", "licence units", "technology stock T", r -> r.f().tech()),
            Column.of("age", "quarters", "quarters since entry", r -> r.f().age()));

    /** {@code clusters.csv}: cluster events and the yardsticks' crossings. */
    public static final TableLayout<ClusterRow> CLUSTERS = TableLayout.of("clusters",
            Column.of("province", "", "province name, or " + WHOLE_DELTA + " (the whole delta) for a yardstick",
                    ClusterRow::province),
            Column.of("sector", "", "sector name", ClusterRow::sector),
            Column.of("event", "", "cluster_emerged, cluster_dissolved, or a yardstick such as revenue_500bn",
                    ClusterRow::event),
            Column.of("location_quotient", "ratio", "cluster events: the cell's location quotient at the event; "
                    + "empty for a yardstick", ClusterRow::locationQuotient),
            Column.of("revenue_annual_bn", "bn yuan per year", "yardsticks: the sector's revenue in the delta, "
                    + "four times the quarter's; empty for a cluster event", ClusterRow::revenueAnnualBn));

    /** Every table of a run directory, in the order {@code docs/DATA.md} lists them. */
    public static final java.util.List<TableLayout<?>> ALL = java.util.List.of(PROVINCES, SECTORS, FLOWS, CLUSTERS, FIRMS, DEMAND);

    /**
     * The per-step tables, which comparisons and sweeps combine under {@code timeseries/}: every
     * table but the firm snapshots (one row per enterprise, too large to stack by default).
     */
    public static final java.util.List<TableLayout<?>> SERIES = ALL.stream().filter(t -> t != FIRMS).toList();
}
