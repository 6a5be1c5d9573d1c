package yrdsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.cli.Cli;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.YrdModel;
import yrdsim.output.Manifest;

/**
 * A numeric guard tripping inside a real run: exit 1 with one line naming step, province and
 * variable, the directory marked failed, and no table holding NaN or Infinity. The run is
 * poisoned through its checkpoint, the one place a test can reach a running model.
 */
class GuardedRunTest {

    @TempDir
    Path tmp;

    @Test
    void aGuardMarksTheRunFailedAndNoTableHoldsANonFiniteNumber() throws Exception {
        Path dir = tmp.resolve("run");
        RunOptions o = new RunOptions(Path.of("scenarios/two-regions.yaml"), List.of("enterprises.scale=0.2"), 9L, 12,
                1, EnterpriseEngine.Kind.FAST, dir, false, 0, 4, true);
        assertThrows(RuntimeException.class, () -> Runner.run(o, (done, total) -> {
            if (done == 6) {
                throw new IllegalStateException("stop here");
            }
        }));
        Checkpoint checkpoint = Checkpoint.read(dir);
        YrdModel model = checkpoint.model();
        assertEquals(4, model.step());
        model.engine().forEach(f -> {
            if (f.province() == 0 && f.id() % 3 == 0) {
                f.setPlan(Double.NaN, Double.NaN);
            }
        });
        Checkpoint.write(dir, model, checkpoint.recorder(), checkpoint.tableBytes());
        model.finish();

        Cli resumed = Cli.run("resume", dir.toString(), "--quiet");

        String expected = "step 4 (2021Q1), province A: interest_rate is not a number (NaN)";
        assertEquals(1, resumed.code());
        assertEquals("yrdsim: run failed: " + expected + "\n", resumed.err());
        JsonNode manifest = Manifest.read(dir);
        assertEquals(Manifest.FAILED, manifest.path("status").asText());
        assertEquals(expected, manifest.path("error").asText());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertFalse(name.endsWith(".csv") || name.equals("summary.json"), "looks complete: " + name);
                if (name.contains(".csv")) {
                    String text = Files.readString(file);
                    assertFalse(text.contains("NaN") || text.contains("Infinity"), name);
                    assertTrue(text.startsWith("run_id,scenario,seed,step,"), name);
                }
            }
        }
    }
}
