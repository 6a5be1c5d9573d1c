package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RunStamp;
import yrdsim.output.CsvTables;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/**
 * A run with the GUI attached, with levers moved in the Model tab between steps, writes the same
 * tables byte for byte as a headless run of the scenario the GUI saves: the GUI only reads the
 * model, and the saved scenario replays every lever change at its step. The GUI runs on two
 * threads and the headless run on one.
 */
class GuiReplayTest {

    private static final List<String> TABLES = List.of("provinces", "sectors", "flows", "clusters", "firms");

    @Test
    void runWithTheGuiEqualsHeadlessRunOfTheSavedScenario(@TempDir Path dir) throws Exception {
        Path guiTables = Files.createDirectories(dir.resolve("gui"));
        Path saved = dir.resolve("replay.yaml");
        try (Gui g = Gui.open(Gui.TWO_REGIONS, List.of("time.steps=24"), 11, 2)) {
            // Stamped as the headless replay of the saved scenario will be (it is named after its file).
            Recorder recorder = new Recorder(new CsvTables(guiTables), 0, RunStamp.of("replay-s11", "replay", 11));
            g.gui.model().addObserver(recorder);
            g.playUntil(6);
            g.typeInModelTab("Barrier scale: workers and talent", "0.4");
            g.typeInModelTab("Talent programme: wage top-up", "0.2");
            g.playUntil(13);
            g.typeInModelTab("IotF subsidy (output, every IotF sector)", "0.05");
            g.typeInModelTab("Barrier scale: capital", "0.5");
            g.typeInModelTab("Barrier scale: capital", "0.3");
            g.playToEnd();
            assertEquals(24, g.gui.model().step(), "the run stops at time.steps");
            recorder.finish(g.gui.model());
            g.gui.saveScenario(saved);
            // One change per lever and step: the capital barrier moved twice before step 13.
            assertEquals(4, g.gui.levers().getLiveChanges());
        }

        Path headless = Runner.run(RunOptions.of(saved).withOut(dir.resolve("headless")), Progress.NONE).directory();
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(guiTables.resolve(table + ".csv")),
                    Files.readAllBytes(headless.resolve(table + ".csv")), table + ".csv differs");
        }

        // The lever changes mattered: without them the run differs.
        Path unchanged = Runner.run(new RunOptions(Gui.TWO_REGIONS, List.of("time.steps=24"), 11L, null, 1,
                yrdsim.model.EnterpriseEngine.Kind.FAST, dir.resolve("unchanged"), false, 0, 0, true),
                Progress.NONE).directory();
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(headless.resolve("provinces.csv")),
                Files.readAllBytes(unchanged.resolve("provinces.csv"))), "the live changes changed the run");
    }
}
