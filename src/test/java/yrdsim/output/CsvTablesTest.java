package yrdsim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.metrics.RowSink;

/** CSV tables: complete under their final name only, and resumable at a checkpoint's length. */
class CsvTablesTest {

    private static final List<String> COLUMNS = List.of("step", "province", "value");

    @TempDir
    Path dir;

    @Test
    void aTableHasItsFinalNameOnlyOnceClosed() throws IOException {
        RowSink rows = new CsvTables(dir).open("provinces", COLUMNS);
        rows.row(0, "A", 1.5);
        assertFalse(Files.exists(dir.resolve("provinces.csv")));
        assertTrue(Files.exists(dir.resolve("provinces.csv.partial")));
        rows.close();
        assertEquals("step,province,value\n0,A,1.5\n", Files.readString(dir.resolve("provinces.csv")));
        assertFalse(Files.exists(dir.resolve("provinces.csv.partial")));
    }

    /**
     * Rows written after a checkpoint are cut away on resume and written again, so the file
     * equals one written without interruption, whether or not the table had been closed.
     */
    @Test
    void resumingCutsTablesBackToTheirLengthAtTheCheckpoint() throws IOException {
        byte[] straight = writeSteps(dir.resolve("straight"), 0, 10, null);
        for (boolean closedBeforeResume : new boolean[] {false, true}) {
            Path run = Files.createDirectories(dir.resolve("resumed-" + closedBeforeResume));
            CsvTables tables = new CsvTables(run);
            RowSink rows = tables.open("provinces", COLUMNS);
            for (int step = 0; step < 6; step++) {
                rows.row(step, "A", step * 0.1);
            }
            Map<String, Long> atCheckpoint = tables.sync();
            assertEquals(Files.size(run.resolve("provinces.csv.partial")), atCheckpoint.get("provinces"));
            for (int step = 6; step < 9; step++) {
                rows.row(step, "A", -999.0); // rows the interrupted run wrote after its checkpoint
            }
            if (closedBeforeResume) {
                rows.close();
            } else {
                tables.sync();
                tables.abandon();
            }
            writeSteps(run, 6, 10, atCheckpoint);
            assertArrayEquals(straight, Files.readAllBytes(run.resolve("provinces.csv")), "closed: " + closedBeforeResume);
        }
    }

    /** A run that fails keeps, in its partial table, every row written before the failure. */
    @Test
    void abandoningATableKeepsTheRowsWrittenBeforeTheFailure() throws IOException {
        CsvTables tables = new CsvTables(dir);
        RowSink rows = tables.open("provinces", COLUMNS);
        for (int step = 0; step < 41; step++) {
            rows.row(step, "A", step * 0.1);
        }
        tables.abandon();
        List<String> lines = Files.readAllLines(dir.resolve("provinces.csv.partial"));
        assertEquals(42, lines.size(), "header and the 41 rows written");
        assertEquals("40,A,4", lines.get(41));
    }

    @Test
    void resumingRefusesAFileShorterThanAtTheCheckpoint() throws IOException {
        Files.writeString(dir.resolve("provinces.csv.partial"), "step,province,value\n");
        CsvTables tables = CsvTables.resuming(dir, Map.of("provinces", 500L));
        FileSystemException e = assertThrows(FileSystemException.class, () -> tables.open("provinces", COLUMNS));
        assertTrue(e.getMessage().contains("provinces.csv"), e.getMessage());
    }

    /** A real full device behind the table's temporary name: the error names the table. */
    @Test
    void aFullDeviceNamesTheTable() throws IOException {
        Files.createSymbolicLink(dir.resolve("flows.csv.partial"), Path.of("/dev/full"));
        CsvTables tables = new CsvTables(dir);
        FileSystemException e = assertThrows(FileSystemException.class, () -> {
            RowSink rows = tables.open("flows", COLUMNS);
            for (int i = 0; i < 100_000; i++) {
                rows.row(i, "A", 1.0);
            }
            rows.close();
        });
        assertEquals(dir.resolve("flows.csv").toString(), e.getFile());
        assertTrue(e.getReason().contains("No space left on device"), e.getReason());
        assertFalse(Files.exists(dir.resolve("flows.csv")));
    }

    @Test
    void aNonFiniteNumberIsNeverWritten() throws IOException {
        RowSink rows = new CsvTables(dir).open("provinces", COLUMNS);
        assertThrows(IllegalArgumentException.class, () -> rows.row(0, "A", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> rows.row(0, "A", Double.POSITIVE_INFINITY));
        rows.close();
        assertEquals("step,province,value\n", Files.readString(dir.resolve("provinces.csv")));
    }

    private static byte[] writeSteps(Path run, int from, int to, Map<String, Long> resumeAt) throws IOException {
        Files.createDirectories(run);
        CsvTables tables = resumeAt == null ? new CsvTables(run) : CsvTables.resuming(run, resumeAt);
        try (RowSink rows = tables.open("provinces", COLUMNS)) {
            for (int step = from; step < to; step++) {
                rows.row(step, "A", step * 0.1);
            }
        }
        return Files.readAllBytes(run.resolve("provinces.csv"));
    }
}
