package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String twoRegionsWith(String from, String to) throws Exception {
        String text = Files.readString(TWO_REGIONS);
        assertTrue(text.contains(from), from);
        return text.replace(from, to);
    }

    @Test
    void everyProblemIsReportedWithFileLineColumnAndKeyPath() throws Exception {
        Path file = write("bad.yaml", twoRegionsWith("    talent: 50\n", "    talent: -5\n    talnet: 3\n")
                .replace("  labor: {scale: 1.0, default: 0.3}", "  labor: {scale: 1.0, default: high}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        List<String> lines = e.problems().stream().map(Problem::toString).toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*bad\\.yaml:\\d+:\\d+: regions\\.B\\.talnet: unknown key.*")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*bad\\.yaml:\\d+:\\d+: barriers\\.labor\\.default: expected a number.*")),
                lines.toString());
        // The range check runs once the shape is right; it names the key and the allowed range.
        Path shaped = write("range.yaml", twoRegionsWith("    talent: 50\n", "    talent: -5\n"));
        ScenarioException range = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(shaped));
        assertEquals(1, range.problems().size());
        Problem p = range.problems().get(0);
        assertEquals("regions.B.talent", p.path());
        assertTrue(p.message().contains("[0, 1e9]"), p.message());
        assertEquals(file.getParent().resolve("range.yaml").toString(), p.location().file());
        int line = Files.readAllLines(shaped).indexOf("    talent: -5") + 1;
        assertEquals(line, p.location().line());
    }

    @Test
    void overridesApplyByNameAndUnknownKeysAreReportedAtTheOverride() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(TWO_REGIONS, List.of("regions.B.talent=75",
                "barriers.labor.scale=0.5", "sectors.iotf.demand_growth=0.1", "time.steps=8"));
        assertEquals(75, loaded.scenario().regions().get(1).talent());
        assertEquals(0.5, loaded.scenario().barriers().labor().scale());
        assertEquals(0.1, loaded.scenario().sectorParams(1).demandGrowth());
        assertEquals(8, loaded.scenario().time().steps());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(TWO_REGIONS, List.of("barriers.labour.scale=0.5")));
        assertTrue(e.getMessage().startsWith("--set barriers.labour.scale=0.5: barriers.labour: unknown key"),
                e.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(TWO_REGIONS, List.of("regions.C.talent=1")));
        assertTrue(missing.getMessage().contains("no list element named 'C' (known: A, B)"), missing.getMessage());
    }

    @Test
    void extendsLaysAFileOverItsParent() throws Exception {
        Files.copy(TWO_REGIONS, tmp.resolve("base.yaml"));
        Path child = write("child.yaml", """
                extends: base.yaml
                name: child
                description: the base with open labour markets
                paper_basis: "any"
                barriers:
                  labor: {scale: 0.25}
                sources:
                  barriers.labor.scale: "assumption: a test"
                """);
        LoadedScenario loaded = ScenarioLoader.load(child);
        assertEquals("child", loaded.scenario().name());
        assertEquals(0.25, loaded.scenario().barriers().labor().scale());
        assertEquals(0.3, loaded.scenario().barriers().labor().offDiagonal(), "kept from the parent");
        assertEquals(2, loaded.scenario().regions().size());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
        assertTrue(loaded.tree().locate("barriers.labor.scale").file().endsWith("child.yaml"));
        assertTrue(loaded.tree().locate("regions.A.talent").file().endsWith("base.yaml"));
        Path loop = write("loop.yaml", "extends: loop.yaml\n");
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(loop));
    }

    @Test
    void sourcesCoverageWarnsAboutNumbersWithoutASource() throws Exception {
        Path file = write("nosource.yaml", twoRegionsWith("  barriers.capital.default: \"assumption\"\n", ""));
        LoadedScenario loaded = ScenarioLoader.load(file);
        assertEquals(1, loaded.warnings().size());
        assertEquals("barriers.capital.default", loaded.warnings().get(0).path());
        assertTrue(ScenarioLoader.load(TWO_REGIONS).warnings().isEmpty());
        assertTrue(SourceCoverage.matches("sectors.*.province_shares.*".split("\\."), 0,
                "sectors.iotf.province_shares.A".split("\\."), 0));
        assertTrue(SourceCoverage.matches("policies.**".split("\\."), 0, "policies.a.b.c".split("\\."), 0));
    }

    @Test
    void timelineRampsMoveLinearlyFromTheValueBeforeTheEvent() throws Exception {
        Path file = write("ramp.yaml", Files.readString(TWO_REGIONS) + """
                timeline:
                  - at: 2020Q3
                    ramp: 4
                    set:
                      barriers.labor.scale: 0.2
                """);
        LoadedScenario loaded = ScenarioLoader.load(file);
        TimelinePlayer player = new TimelinePlayer(loaded);
        assertNull(player.advance(0));
        assertNull(player.advance(1));
        double[] expected = {0.8, 0.6, 0.4, 0.2};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], player.advance(2 + k).barriers().labor().scale(), 1e-12);
        }
        assertNull(player.advance(6));
    }

    @Test
    void timelineEventsAreCheckedBeforeTheRun() throws Exception {
        Path file = write("badtimeline.yaml", Files.readString(TWO_REGIONS) + """
                timeline:
                  - at: 2019Q1
                    set:
                      policies.talent_program.C.wage_top_up: 0.1
                      regions.A.workers: 5
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        String all = e.getMessage();
        assertTrue(all.contains("timeline.0.at: step -4 is before the run starts"), all);
        assertTrue(all.contains("policies.talent_program.C: unknown region 'C'"), all);
        assertTrue(all.contains("timeline.0.set.regions.A.workers: a timeline may change"), all);
    }

    @Test
    void anEventAfterAShortenedRunIsAWarningNotAnError() throws Exception {
        Path file = write("late.yaml", Files.readString(TWO_REGIONS) + """
                timeline:
                  - at: 2030Q1
                    set:
                      barriers.labor.scale: 0.5
                """);
        LoadedScenario loaded = ScenarioLoader.load(file, List.of("time.steps=8"));
        List<String> late = loaded.warnings().stream().map(Problem::toString)
                .filter(w -> w.contains("after the last step")).toList();
        assertEquals(1, late.size(), loaded.warnings().toString());
        assertTrue(late.get(0).contains("timeline.0.at: step 40 (2030Q1) is after the last step of this run"), late.get(0));
        assertTrue(ScenarioLoader.load(file).warnings().stream().noneMatch(w -> w.message().contains("after the last")));
    }

    @Test
    void yamlTagsCannotInstantiateClassesAndDuplicateKeysAreErrors() throws Exception {
        Path tagged = write("tag.yaml", twoRegionsWith("name: two-regions", "name: !!javax.script.ScriptEngineManager two"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(tagged));
        assertTrue(e.getMessage().contains("name: YAML tags such as"), e.getMessage());
        Path dup = write("dup.yaml", twoRegionsWith("seed: 20200101", "seed: 20200101\nseed: 3"));
        ScenarioException d = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dup));
        assertTrue(d.getMessage().contains("seed: duplicate key"), d.getMessage());
    }
}
