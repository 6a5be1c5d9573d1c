package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input–output links and IotF adoption links between sectors, and a region's workers or
 * wage, are refused with the file, line and key when they cannot mean anything: the model would
 * otherwise fail in calibration with an index error or an empty demand.
 */
class SectorLinksValidationTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    @TempDir
    Path tmp;

    /** The problems of two-regions.yaml with {@code from} replaced by {@code to} (which must occur once). */
    private List<String> problems(String from, String to) throws IOException {
        String text = Files.readString(TWO_REGIONS);
        assertEquals(text.indexOf(from), text.lastIndexOf(from), "edit '" + from + "' must be unique");
        assertTrue(text.contains(from), from);
        Path file = tmp.resolve("edited.yaml");
        Files.writeString(file, text.replace(from, to));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static void single(List<String> problems, String... parts) {
        assertEquals(1, problems.size(), problems.toString());
        for (String part : parts) {
            assertTrue(problems.get(0).contains(part), problems.get(0) + " lacks " + part);
        }
    }

    @Test
    void theEditedBaseFileIsValid() {
        assertDoesNotThrow(() -> ScenarioLoader.load(TWO_REGIONS));
    }

    @Test
    void anInputFromAnUnknownSectorIsNamed() throws IOException {
        single(problems("    firms: 2000\n    province_shares: {A: 0.5, B: 0.5}\n    inputs: {traditional: 0.3}",
                "    firms: 2000\n    province_shares: {A: 0.5, B: 0.5}\n    inputs: {steel: 0.3}"),
                "edited.yaml:42:", "inputs.steel", "unknown sector 'steel'");
    }

    @Test
    void inputCoefficientsMayNotExceedAllIntermediateSpending() throws IOException {
        single(problems("    firms: 2000\n    province_shares: {A: 0.5, B: 0.5}\n    inputs: {traditional: 0.3}",
                "    firms: 2000\n    province_shares: {A: 0.5, B: 0.5}\n    inputs: {traditional: 0.7, iotf: 0.6}"),
                "inputs", "sum to at most 1", "1.3");
    }

    @Test
    void anIotfSectorReplacesATraditionalInput() throws IOException {
        single(problems("    replaces: traditional", "    replaces: iotf"), "replaces", "'iotf' is IotF");
        single(problems("    replaces: traditional", "    replaces: steel"), "replaces", "unknown sector 'steel'");
    }

    @Test
    void aSectorThatSuppliesUsersNamesTheInputItReplaces() throws IOException {
        single(problems("    replaces: traditional\n", ""), "replaces", "must name the traditional input");
    }

    @Test
    void onlyAnIotfSectorSupplies() throws IOException {
        single(problems("    inputs: {traditional: 0.3}\n  - name: iotf",
                "    inputs: {traditional: 0.3}\n    supplies: [iotf]\n    replaces: traditional\n  - name: iotf"),
                "only an IotF sector supplies");
    }

    @Test
    void anAdoptionShareNeedsUsersToAdoptIt() throws IOException {
        single(problems("    supplies: [traditional]\n    replaces: traditional\n", "    adoption_share: 0.2\n"),
                "adoption_share", "lists no user sector");
        // The IotF default (0.3) does not apply to a sector that supplies no one: that file is valid.
        Path file = tmp.resolve("no-users.yaml");
        Files.writeString(file, Files.readString(TWO_REGIONS).replace("    supplies: [traditional]\n    replaces: traditional\n", ""));
        assertDoesNotThrow(() -> ScenarioLoader.load(file));
    }

    @Test
    void aRegionGivesWorkersOrAWageButNotBoth() throws IOException {
        single(problems("    workers: 1000\n    talent: 100", "    workers: 1000\n    wage: 90000\n    talent: 100"),
                "regions.A", "either workers");
        single(problems("    workers: 1000\n    talent: 100", "    talent: 100"), "regions.A", "either workers");
    }
}
