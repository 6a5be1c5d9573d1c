package yrdsim.output;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import yrdsim.metrics.RunTables;
import yrdsim.metrics.TableLayout;

/**
 * The per-step tables of many runs stacked into one file each, {@code timeseries/NAME.csv}: the
 * header once, then every run's rows in the order the runs are given. Every row already names
 * its run ({@code run_id}, {@code scenario}, {@code seed}, a sweep's parameters), so the stacked
 * table needs nothing else. Files are copied byte for byte as streams: memory stays flat however
 * many runs there are, and the result depends only on the runs' files and their order.
 */
public final class CombinedTables {

    /** The directory, inside a comparison or sweep directory, that holds the combined tables. */
    public static final String DIRECTORY = "timeseries";

    private CombinedTables() {
    }

    /** The combined files, relative to the comparison or sweep directory: {@code timeseries/provinces.csv} and so on. */
    public static List<String> files() {
        List<String> files = new ArrayList<>();
        for (TableLayout<?> table : RunTables.SERIES) {
            files.add(DIRECTORY + "/" + table.name() + ".csv");
        }
        return files;
    }

    /**
     * Writes {@code timeseries/} in {@code dir} from the run directories {@code runs}, in that
     * order. Each file is written under a temporary name and renamed when whole.
     *
     * @throws IOException a run lacks a table, or its header differs from the first run's (naming both)
     */
    public static void write(Path dir, List<Path> runs) throws IOException {
        Path target = Files.createDirectories(dir.resolve(DIRECTORY));
        for (TableLayout<?> table : RunTables.SERIES) {
            String name = table.name() + ".csv";
            AtomicFiles.write(target.resolve(name), out -> stack(name, runs, out));
        }
    }

    /** Writes the header of the first run's {@code name}, then every run's rows. */
    private static void stack(String name, List<Path> runs, OutputStream out) throws IOException {
        byte[] header = null;
        Path first = null;
        for (Path run : runs) {
            Path source = run.resolve(name);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(source), 1 << 16)) {
                byte[] own = headerLine(in);
                if (header == null) {
                    header = own;
                    first = source;
                    out.write(header);
                } else if (!Arrays.equals(header, own)) {
                    throw new IOException(source + " has other columns than " + first + " ("
                            + new String(own, StandardCharsets.UTF_8).trim() + "), so the two cannot be stacked");
                }
                in.transferTo(out);
            }
        }
    }

    /** The first line of {@code in}, with its line end. */
    private static byte[] headerLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }
}
