package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits that keep a valid scenario computable. Each was found by the fuzz test as a
 * scenario that passed validation and then failed inside the model.
 */
class ScenarioLimitsTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    @TempDir
    Path tmp;

    private static List<String> problems(Path file, String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides)));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aHeadCountIsNoneOrAtLeastOnePerson() {
        assertEquals(List.of("--set regions.A.workers=0.0001: regions.A.workers: must be 0 or at least 0.001 (one "
                + "person; the unit is thousand persons), got 1.0E-4"), problems(TWO_REGIONS, "regions.A.workers=0.0001"));
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("regions.A.talent=0")));
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("regions.A.talent=0.001")));
    }

    @Test
    void aNumberTooCloseToZeroToComputeWithIsRefused() {
        assertEquals(List.of("--set sectors.traditional.revenue=1e-320: sectors.traditional.revenue: is too close to 0 "
                        + "to compute with (write 0, or a number of magnitude at least 1e-12), got 1.0E-320"),
                problems(TWO_REGIONS, "sectors.traditional.revenue=1e-320"));
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("sectors.traditional.revenue=1e-12")));
    }

    @Test
    void theLowerSizeTailCannotReachSizesThatUnderflow() {
        assertEquals(1, problems(TWO_REGIONS, "enterprises.size_lower_exponent=0.01").size());
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS, List.of("enterprises.size_lower_exponent=0.1")));
    }

    @Test
    void aRunCannotStartWithMoreEnterprisesThanFitInMemory() {
        List<String> p = problems(TWO_REGIONS, "sectors.traditional.firms=20000000", "enterprises.scale=2");
        assertEquals(1, p.size(), p.toString());
        assertEquals(true, p.get(0).contains("enterprises.scale: the run would start with 40000400 enterprises"), p.get(0));
    }

    /** Deleting the line 'time:' folds its keys into the text above; the section is then missing, not null. */
    @Test
    void aMissingSectionIsAProblemAtTheScenariosOwnLocation() throws IOException {
        Path file = tmp.resolve("no-time.yaml");
        Files.writeString(file, Files.readString(TWO_REGIONS).replace("time:\n", ""));
        List<String> p = problems(file);
        // The scenario's own location is its first key, 'name:', after the header comment.
        int nameLine = Files.readAllLines(file).indexOf("name: two-regions") + 1;
        assertEquals(List.of(file + ":" + nameLine + ":1: time: missing required key"), p);
    }
}
