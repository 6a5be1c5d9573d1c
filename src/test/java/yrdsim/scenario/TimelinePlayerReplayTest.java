package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.DoubleNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live change recorded by the timeline player must replay: the tree it gives for saving keeps
 * the values as loaded and carries the change as a timeline event, so a run of the saved file
 * has the old value before the change and the new one from its step on.
 */
class TimelinePlayerReplayTest {

    @Test
    void savedTreeStartsFromTheLoadedValuesAndReplaysLiveChanges(@TempDir Path dir) throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("scenarios/two-regions.yaml"), List.of("time.steps=12"));
        TimelinePlayer live = new TimelinePlayer(loaded);
        for (int step = 0; step < 5; step++) {
            assertNull(live.advance(step));
        }
        live.schedule(5, "barriers.labor.scale", DoubleNode.valueOf(0.25));
        assertEquals(0.25, live.advance(5).barriers().labor().scale(), "the live change is in force at step 5");

        Path file = dir.resolve("saved.yaml");
        Files.writeString(file, live.replayable().toYaml());
        LoadedScenario saved = ScenarioLoader.load(file);
        assertEquals(1.0, saved.scenario().barriers().labor().scale(), "the saved file starts from the loaded value");

        TimelinePlayer replay = new TimelinePlayer(saved);
        for (int step = 0; step < 5; step++) {
            assertNull(replay.advance(step), "nothing changes before step 5");
        }
        Scenario atFive = replay.advance(5);
        assertNotNull(atFive);
        assertEquals(0.25, atFive.barriers().labor().scale(), "the replayed change takes effect at step 5");
    }
}
