package yrdsim.model;

import yrdsim.run.Engines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/** Scenarios and models for tests. */
public final class TestModels {

    /** The two-regions test bed. */
    public static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    /** The calibrated baseline. */
    public static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    private TestModels() {
    }

    /** Loads {@code file} with overrides; a test failure if it does not validate. */
    public static LoadedScenario load(Path file, List<String> overrides) {
        try {
            return ScenarioLoader.load(file, overrides);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Overrides that switch off every source of change: shocks, innovation, turnover,
     * relocation, market growth, and the demand and frontier growth of every sector (MODEL.md 2b,
     * stationarity test).
     */
    public static List<String> stationary(Path file) {
        List<String> sets = new ArrayList<>(List.of(
                "parameters.gibrat_sigma=0", "parameters.innovation_kappa=0", "parameters.exit_hazard=0",
                "parameters.relocation_rate=0", "parameters.fixed_cost_loss_share=0", "parameters.market_growth=0"));
        for (var sector : load(file, List.of()).scenario().sectors()) {
            sets.add("sectors." + sector.name() + ".demand_growth=0");
            sets.add("sectors." + sector.name() + ".frontier_growth=0");
        }
        return sets;
    }

    /** A model of the {@code kind} engine on {@code threads} threads, not started. */
    public static YrdModel model(LoadedScenario loaded, long seed, EnterpriseEngine.Kind kind, int threads) {
        return new YrdModel(loaded, seed, Engines.of(kind, threads));
    }

    /** A started model. */
    public static YrdModel started(LoadedScenario loaded, long seed, EnterpriseEngine.Kind kind, int threads) {
        YrdModel m = model(loaded, seed, kind, threads);
        m.start();
        return m;
    }
}
