package yrdsim.ui;

import yrdsim.run.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.TimelineEvent;

/**
 * The Model tab's levers without a display: a change reaches the model only through its
 * timeline, at the step after it was made, once per lever and step.
 */
class LeverPanelTest {

    /** A model of {@code scenario}, seed 5, not yet started. */
    static YrdModel model(String scenario, List<String> overrides) throws Exception {
        return new YrdModel(ScenarioLoader.load(Path.of(scenario), overrides), 5, Engines.of(EnterpriseEngine.Kind.FAST, 1));
    }

    static YrdModel started(String scenario, List<String> overrides) throws Exception {
        YrdModel m = model(scenario, overrides);
        m.start();
        return m;
    }

    private static void step(YrdModel m, LeverPanel levers) {
        levers.commit();
        m.schedule.step(m);
    }

    @Test
    void aChangeWaitsForTheNextStepAndIsRecordedOnce() throws Exception {
        YrdModel m = started("scenarios/two-regions.yaml", List.of("time.steps=8"));
        LeverPanel levers = new LeverPanel(() -> m);
        step(m, levers);
        step(m, levers);
        double base = m.levers().capital(1, 0);

        levers.setCapitalBarrierScale(0.5);
        levers.setCapitalBarrierScale(0.2);
        assertEquals(0.2, levers.getCapitalBarrierScale(), "the panel shows the pending value");
        assertEquals(base, m.levers().capital(1, 0), "nothing changes before the next step");
        step(m, levers);
        assertEquals(base * 0.2, m.levers().capital(1, 0), 1e-15);
        List<TimelineEvent> events = m.timeline().events();
        assertEquals(1, events.size(), "two moves before one step are one change");
        assertEquals(2, events.get(0).startStep(m.scenario().startPeriod()), "applied from step 2");
        assertEquals(1, levers.getLiveChanges());
    }

    @Test
    void movingALeverBackBeforeTheStepChangesNothing() throws Exception {
        YrdModel m = started("scenarios/two-regions.yaml", List.of("time.steps=8"));
        LeverPanel levers = new LeverPanel(() -> m);
        levers.setLabourBarrierScale(0.3);
        levers.setLabourBarrierScale(1.0);
        levers.setDevelopmentZone(0.0);
        step(m, levers);
        assertEquals(0, levers.getLiveChanges());
        assertTrue(levers.pending().isEmpty());
    }

    @Test
    void provinceLeversActOnTheChosenProvince() throws Exception {
        YrdModel m = started("scenarios/baseline.yaml", List.of("enterprises.scale=0.01", "time.steps=8"));
        LeverPanel levers = new LeverPanel(() -> m);
        levers.setProvince(3);
        levers.setTalentBarrierCut(0.5);
        levers.setIotfSubsidy(0.1);
        step(m, levers);
        var program = m.scenario().policies().talentProgram().get("Anhui");
        assertEquals(0.5, program.barrierCut(), "a talent programme is created with the other keys at 0");
        assertEquals(0.0, program.wageTopUp());
        assertEquals(6, m.scenario().policies().divisionOfLabor().get("Anhui").size(), "every IotF sector");
        assertTrue(m.scenario().policies().divisionOfLabor().get("Anhui").values().stream().allMatch(v -> v == 0.1));
        assertEquals(0.1, levers.getIotfSubsidy());
        levers.setProvince(0);
        assertEquals(0.0, levers.getIotfSubsidy(), "Shanghai has no subsidy");
        levers.setTalentWageTopUp(0.3);
        levers.setProvince(3);
        levers.setTalentWageTopUp(0.1);
        step(m, levers);
        assertEquals(0.3, m.scenario().policies().talentProgram().get("Shanghai").wageTopUp());
        assertEquals(0.1, m.scenario().policies().talentProgram().get("Anhui").wageTopUp());
        assertEquals(0.5, m.scenario().policies().talentProgram().get("Anhui").barrierCut(), "kept");
    }

    @Test
    void afterTheLastStepLeversAreIgnored() throws Exception {
        YrdModel m = started("scenarios/two-regions.yaml", List.of("time.steps=2"));
        LeverPanel levers = new LeverPanel(() -> m);
        step(m, levers);
        step(m, levers);
        levers.setLabourBarrierScale(0.1);
        assertTrue(levers.pending().isEmpty());
        assertEquals(1.0, levers.getLabourBarrierScale());
    }
}
