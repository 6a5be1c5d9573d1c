package yrdsim.ui;

import yrdsim.run.Engines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.util.Interval;
import sim.util.Properties;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Declaration;
import yrdsim.scenario.Declarations;
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

        levers.set("barriers.capital.scale", 0.5);
        levers.set("barriers.capital.scale", 0.2);
        assertEquals(0.2, levers.get("barriers.capital.scale"), "the panel shows the pending value");
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
        levers.set("barriers.labor.scale", 0.3);
        levers.set("barriers.labor.scale", 1.0);
        levers.set("policies.development_zones.{region}", 0.0);
        step(m, levers);
        assertEquals(0, levers.getLiveChanges());
        assertTrue(levers.pending().isEmpty());
    }

    @Test
    void provinceLeversActOnTheChosenProvince() throws Exception {
        YrdModel m = started("scenarios/baseline.yaml", List.of("enterprises.scale=0.01", "time.steps=8"));
        LeverPanel levers = new LeverPanel(() -> m);
        levers.set(LeverPanel.PROVINCE, 3);
        levers.set("policies.talent_program.{region}.barrier_cut", 0.5);
        levers.set("policies.division_of_labor.{region}.{sector}", 0.1);
        step(m, levers);
        var program = m.scenario().policies().talentProgram().get("Anhui");
        assertEquals(0.5, program.barrierCut(), "a talent programme is created with the other keys at 0");
        assertEquals(0.0, program.wageTopUp());
        assertEquals(6, m.scenario().policies().divisionOfLabor().get("Anhui").size(), "every IotF sector");
        assertTrue(m.scenario().policies().divisionOfLabor().get("Anhui").values().stream().allMatch(v -> v == 0.1));
        assertEquals(0.1, levers.get("policies.division_of_labor.{region}.{sector}"));
        levers.set(LeverPanel.PROVINCE, 0);
        assertEquals(0.0, levers.get("policies.division_of_labor.{region}.{sector}"), "Shanghai has no subsidy");
        levers.set("policies.talent_program.{region}.wage_top_up", 0.3);
        levers.set(LeverPanel.PROVINCE, 3);
        levers.set("policies.talent_program.{region}.wage_top_up", 0.1);
        step(m, levers);
        assertEquals(0.3, m.scenario().policies().talentProgram().get("Shanghai").wageTopUp());
        assertEquals(0.1, m.scenario().policies().talentProgram().get("Anhui").wageTopUp());
        assertEquals(0.5, m.scenario().policies().talentProgram().get("Anhui").barrierCut(), "kept");
    }

    /**
     * The Model tab is the declaration table: every slider's label, range and tooltip are its
     * declaration's, and a value typed as MASON passes it (text) is queued like any other.
     */
    @Test
    void everySliderIsBuiltFromItsDeclaration() throws Exception {
        YrdModel m = model("scenarios/two-regions.yaml", List.of("time.steps=8"));
        LeverPanel levers = new LeverPanel(() -> m);
        Properties p = levers.properties();
        int declared = 0;
        for (int i = 0; i < p.numProperties(); i++) {
            String tooltip = p.getDescription(i);
            for (Declaration d : Declarations.ALL) {
                if (tooltip.startsWith(d.path() + " (") && d.type() == Declaration.Type.NUMBER) {
                    declared++;
                    Interval slider = (Interval) p.getDomain(i);
                    assertEquals(d.sliderRange().min(), slider.getMin().doubleValue(), d.path());
                    assertEquals(d.sliderRange().max(), slider.getMax().doubleValue(), d.path());
                    assertTrue(tooltip.startsWith(d.tooltip()), tooltip);
                    if (!d.path().equals("policies.division_of_labor.{region}.{sector}")) {
                        assertEquals(d.label(), p.getName(i));
                    }
                }
            }
        }
        assertEquals(19, declared, "sliders built from declarations");

        int labour = index(p, "Barrier scale: workers and talent");
        assertEquals(2.0, ((Interval) p.getDomain(labour)).getMax().doubleValue(), "the slider ends at 2");
        assertTrue(p.getDescription(labour).contains("valid [0, 100], slider [0, 2]"), p.getDescription(labour));
        p.setValue(labour, "0.4");
        assertEquals(0.4, levers.get("barriers.labor.scale"));
        assertEquals(0.4, levers.pending().get("barriers.labor.scale").asDouble());
        p.setValue(index(p, "Province levers act on"), "1");
        p.setValue(index(p, "Talent programme: supply growth per quarter"), "0.01");
        assertEquals(0.01, levers.pending().get("policies.talent_program.B.supply_growth").asDouble());
    }

    /**
     * The external (hukou) barriers to the rest of China are in the Model tab with their declared
     * labels and ranges: the scale for the delta, the barrier itself for the chosen province. A
     * change of either reaches the model's effective barriers at the next step.
     */
    @Test
    void externalBarriersAreLeversOfTheModelTab() throws Exception {
        YrdModel m = started("scenarios/two-regions.yaml", List.of("time.steps=8", "rest_of_china.workers=10000",
                "rest_of_china.talent=500", "rest_of_china.wage=90000", "barriers.external.workers.A=0.5"));
        LeverPanel levers = new LeverPanel(() -> m);
        Properties p = levers.properties();
        Declaration scale = Declarations.at("barriers.external.scale");
        Declaration workers = Declarations.at("barriers.external.workers.{region}");
        int scaleRow = index(p, scale.label());
        int workersRow = index(p, workers.label());
        assertTrue(scaleRow < index(p, "Province levers act on"), "the scale acts on the whole delta");
        assertTrue(workersRow > index(p, "Province levers act on"), "the barrier acts on the chosen province");
        for (int row : new int[] {scaleRow, workersRow}) {
            Declaration d = row == scaleRow ? scale : workers;
            Interval slider = (Interval) p.getDomain(row);
            assertEquals(d.sliderRange().min(), slider.getMin().doubleValue(), d.path());
            assertEquals(d.sliderRange().max(), slider.getMax().doubleValue(), d.path());
            assertTrue(p.isReadWrite(row), d.path());
            assertTrue(p.getDescription(row).startsWith(d.tooltip()), p.getDescription(row));
        }
        assertEquals(0.0, scale.sliderRange().min());
        assertEquals(2.0, scale.sliderRange().max(), "the scale's slider runs to 2");
        assertEquals(1.0, workers.sliderRange().max(), "a barrier runs to 1");
        assertEquals(1.0, levers.get("barriers.external.scale"));
        assertEquals(0.5, levers.get("barriers.external.workers.{region}"), "A's barrier as loaded");

        step(m, levers);
        assertEquals(0.5, m.levers().externalLabor(0), 1e-15);
        assertEquals(0.0, m.levers().externalLabor(1), 1e-15);
        p.setValue(scaleRow, "0.4");
        levers.set(LeverPanel.PROVINCE, 1);
        assertEquals(0.0, levers.get("barriers.external.workers.{region}"), "B has no barrier");
        p.setValue(workersRow, "0.75");
        assertEquals(1.0, m.scenario().barriers().external().scale(), "nothing changes before the step");
        step(m, levers);
        assertEquals(0.4, m.scenario().barriers().external().scale());
        assertEquals(0.5 * 0.4, m.levers().externalLabor(0), 1e-15);
        assertEquals(0.75 * 0.4, m.levers().externalLabor(1), 1e-15);
        assertEquals(2, levers.getLiveChanges());
    }

    private static int index(Properties p, String label) {
        for (int i = 0; i < p.numProperties(); i++) {
            if (p.getName(i).equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void afterTheLastStepLeversAreIgnored() throws Exception {
        YrdModel m = started("scenarios/two-regions.yaml", List.of("time.steps=2"));
        LeverPanel levers = new LeverPanel(() -> m);
        step(m, levers);
        step(m, levers);
        levers.set("barriers.labor.scale", 0.1);
        assertTrue(levers.pending().isEmpty());
        assertEquals(1.0, levers.get("barriers.labor.scale"));
    }
}
