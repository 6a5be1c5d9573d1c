package yrdsim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Comparisons of run directories for tests. */
public final class RunDirectories {

    /** The data files of a run: everything but the manifest (which holds timings). */
    public static List<String> dataFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.json")).sorted().toList();
        }
    }

    /** Asserts that two runs wrote the same data files, byte for byte. */
    public static void assertIdentical(Path a, Path b) throws IOException {
        List<String> names = dataFiles(a);
        assertEquals(names, dataFiles(b));
        assertTrue(names.contains("provinces.csv"));
        for (String name : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
        }
    }

    /**
     * Asserts that every CSV of two runs has the same shape and text cells and numbers equal to
     * a relative {@code tolerance} (absolute below magnitude 1).
     */
    public static void assertNumericallyEqual(Path a, Path b, double tolerance) throws IOException {
        for (String name : dataFiles(a)) {
            if (!name.endsWith(".csv")) {
                continue;
            }
            List<String> left = Files.readAllLines(a.resolve(name));
            List<String> right = Files.readAllLines(b.resolve(name));
            assertEquals(left.size(), right.size(), name + ": rows");
            for (int r = 0; r < left.size(); r++) {
                String[] x = left.get(r).split(",", -1);
                String[] y = right.get(r).split(",", -1);
                assertEquals(x.length, y.length, name + " row " + r);
                for (int c = 0; c < x.length; c++) {
                    if (x[c].equals(y[c])) {
                        continue;
                    }
                    double u = Double.parseDouble(x[c]);
                    double v = Double.parseDouble(y[c]);
                    assertEquals(u, v, tolerance * Math.max(1, Math.abs(u)),
                            name + " row " + r + " column " + c + ": " + left.get(0).split(",")[c]);
                }
            }
        }
    }

    private RunDirectories() {
    }
}
