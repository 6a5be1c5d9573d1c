package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The declaration table covers every lever and parameter a scenario can hold, and the validator
 * checks exactly the ranges it declares.
 */
class DeclarationsTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    /** A declared pattern as a source-style glob ({@code *} for every placeholder). */
    private static String[] glob(String pattern) {
        return pattern.replaceAll("\\{[a-z]+}", "*").split("\\.");
    }

    private static boolean declared(String path) {
        return Declarations.ALL.stream().flatMap(d -> d.paths().stream())
                .anyMatch(p -> SourceCoverage.matches(glob(p), 0, path.split("\\."), 0));
    }

    private static void numbers(JsonNode node, String path, List<String> out) {
        if (node.isNumber()) {
            out.add(path);
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> numbers(e.getValue(), YamlSource.join(path, e.getKey()), out));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    numbers(node.get(i), YamlSource.join(path, Integer.toString(i)), out);
                }
            }
        }
    }

    @Test
    void everyNumberOfTheDefaultsIsDeclared() throws Exception {
        JsonNode root = ScenarioTree.parse("name: x", "x").root();
        List<String> numbers = new ArrayList<>();
        for (String section : List.of("enterprises", "policies", "parameters")) {
            numbers(root.get(section), section, numbers);
        }
        assertTrue(numbers.size() > 60, numbers.toString());
        for (String path : numbers) {
            assertTrue(declared(path), path + " has a default in defaults.yaml but no row in Declarations");
        }
    }

    @Test
    void everyParameterTheModelReadsIsDeclared() {
        Set<String> keys = new HashSet<>(SchemaCheck.keys(Parameters.class).keySet());
        keys.remove("sector_defaults");
        for (String key : keys) {
            assertTrue(declared("parameters." + key) || declared("parameters." + key + ".0"),
                    "Parameters." + key + " has no row in Declarations");
        }
        for (String key : SchemaCheck.keys(SectorParams.class).keySet()) {
            assertTrue(declared("parameters.sector_defaults.iotf." + key), "sector parameter " + key);
            assertTrue(declared("sectors.0." + key), "a sector's own " + key);
        }
        for (String key : SchemaCheck.keys(EnterpriseSpec.class).keySet()) {
            assertTrue(declared("enterprises." + key), "enterprises." + key);
        }
    }

    /** Every declared path leads into the scenario schema (its fixed part exists in the defaults). */
    @Test
    void everyDeclarationLeadsSomewhere() throws Exception {
        JsonNode root = ScenarioTree.parse("name: x", "x").root();
        Set<String> canonical = new HashSet<>();
        for (Declaration d : Declarations.ALL) {
            assertTrue(canonical.add(d.path()), "declared twice: " + d.path());
            for (String path : d.paths()) {
                JsonNode node = root;
                for (String segment : path.split("\\.")) {
                    if (segment.startsWith("{") || segment.equals("*") || path.startsWith("sectors.")
                            || path.startsWith("barriers.")) {
                        break;
                    }
                    node = node.get(segment);
                    assertNotNull(node, path + ": no " + segment + " in the defaults");
                }
            }
        }
    }

    /** For every declared number: just outside its range is refused at its path, naming the range. */
    @Test
    void theValidatorRefusesEveryDeclaredRangeAtItsEnds() {
        for (Declaration d : Declarations.ALL) {
            if (d.type() != Declaration.Type.NUMBER) {
                continue;
            }
            String path = concrete(d.path());
            Range r = d.valid();
            double below = r.minOpen() ? r.min() : r.min() - Math.max(1e-9, Math.abs(r.min()) * 1e-6);
            double beyond = r.maxOpen() ? r.max() : r.max() + Math.max(1e-9, Math.abs(r.max()) * 1e-6);
            for (double outside : new double[] {below, beyond}) {
                List<String> problems = problems(path + "=" + outside);
                if (problems.stream().anyMatch(p -> p.contains("expected a whole number"))) {
                    // A count: the nearest whole number outside.
                    problems = problems(path + "=" + Range.number(outside < r.min() ? r.min() - 1 : r.max() + 1));
                }
                assertTrue(problems.stream().anyMatch(p -> p.contains(": " + path + ": must be in " + r)),
                        path + "=" + outside + " gives " + problems);
            }
        }
    }

    @Test
    void unknownRegionsAndSectorsInDeclaredKeysAndListsAreNamedOnce() {
        assertEquals(List.of("--set policies.talent_program.C.wage_top_up=0.1: policies.talent_program.C: "
                + "unknown region 'C' (known: A, B)"), problems("policies.talent_program.C.wage_top_up=0.1"));
        assertEquals(List.of("--set policies.flagship_support.sectors=[iotf, biotech]: "
                + "policies.flagship_support.sectors.1: unknown sector 'biotech' (known: traditional, iotf)"),
                problems("policies.flagship_support.sectors=[iotf, biotech]"));
    }

    @Test
    void aSliderNarrowerThanTheValidRangeSaysWhy() {
        Declaration labour = Declarations.at("barriers.labor.scale");
        assertEquals(Range.closed(0, 100), labour.valid());
        assertEquals(Range.closed(0, 2), labour.sliderRange());
        assertTrue(labour.tooltip().contains("valid [0, 100], slider [0, 2]: above 2"), labour.tooltip());
        assertThrows(IllegalArgumentException.class, () -> labour.slider(0, 1, " "));
        for (Declaration d : Declarations.ALL) {
            if (d.slider() != null) {
                assertTrue(d.valid().contains(d.slider().min()) && d.valid().contains(d.slider().max()),
                        d.path() + ": the slider stays inside the valid range");
            }
        }
    }

    /** The path with region A, sector iotf, kind iotf: the two-regions scenario's names. */
    static String concrete(String pattern) {
        return pattern.replace("{region}", "A").replace("{sector}", "iotf").replace("{kind}", "iotf")
                .replace("*", "0");
    }

    private static List<String> problems(String override) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(TWO_REGIONS, List.of(override)), override);
        assertFalse(e.problems().isEmpty());
        return e.problems().stream().map(Problem::toString).toList();
    }
}
