package yrdsim.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.PairedDifference;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.run.Progress;

/**
 * The plan, the table and the directory rules of the channel decomposition: pure parts first,
 * then the two-region test bed with one sampled order, one seed and 2 quarters (a few seconds).
 */
class ChannelDecompositionTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    private static final Path OPEN = Path.of("src/test/resources/compare/two-regions-open.yaml");
    private static final int STEPS = 2;

    private static CompareOptions options(Path out, ChannelOptions channels) {
        return new CompareOptions(TWO_REGIONS, List.of(OPEN), 1, 11L, STEPS, 2, out,
                List.of("enterprises.scale=0.05"), false, null, channels);
    }

    @Test
    void theExactPlanRunsEverySubsetButAllOnAndTheSampledOneFewer() {
        ChannelPlan exact = ChannelPlan.of(new ChannelOptions(true, null), 1);
        assertEquals(128, exact.subsets().size());
        assertEquals(127, exact.subsetsToRun().size());
        assertFalse(exact.subsetsToRun().contains(127));
        assertEquals("exact", exact.describe().get("method"));
        assertEquals(null, exact.describe().get("order_seed"));
        assertEquals(null, ChannelPlan.of(ChannelOptions.OFF, 1));

        ChannelPlan sampled = ChannelPlan.of(new ChannelOptions(true, 3), 5);
        assertEquals(3, sampled.orders().size());
        assertTrue(sampled.subsets().size() <= 6 * 3 + 2, sampled.subsets().toString());
        assertEquals(sampled.subsets(), ChannelPlan.of(new ChannelOptions(true, 3), 5).subsets(), "reproducible");
        assertEquals(5L, sampled.describe().get("order_seed"));

        // Subset 1011111: every channel on but capital mobility, the second.
        int capitalOff = 127 & ~(1 << 1);
        assertEquals("1011111", ChannelPlan.name(capitalOff));
        assertEquals(List.of("channels.capital_mobility=false"), ChannelPlan.overrides(capitalOff));
        assertEquals(7, ChannelPlan.overrides(0).size());
        assertEquals(List.of(), ChannelPlan.overrides(127));
        assertEquals(Path.of("c", "channel-runs", "1011111", "base", "seed-4"),
                ChannelPlan.runDirectory(Path.of("c"), capitalOff, "base", 4));
    }

    @Test
    void badChannelOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChannelOptions(false, 2));
        assertTrue(e.getMessage().contains("--channel-samples needs --channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ChannelOptions(true, 0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void tableRowsAreMeansWithTheirTIntervalsAndShares() {
        double[][] shapley = new double[3][7];
        shapley[0][2] = 1;
        shapley[1][2] = 2;
        shapley[2][2] = 6;
        double[] direct = {0.5, 0.5, 0.5};
        double[] total = {1.5, 2.5, 6.5};
        ChannelOptions sampled = new ChannelOptions(true, 4);
        List<ChannelTable.Row> rows = ChannelTable.rows("p", "m", shapley, direct, total, sampled);
        assertEquals(8, rows.size());
        ChannelTable.Row technology = rows.get(2);
        assertEquals("technology", technology.channel());
        assertEquals(3, technology.mean(), 1e-12);
        PairedDifference same = PairedDifference.of(new double[3], new double[] {1, 2, 6});
        assertEquals(same.ciLow(), technology.low(), 1e-12);
        assertEquals(same.ciHigh(), technology.high(), 1e-12);
        assertEquals(3 / 3.5, technology.share(), 1e-12);
        assertEquals(3.5, technology.total(), 1e-12);
        assertEquals(4, technology.samples());
        ChannelTable.Row direct0 = rows.get(7);
        assertEquals(ChannelTable.DIRECT, direct0.channel());
        assertEquals(0.5, direct0.mean(), 0);
        assertEquals(0.5, direct0.low(), 1e-12, "no spread, a zero-width interval");
        assertEquals(0, rows.get(0).mean(), 0);

        List<ChannelTable.Row> none = ChannelTable.rows("p", "m", new double[1][7], new double[1], new double[1],
                new ChannelOptions(true, null));
        assertTrue(Double.isNaN(none.get(0).share()), "no share of a zero effect");
        assertTrue(Double.isNaN(none.get(0).low()), "no interval from one seed");
        assertEquals("exact", none.get(0).method());
        assertEquals(null, none.get(0).samples());
    }

    @Test
    void anInterruptedDecompositionKeepsItsRunsAndOtherSettingsNeedForce(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("cmp");
        ChannelOptions one = new ChannelOptions(true, 1);
        int[] last = {0, 0};
        Comparison.run(options(dir, one), (done, total) -> {
            assertTrue(done <= total, done + " of " + total);
            last[0] = done;
            last[1] = total;
        });
        int runs = Manifest.read(dir).path(ChannelDecomposition.RUNS).asInt();
        assertEquals(7 * 2, runs, "one order: 8 subsets, all-on reused, 2 scenarios, 1 seed");
        assertEquals((2 + runs) * STEPS, last[1], "one progress total over the comparison's and the channels' runs");
        assertEquals(last[1], last[0]);
        byte[] table = Files.readAllBytes(dir.resolve(ChannelTable.FILE));

        // As if killed while decomposing: the manifest says running, the table and a run are gone.
        Files.writeString(dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json")).replace("\"complete\"", "\"running\""));
        Files.delete(dir.resolve(ChannelTable.FILE));
        Path lost = ChannelPlan.runDirectory(dir, 0, "two-regions-open", 11);
        try (Stream<Path> files = Files.walk(lost)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Comparison.run(options(dir, one), Progress.NONE);
        assertArrayEquals(table, Files.readAllBytes(dir.resolve(ChannelTable.FILE)));
        assertTrue(Files.isRegularFile(lost.resolve("summary.json")), "the lost run ran again");
        assertEquals("complete", Manifest.read(dir).path("status").asText());

        // Done is done; a plain comparison or other channel settings are other work.
        int[] steps = {0};
        Comparison.run(options(dir, one), (done, total) -> steps[0] = done);
        assertEquals(0, steps[0], "nothing ran again");
        for (ChannelOptions other : List.of(ChannelOptions.OFF, new ChannelOptions(true, 2))) {
            RefusedException e = assertThrows(RefusedException.class,
                    () -> Comparison.run(options(dir, other), Progress.NONE));
            assertTrue(e.getMessage().contains("--force"), e.getMessage());
        }
    }
}
