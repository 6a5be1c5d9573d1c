package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.scenario.ScenarioLoader;

/**
 * The same scenario and seed give the same bytes in a fresh JVM. A map whose iteration order
 * changes from one JVM to the next ({@code Map.copyOf}) once made the baseline's distances, summed
 * over its cities in map order, differ in the last digit from run to run; the golden hashes
 * caught it, and these tests pin the cause and the effect.
 */
class ReproducibleAcrossJvmsTest {

    private static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    @TempDir
    Path tmp;

    @Test
    void aScenariosMapsKeepTheOrderOfTheFile() throws Exception {
        JsonNode raw = new YAMLMapper().readTree(BASELINE.toFile());
        var loaded = ScenarioLoader.load(BASELINE).scenario();
        for (int p = 0; p < loaded.regions().size(); p++) {
            List<String> written = new ArrayList<>();
            raw.path("regions").get(p).path("cities").fieldNames().forEachRemaining(written::add);
            assertEquals(written, List.copyOf(loaded.regions().get(p).cities().keySet()), "cities of region " + p);
        }
        for (int s = 0; s < loaded.sectors().size(); s++) {
            List<String> written = new ArrayList<>();
            raw.path("sectors").get(s).path("inputs").fieldNames().forEachRemaining(written::add);
            assertEquals(written, List.copyOf(loaded.sectors().get(s).inputs().keySet()), "inputs of sector " + s);
        }
    }

    @Test
    void aRunInAnotherJvmWritesTheSameData() throws Exception {
        Path here = tmp.resolve("here");
        Path there = tmp.resolve("there");
        String[] args = {"run", BASELINE.toString(), "--set", "enterprises.scale=0.03", "--steps", "8", "--quiet"};
        assertEquals(0, Cli.run(concat(args, "--out", here.toString())).code());
        Child.Output child = Child.run(Child.javaCommand(concat(args, "--out", there.toString())), tmp.resolve("logs"));
        assertEquals(0, child.code(), child.err());
        assertEquals(data(here), data(there));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Every data file's bytes by name (the manifest, with its timing, is not data). */
    private static Map<String, String> data(Path dir) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(f -> !f.getFileName().toString().equals("manifest.json")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return files;
    }
}
