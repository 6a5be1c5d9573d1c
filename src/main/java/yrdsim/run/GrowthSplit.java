package yrdsim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.model.Province;
import yrdsim.model.YrdModel;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.ScenarioTree;
import yrdsim.scenario.SectorSpec;

/**
 * Where a run's IotF growth comes from (MODEL-2 9.1): the growth of the delta's IotF revenue
 * from the first to the last quarter, split into what the exogenous terms bring (common market
 * growth, sectors' extra demand growth and the world frontier) and what the delta's own dynamics
 * bring (adoption, knowledge, scale). The split is a counterfactual: the same scenario on the
 * same seed with the exogenous terms held at zero gives the own-dynamics growth; the exogenous
 * part is the rest.
 */
public final class GrowthSplit {

    private GrowthSplit() {
    }

    /** The overrides that hold every exogenous growth term of {@code loaded} at zero. */
    public static List<String> holdExogenous(LoadedScenario loaded) {
        List<String> holds = new ArrayList<>(List.of("parameters.market_growth=0"));
        for (SectorSpec sector : loaded.scenario().sectors()) {
            holds.add("sectors." + sector.name() + ".demand_growth=0");
            holds.add("sectors." + sector.name() + ".frontier_growth=0");
        }
        return holds;
    }

    /**
     * The split of {@code summary}'s IotF growth, from a counterfactual run of {@code model}'s
     * scenario and seed on the same engine; bn yuan a year.
     */
    public static Map<String, Object> of(YrdModel model, Map<String, Object> summary) throws ScenarioException {
        ScenarioTree tree = model.loaded().tree().copy();
        ScenarioLoader.applyOverrides(tree, holdExogenous(model.loaded()));
        LoadedScenario held = ScenarioLoader.bind(tree);
        YrdModel counterfactual = new YrdModel(held, model.seed(), Engines.of(model.engineKind(), model.threads()));
        double start;
        double end;
        try {
            counterfactual.start();
            int steps = held.scenario().time().steps();
            counterfactual.schedule.step(counterfactual);
            start = annualIotfRevenue(counterfactual);
            for (int k = 1; k < steps; k++) {
                counterfactual.schedule.step(counterfactual);
            }
            end = annualIotfRevenue(counterfactual);
        } finally {
            counterfactual.finish();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> iotf = (Map<String, Object>) summary.get("iotf_revenue_annual_bn");
        double total = (Double) iotf.get("end") - (Double) iotf.get("start");
        double own = end - start;
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("total", total);
        split.put("exogenous", total - own);
        split.put("own_dynamics", own);
        return split;
    }

    private static double annualIotfRevenue(YrdModel m) {
        double total = 0;
        for (Province p : m.provinces()) {
            total += 4 * p.getIotfRevenueShare() * p.getRevenue();
        }
        return total;
    }
}
