package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.scenario.TimelineEvent;

/**
 * The shipped scenario library: every file in {@code scenarios/} validates without a problem or
 * a warning, runs for a few quarters (a tenth of the firms, 8 steps) to a complete run directory,
 * and, for the policy scenarios, equals the baseline until its first timeline event and departs
 * from it afterwards. Together the scenarios move every lever of MODEL.md section 5.
 */
class ShippedScenariosTest {

    private static final Path LIBRARY = Path.of("scenarios");
    private static final int STEPS = 8;
    /** A tenth of the firms: small enough to be quick, large enough for IotF entry to happen in 8 quarters. */
    private static final String SMALL = "enterprises.scale=0.1";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The levers of MODEL.md section 5, as the keys a scenario sets. */
    private static final Set<String> LEVERS = Set.of("barriers.labor.scale", "barriers.capital.scale",
            "barriers.technology.scale", "policies.common_market", "policies.division_of_labor",
            "policies.innovation_platforms", "policies.development_zones", "policies.green_development",
            "policies.flagship_support", "policies.little_giants", "policies.talent_program",
            "policies.innovation_alliances", "policies.iotf_incubation");
    private static final List<String> RUN_FILES = List.of("manifest.json", "provinces.csv", "sectors.csv", "flows.csv",
            "clusters.csv", "summary.json", "firms.csv", "scenario.resolved.yaml", "calibration.json");

    @TempDir
    Path dir;

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void theLibraryHasOneScenarioPerLeverPlusIntegrationAndFragmented() throws IOException {
        List<String> names = shipped().stream().map(f -> f.getFileName().toString()).toList();
        for (String required : List.of("baseline.yaml", "two-regions.yaml", "open-factor-markets.yaml",
                "common-market.yaml", "division-of-labor.yaml", "innovation-platforms.yaml", "development-zones.yaml",
                "green-development.yaml", "flagship-support.yaml", "little-giants.yaml", "talent-program.yaml",
                "innovation-alliances.yaml", "iotf-incubation.yaml", "integration.yaml", "fragmented.yaml")) {
            assertTrue(names.contains(required), "scenarios/" + required + " ships");
        }
        Set<String> moved = new TreeSet<>();
        for (Path file : shipped()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("#") && text.contains("How to read"),
                    file + " opens with a comment on how to read its results");
            JsonNode own = YAML.readTree(text);
            if (!Set.of("baseline.yaml", "two-regions.yaml").contains(file.getFileName().toString())) {
                assertEquals("baseline.yaml", own.path("extends").asText(), file + " extends the baseline");
                assertTrue(own.path("sources").size() > 0, file + " sources the numbers it adds");
            }
            own.path("policies").fieldNames().forEachRemaining(k -> moved.add("policies." + k));
            for (JsonNode event : own.path("timeline")) {
                event.path("set").fieldNames().forEachRemaining(key -> LEVERS.stream()
                        .filter(lever -> key.equals(lever) || key.startsWith(lever + ".")).forEach(moved::add));
            }
        }
        assertTrue(moved.containsAll(LEVERS), "levers no scenario moves: "
                + LEVERS.stream().filter(l -> !moved.contains(l)).sorted().toList());
    }

    @Test
    void everyScenarioValidatesWithoutProblemsOrWarnings() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate"));
        shipped().forEach(f -> args.add(f.toString()));
        Cli o = Cli.run(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err(), "no problems and no warnings");
        assertEquals(shipped().size(), o.out().lines().filter(l -> l.endsWith("steps)")).count(), o.out());
    }

    /**
     * Each scenario runs 8 quarters at a tenth of its firms to a complete run directory. A policy
     * scenario's sectors.csv (every cell's firms, revenue, profit, subsidies, ...) equals the
     * baseline's, row for row, before its first timeline event (same seed: the calibrated status
     * quo plus neutral levers) and differs in the last quarter.
     */
    @Test
    void everyScenarioRunsToACompleteDirectoryAndDepartsFromTheBaselineWhenItsPolicyStarts() throws IOException {
        List<String> baseline = null;
        List<Path> files = new ArrayList<>(shipped());
        files.sort((a, b) -> a.endsWith("baseline.yaml") ? -1 : b.endsWith("baseline.yaml") ? 1 : a.compareTo(b));
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".yaml", "");
            Path out = dir.resolve(name);
            Cli o = Cli.run("run", file.toString(), "--steps", Integer.toString(STEPS), "--set", SMALL, "--out",
                    out.toString(), "--threads", "1", "--quiet");
            assertEquals(0, o.code(), name + ": " + o.err());
            for (String f : RUN_FILES) {
                assertTrue(Files.exists(out.resolve(f)), name + " wrote " + f);
            }
            JsonNode manifest = YAML.readTree(out.resolve("manifest.json").toFile());
            assertEquals("complete", manifest.path("status").asText(), name + " manifest");
            LoadedScenario loaded = load(file);
            int cells = loaded.scenario().regions().size() * loaded.scenario().sectors().size();
            // Rows without the run's own columns (run_id, scenario, seed), which differ by scenario.
            List<String> sectors = Files.readAllLines(out.resolve("sectors.csv")).stream()
                    .map(line -> line.split(",", 4)[3]).toList();
            assertEquals(1 + STEPS * cells, sectors.size(), name + ": one row per step and cell");
            if (name.equals("baseline")) {
                baseline = sectors;
                continue;
            }
            if (!"baseline.yaml".equals(YAML.readTree(file.toFile()).path("extends").asText())) {
                continue;
            }
            int first = loaded.scenario().timeline().stream()
                    .mapToInt(e -> e.startStep(loaded.scenario().startPeriod())).min().orElse(0);
            int before = 1 + first * cells;
            int last = 1 + (STEPS - 1) * cells;
            assertEquals(baseline.subList(0, before), sectors.subList(0, before),
                    name + " equals the baseline before step " + first);
            assertFalse(baseline.subList(last, baseline.size()).equals(sectors.subList(last, sectors.size())),
                    name + " departs from the baseline by step " + (STEPS - 1));
        }
        assertFalse(baseline == null, "the baseline ran");
    }

    private static LoadedScenario load(Path file) {
        try {
            return ScenarioLoader.load(file, List.of(SMALL, "time.steps=" + STEPS));
        } catch (yrdsim.scenario.ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Every timeline event starts, and every ramp fits, within 8 quarters, so that short runs
     * ({@code --steps 8}, as in tests and quick comparisons) keep every shipped scenario valid.
     */
    @Test
    void timelineEventsFitAShortRun() throws IOException {
        for (Path file : shipped()) {
            LoadedScenario loaded = load(file);
            for (TimelineEvent e : loaded.scenario().timeline()) {
                int step = e.startStep(loaded.scenario().startPeriod());
                assertTrue(step < STEPS && e.ramp() <= STEPS,
                        file + ": event at " + e.at() + " ramp " + e.ramp() + " fits a run of " + STEPS + " quarters");
            }
        }
    }
}
