package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RunStamp;
import yrdsim.model.YrdModel;
import yrdsim.output.CsvTables;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioLoader;

/** "Save scenario" writes a valid, source-covered scenario that replays the live changes. */
class ScenarioSaverTest {

    @Test
    void savedScenarioIsValidAndReplaysTheRun(@TempDir Path dir) throws Exception {
        YrdModel m = LeverPanelTest.model("scenarios/two-regions.yaml", List.of("time.steps=10"));
        Path tables = Files.createDirectories(dir.resolve("live"));
        // Stamped as the replay of the saved scenario will be: the same run under the saved file's name.
        Recorder recorder = new Recorder(new CsvTables(tables), 0, RunStamp.of("my-experiment-s5", "my-experiment", 5));
        m.addObserver(recorder);
        m.start();
        LeverPanel levers = new LeverPanel(() -> m);
        for (int step = 0; step < 10; step++) {
            if (step == 3) {
                levers.set("barriers.technology.scale", 0.2);
                levers.set("policies.innovation_alliances.members", true);
                levers.set("policies.innovation_alliances.spillover_boost", 0.5);
            }
            levers.commit();
            m.schedule.step(m);
        }
        recorder.finish(m);
        Path file = dir.resolve("my-experiment.yaml");
        ScenarioSaver.save(m, file);

        LoadedScenario saved = ScenarioLoader.load(file);
        assertEquals("my-experiment", saved.scenario().name(), "named after the file");
        assertEquals(5, saved.scenario().seed());
        assertTrue(saved.warnings().isEmpty(), "every number has a source: " + saved.warnings());
        assertEquals(3, saved.scenario().timeline().size());
        assertEquals(1.0, saved.scenario().barriers().technology().scale(), "starts from the loaded value");
        assertTrue(saved.scenario().description().startsWith("Saved from yrdsim gui after 10 steps of two-regions"));

        Path replay = Runner.run(RunOptions.of(file).withOut(dir.resolve("replay")), Progress.NONE).directory();
        for (String table : List.of("provinces", "sectors", "flows", "clusters", "firms")) {
            assertArrayEquals(Files.readAllBytes(tables.resolve(table + ".csv")),
                    Files.readAllBytes(replay.resolve(table + ".csv")), table + ".csv differs");
        }
    }

    @Test
    void aFileNameThatIsNoScenarioNameKeepsTheOriginalName() {
        assertEquals("baseline-gui", ScenarioSaver.nameFor(Path.of("my run!.yaml"), "baseline"));
        assertEquals("policy.v2", ScenarioSaver.nameFor(Path.of("dir/policy.v2.yml"), "baseline"));
    }
}
