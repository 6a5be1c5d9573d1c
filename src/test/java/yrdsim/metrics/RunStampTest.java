package yrdsim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's own columns: a stable, readable run id, and the same columns first in every table. */
class RunStampTest {

    @Test
    void aRunIdNamesScenarioSeedAndOverrides() {
        assertEquals("baseline-s20200101", RunStamp.runId("baseline", 20200101, List.of()));
        String what = RunStamp.runId("baseline", 20200101, List.of("barriers.labor.scale=0.5"));
        assertEquals("baseline-s20200101-set-" + RunStamp.overrideHash(List.of("barriers.labor.scale=0.5")), what);
        assertEquals(8, RunStamp.overrideHash(List.of("a=1")).length());
        // Stable: the same overrides, however spaced, give the same id; other overrides or order another.
        assertEquals(what, RunStamp.runId("baseline", 20200101, List.of(" barriers.labor.scale = 0.5")));
        assertNotEquals(what, RunStamp.runId("baseline", 20200101, List.of("barriers.labor.scale=0.4")));
        assertNotEquals(RunStamp.overrideHash(List.of("a=1", "a=2")), RunStamp.overrideHash(List.of("a=2", "a=1")));
    }

    @Test
    void everyTableStartsWithTheRunsColumnsThenItsParameters() throws IOException {
        RunStamp stamp = new RunStamp("p0003-r1", "baseline", 42, List.of("barriers.labor.scale"), List.of("0.5"));
        assertEquals(List.of("run_id", "scenario", "seed", "barriers.labor.scale", "step", "period", "factor", "origin",
                "destination", "amount"), RunTables.FLOWS.header(stamp));
        List<Object[]> rows = new ArrayList<>();
        TableSink memory = (name, columns) -> new RowSink() {
            @Override
            public void row(Object... values) {
                rows.add(values);
            }

            @Override
            public void close() {
            }
        };
        try (RowSink flows = RunTables.FLOWS.open(memory, stamp)) {
            RunTables.FLOWS.write(flows, new RunTables.FlowRow(3, "2020Q4", "talent", "A", "B", 1.5));
        }
        assertArrayEquals(new Object[] {"p0003-r1", "baseline", 42L, "0.5", 3, "2020Q4", "talent", "A", "B", 1.5},
                rows.get(0));
    }

    @Test
    void aParameterCannotTakeTheNameOfARunColumn() {
        assertThrows(IllegalArgumentException.class,
                () -> new RunStamp("x", "baseline", 1, List.of("seed"), List.of("3")));
    }
}
