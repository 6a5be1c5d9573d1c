package yrdsim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.model.CellSums;
import yrdsim.model.FactorUse;
import yrdsim.model.Government;
import yrdsim.model.Factor;
import yrdsim.model.Province;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;

/** The headline figures of a run, for {@code summary.json}. */
final class Summary {

    /** The name of the rest of China among migrants' origins. */
    static final String REST_OF_CHINA = "rest_of_china";

    private Summary() {
    }

    static Map<String, Object> of(YrdModel m, RunTotals run, ClusterTracker tracker) {
        Structure st = m.structure();
        CellSums t = m.totals();
        int last = m.step() - 1;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", m.scenario().name());
        out.put("seed", m.seed());
        out.put("steps", m.step());
        out.put("first_period", m.period(0).toString());
        out.put("last_period", m.period(last).toString());

        double[] regionRevenue = new double[st.regions];
        double[] sectorRevenue = new double[st.sectors];
        double total = 0;
        double iotf = 0;
        for (int c = 0; c < st.cells; c++) {
            regionRevenue[st.regionOf(c)] += t.revenue(c);
            sectorRevenue[st.sectorOf(c)] += t.revenue(c);
            total += t.revenue(c);
            if (st.iotf(st.sectorOf(c))) {
                iotf += t.revenue(c);
            }
        }
        Map<String, Object> share = new LinkedHashMap<>();
        share.put(RunTables.WHOLE_DELTA, total > 0 ? iotf / total : 0.0);
        for (Province p : m.provinces()) {
            share.put(p.getName(), p.getIotfRevenueShare());
        }
        out.put("iotf_revenue_share", share);
        out.put("revenue_annual_bn", ordered("start", 4 * run.startRevenue(), "end", 4 * total));

        double[] firmSquares = new double[st.sectors];
        double[] employment = new double[m.firmCount()];
        int[] index = {0};
        Province[] pv = m.provinces();
        m.engine().forEach(f -> {
            firmSquares[f.sector()] += f.revenue() * f.revenue();
            int s = f.sector();
            Province p = pv[f.province()];
            employment[index[0]++] = FactorUse.employment(st, s, f.plan(), p);
        });

        List<Double> thresholds = tracker.thresholds();
        Map<String, Object> sectors = new LinkedHashMap<>();
        for (int s = 0; s < st.sectors; s++) {
            if (!st.iotf(s)) {
                continue;
            }
            double[] byRegion = new double[st.regions];
            for (int p = 0; p < st.regions; p++) {
                byRegion[p] = t.revenue(st.cell(p, s));
            }
            double firmHerfindahl = sectorRevenue[s] > 0 ? firmSquares[s] / (sectorRevenue[s] * sectorRevenue[s]) : 0;
            Map<String, Object> sector = new LinkedHashMap<>();
            sector.put("revenue_annual_bn", 4 * sectorRevenue[s]);
            for (int k = 0; k < thresholds.size(); k++) {
                int step = tracker.thresholdStep(s, k);
                String event = ClusterTracker.thresholdEvent(thresholds.get(k));
                sector.put(event + "_step", step >= 0 ? step : null);
                sector.put(event + "_period", step >= 0 ? m.period(step).toString() : null);
            }
            sector.put("hhi", Concentration.herfindahl(byRegion));
            sector.put("ellison_glaeser_gamma", Concentration.ellisonGlaeser(byRegion, regionRevenue, firmHerfindahl));
            sector.put("spatial_gini", Concentration.spatialGini(byRegion, regionRevenue));
            List<String> clusters = new ArrayList<>();
            for (int p = 0; p < st.regions; p++) {
                if (tracker.isActive(st.cell(p, s))) {
                    clusters.add(st.regionName(p));
                }
            }
            sector.put("clusters_at_end", clusters);
            sectors.put(st.sectorName(s), sector);
        }
        out.put("iotf_sectors", sectors);

        int active = 0;
        for (int c = 0; c < st.cells; c++) {
            active += tracker.isActive(c) ? 1 : 0;
        }
        Map<String, Object> clusters = new LinkedHashMap<>();
        clusters.put("emerged", tracker.emerged());
        clusters.put("iotf_emerged", tracker.iotfEmerged());
        clusters.put("active_at_end", active);
        out.put("clusters", clusters);

        double[] perWorker = new double[st.regions];
        for (Province p : pv) {
            perWorker[p.getIndex()] = p.getOutputPerWorker();
        }
        out.put("output_per_worker_cv", ordered("start", Concentration.coefficientOfVariation(run.startOutputPerWorker()),
                "end", Concentration.coefficientOfVariation(perWorker)));
        out.put("output_per_worker_theil", ordered("start", Concentration.theil(run.startOutputPerWorker()),
                "end", Concentration.theil(perWorker)));

        double[] cross = RunTotals.crossProvinceShares(m);
        double[] mean = run.meanCrossShares();
        Map<String, Object> crossShares = new LinkedHashMap<>();
        Factor[] factors = Factor.values();
        for (int i = 0; i < cross.length; i++) {
            crossShares.put(factors[i].label(), ordered("end", cross[i], "mean", mean[i]));
        }
        out.put("cross_province_share", crossShares);
        out.put("firms", ordered("start", run.startFirms(), "end", m.firmCount()));
        int k = Math.max(2, (int) Math.ceil(m.scenario().parameters().hillTailShare() * employment.length));
        double hill = Concentration.hill(employment, k);
        out.put("firm_employment_hill_exponent", Double.isNaN(hill) ? null : hill);
        out.put("subsidies_total_bn", run.subsidies());
        out.put("capital_barrier_cost_total_bn", run.barrierCost());
        double iotfEnd = 0;
        for (Province p : m.provinces()) {
            iotfEnd += 4 * p.getIotfRevenueShare() * p.getRevenue();
        }
        out.put("iotf_revenue_annual_bn", ordered("start", run.startIotfRevenue(), "end", iotfEnd));
        out.put("iotf_revenue_total_bn", run.iotfRevenue());
        out.put("emissions", emissions(m, run));
        out.put("budget", budget(m, run));
        out.put("migration", migration(m, run));
        out.put("knowledge", ordered("created_total", run.knowledgeCreated(), "absorbed_total",
                run.knowledgeAbsorbed()));
        return out;
    }

