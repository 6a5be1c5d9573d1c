package yrdsim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import yrdsim.cli.Cli;
import yrdsim.output.AtomicFiles;

/** Small sweeps of the two-regions test bed (a few hundred firms, a few steps) and helpers to run them. */
final class SweepFixtures {

    private SweepFixtures() {
    }

    /**
     * Writes a sweep file of two-regions with {@code design} (the YAML under {@code design:},
     * indented by two spaces) into {@code dir}.
     */
    static Path sweepFile(Path dir, String name, int replications, int steps, String design) throws IOException {
        String scenario = Path.of("scenarios", "two-regions.yaml").toAbsolutePath().toString();
        String text = "scenario: " + scenario + "\n"
                + "seed: 20240601\n"
                + "replications: " + replications + "\n"
                + "steps: " + steps + "\n"
                + "set:\n"
                + "  sectors.traditional.firms: 300\n"
                + "  sectors.iotf.firms: 60\n"
                + "design:\n"
                + design.stripIndent().lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n")
                + "metrics:\n"
                + "  - iotf_revenue_share.YRD\n"
                + "  - iotf_revenue_share.A\n"
                + "  - clusters.emerged\n"
                + "  - iotf_sectors.iotf.revenue_500bn_step\n";
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** A 2 x 2 grid over the labour and technology barrier scales. */
    static final String GRID = """
            type: grid
            parameters:
              barriers.labor.scale: {values: [0, 1]}
              barriers.technology.scale: {values: [0.2, 0.8]}
            """;

    /** A Sobol design with 4 base samples over two parameters: 16 points. */
    static final String SOBOL = """
            type: sobol
            samples: 4
            parameters:
              barriers.labor.scale: {min: 0, max: 1}
              parameters.talent_mobility_ratio: {min: 1, max: 4}
            """;

    /** Runs {@code yrdsim args...} in this JVM, capturing stdout and stderr. */
    static Cli yrdsim(String... args) {
        return Cli.run(args);
    }

    /** Every file under {@code dir} with its SHA-256, by relative path. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), AtomicFiles.sha256(f));
            }
        }
        return files;
    }

    /** Number of complete run directories. */
    static long completeRuns(Path sweepDir) throws IOException {
        Path runs = sweepDir.resolve(SweepDirectory.RUNS);
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(r -> {
                try {
                    return SweepDirectory.complete(r);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }
}
