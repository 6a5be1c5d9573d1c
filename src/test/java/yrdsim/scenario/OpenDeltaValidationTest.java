package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model 2 part two's inputs are refused with their key when they cannot mean anything: an open
 * rest of China without a wage, a census migrant share of all residents, an external barrier
 * into an unknown region, and a knowledge loop whose gain reaches 1 (MODEL-2 11), which
 * {@code validate} must refuse as {@code run} does, naming the sector and the parameters.
 */
class OpenDeltaValidationTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    private static List<String> problems(String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(TWO_REGIONS,
                List.of(sets)));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static void single(List<String> problems, String... parts) {
        assertEquals(1, problems.size(), problems.toString());
        for (String part : parts) {
            assertTrue(problems.get(0).contains(part), problems.get(0) + " lacks " + part);
        }
    }

    @Test
    void anOpenDeltaNeedsTheWageOfTheRestOfChina() {
        single(problems("rest_of_china.workers=1000", "rest_of_china.talent=10"), "rest_of_china.wage",
                "must be above 0");
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("rest_of_china.workers=1000",
                "rest_of_china.wage=90000")));
    }

    @Test
    void aMigrantShareOfEveryResidentIsRefused() {
        single(problems("regions.0.migrant_share=1"), "regions.0.migrant_share", "must be in [0, 0.99]");
    }

    @Test
    void anExternalBarrierIntoAnUnknownRegionIsNamed() {
        single(problems("barriers.external.workers.C=0.5"), "barriers.external.workers.C", "unknown region 'C'");
    }

    @Test
    void aKnowledgeLoopWithAGainOfOneIsRefusedNamingTheSectorAndItsParameters() throws ScenarioException {
        // IotF: 0.3 + lambda_R x 0.15 / 0.25 x 3 reaches 1 at lambda_R = 7/18; traditional: 0.3 + lambda_R / 3.
        List<String> p = problems("parameters.creation_rd_elasticity=0.4");
        single(p, "sectors.iotf", "knowledge loop's gain is", "creation_knowledge_elasticity (0.3)",
                "creation_rd_elasticity (0.4)", "adoption_elasticity (3.0)");
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("parameters.creation_rd_elasticity=0.38")));
        assertEquals(0.66, LoopGain.of(ScenarioLoader.load(TWO_REGIONS).scenario().parameters(),
                ScenarioLoader.load(TWO_REGIONS).scenario().sectorParams(1), true), 1e-12);
    }
}