    /**
     * Migration (MODEL-2 3): the calibrated speeds, each province's migrant share at the start
     * and end with the origins of its migrants at the end, the delta's talent, and the net
     * arrivals from the rest of China over the run.
     */
    private static Map<String, Object> migration(YrdModel m, RunTotals run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("worker_rate_per_quarter", m.workerMigrationRate());
        out.put("talent_rate_per_quarter", m.talentMigrationRate());
        Province[] pv = m.provinces();
        Map<String, Object> shares = new LinkedHashMap<>();
        Map<String, Object> origins = new LinkedHashMap<>();
        double talent = 0;
        for (Province p : pv) {
            int q = p.getIndex();
            talent += p.getTalent();
            shares.put(p.getName(), ordered("start", run.startMigrantShare(q), "end", p.getMigrantShare()));
            Map<String, Object> from = new LinkedHashMap<>();
            double all = m.migrants(q);
            for (int o = 0; o <= pv.length; o++) {
                if (o != q) {
                    from.put(o < pv.length ? pv[o].getName() : REST_OF_CHINA, all > 0 ? m.migrantsFrom(q, o) / all : 0);
                }
            }
            origins.put(p.getName(), from);
        }
        out.put("migrant_share", shares);
        out.put("migrant_origins", origins);
        out.put("talent_thousand", ordered("start", run.startTalent(), "end", talent));
        out.put("rest_of_china_net_workers_thousand", run.rocNetWorkers());
        out.put("rest_of_china_net_talent_thousand", run.rocNetTalent());
        return out;
    }

    /** Emissions: annual at the start and end (Mt CO2), over the run, by province and sector at the end. */
    private static Map<String, Object> emissions(YrdModel m, RunTotals run) {
        Structure st = m.structure();
        CellSums t = m.totals();
        Map<String, Object> out = new LinkedHashMap<>();
        double end = 0;
        Map<String, Object> byProvince = new LinkedHashMap<>();
        for (Province p : m.provinces()) {
            double annual = 4 * m.government().emissions(p.getIndex()) / 1e6;
            byProvince.put(p.getName(), annual);
            end += annual;
        }
        Map<String, Object> bySector = new LinkedHashMap<>();
        for (int s = 0; s < st.sectors; s++) {
            double output = 0;
            for (int p = 0; p < st.regions; p++) {
                output += t.output(st.cell(p, s));
            }
            bySector.put(st.sectorName(s), 4 * st.emissions(s, output) / 1e6);
        }
        out.put("annual_mt", ordered("start", run.startEmissions() / 1e6, "end", end));
        out.put("total_mt", run.emissions() / 1e6);
        out.put("emission_intensive_share", ordered("start", run.startIntensiveShare(), "end", run.intensiveShare(m)));
        out.put("by_province_annual_mt", byProvince);
        out.put("by_sector_annual_mt", bySector);
        return out;
    }

    /** The budgets: tax rates at the start and end, spending and carbon revenue over the run (bn yuan). */
    private static Map<String, Object> budget(YrdModel m, RunTotals run) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> rates = new LinkedHashMap<>();
        for (Province p : m.provinces()) {
            rates.put(p.getName(), ordered("start", run.startTaxRate(p.getIndex()),
                    "end", m.government().taxRate(p.getIndex())));
        }
        out.put("tax_rate", rates);
        Map<String, Object> items = new LinkedHashMap<>();
        double total = 0;
        for (Government.Item item : Government.Item.values()) {
            items.put(item.label(), run.spending(item));
            total += run.spending(item);
        }
        out.put("spending_total_bn", total);
        out.put("spending_bn", items);
        out.put("carbon_revenue_total_bn", run.carbonRevenue());
        out.put("net_cost_total_bn", total - run.carbonRevenue());
        return out;
    }

    /** A two-entry map that keeps its order (Map.of does not, which would change the file from run to run). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
