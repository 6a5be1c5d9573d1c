package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.Recorder;
import yrdsim.model.YrdModel;
import yrdsim.output.CsvTables;

/** The clusters the map highlights are the ones clusters.csv records. */
class ClusterWatchTest {

    @Test
    void watchSeesTheRecordersClusterEvents(@TempDir Path dir) throws Exception {
        YrdModel m = LeverPanelTest.model("scenarios/baseline.yaml", List.of("enterprises.scale=0.02", "time.steps=20"));
        Recorder recorder = new Recorder(new CsvTables(dir), 0);
        m.addObserver(recorder);
        m.start();
        ClusterWatch watch = new ClusterWatch();
        watch.start(m);
        for (int step = 0; step < 20; step++) {
            m.schedule.step(m);
            watch.observe(m);
        }
        recorder.finish(m);
        List<String> rows = Files.readAllLines(dir.resolve("clusters.csv"));
        long emerged = rows.stream().filter(r -> r.contains(",cluster_emerged,")).count();
        long dissolved = rows.stream().filter(r -> r.contains(",cluster_dissolved,")).count();
        assertTrue(emerged > 0, "the test needs clusters to emerge in 20 steps");
        assertEquals(emerged, watch.emerged());
        assertEquals(emerged - dissolved, watch.active());
        for (String row : rows) {
            if (row.contains(",cluster_emerged,")) {
                // run_id, scenario, seed, step, period, province, sector, ...
                String[] cols = row.split(",");
                int c = m.structure().cell(m.scenario().regionIndex(cols[5]), m.scenario().sectorIndex(cols[6]));
                boolean dissolvedLater = rows.stream().anyMatch(r -> r.contains("," + cols[5] + "," + cols[6]
                        + ",cluster_dissolved,"));
                assertEquals(!dissolvedLater, watch.isActive(c), cols[5] + " " + cols[6]);
            }
        }
    }
}
