package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.AtomicFiles;

/**
 * Golden outputs: the SHA-256 of every data file of a few fixed runs, kept in
 * {@code src/test/resources/golden/}. A restructuring must leave every hash as it is; a commit
 * that changes the model on purpose rewrites them and says why in its message.
 *
 * <p>To rewrite them after such a change, run this test with {@code -Dyrdsim.golden.update=true}
 * ({@code mvn -Dtest=GoldenOutputsTest -Dyrdsim.golden.update=true test}): it writes the new
 * hashes into the source tree and then fails, so an update never passes unnoticed.
 *
 * <p>Data files are the tables, summaries, calibration and resolved scenarios. Manifests (timing,
 * commit), reports, charts and a sweep's copy of its sweep file (an input, which names the
 * scenario by an absolute path) are not data and are left out.
 */
class GoldenOutputsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("yrdsim.golden.update");
    private static final Set<String> DATA_ENDINGS = Set.of(".csv", ".json", ".yaml");
    private static final Set<String> NOT_DATA = Set.of("manifest.json", "report.md", "sweep.yaml");

    @TempDir
    Path tmp;

    @Test
    void baselineWithTheDefaultSeed() throws IOException {
        check("run-baseline", run("baseline.yaml"));
    }

    @Test
    void twoRegions() throws IOException {
        check("run-two-regions", run("two-regions.yaml"));
    }

    @Test
    void integration() throws IOException {
        check("run-integration", run("integration.yaml"));
    }

    @Test
    void comparisonOfBaselineAndIntegration() throws IOException {
        Path out = tmp.resolve("compare");
        succeed("compare", scenario("baseline.yaml"), scenario("integration.yaml"), "--replications", "2",
                "--set", "enterprises.scale=0.1", "--out", out.toString(), "--quiet");
        check("compare-baseline-integration", out);
    }

    @Test
    void smallGridSweep() throws IOException {
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, """
                scenario: %s
                seed: 20240601
                replications: 2
                steps: 12
                set:
                  enterprises.scale: 0.05
                design:
                  type: grid
                  parameters:
                    barriers.labor.scale: {values: [0, 1]}
                    barriers.technology.scale: {values: [0.2, 0.8]}
                metrics:
                  - iotf_revenue_share.YRD
                  - iotf_revenue_share.Anhui
                  - clusters.emerged
                  - output_per_worker_cv.end
                """.formatted(scenario("baseline.yaml")));
        Path out = tmp.resolve("sweep");
        succeed("sweep", file.toString(), "--out", out.toString(), "--quiet");
        check("sweep-grid", out);
    }

    private Path run(String scenario) {
        Path out = tmp.resolve(scenario.replace(".yaml", ""));
        succeed("run", scenario(scenario), "--out", out.toString(), "--quiet");
        return out;
    }

    private static String scenario(String name) {
        return Path.of("scenarios", name).toAbsolutePath().toString();
    }

    private static void succeed(String... args) {
        Cli result = Cli.run(args);
        assertEquals(0, result.code(), () -> String.join(" ", args) + " failed: " + result.err());
    }

    /** Compares the data files of {@code dir} with {@code golden/NAME.sha256}, or rewrites it. */
    private static void check(String name, Path dir) throws IOException {
        Map<String, String> actual = dataHashes(dir);
        Path file = GOLDEN.resolve(name + ".sha256");
        if (UPDATE) {
            StringBuilder text = new StringBuilder();
            actual.forEach((path, sha) -> text.append(sha).append("  ").append(path).append('\n'));
            Files.createDirectories(GOLDEN);
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            fail("rewrote " + file + " (" + actual.size() + " files); review the change and commit it with the reason");
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                expected.put(line.substring(66), line.substring(0, 64));
            }
        }
        List<String> differences = new ArrayList<>();
        Set<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(actual.keySet());
        for (String path : paths) {
            String want = expected.get(path);
            String got = actual.get(path);
            if (want == null) {
                differences.add(path + ": new file");
            } else if (got == null) {
                differences.add(path + ": missing");
            } else if (!want.equals(got)) {
                differences.add(path + ": changed");
            }
        }
        assertEquals(List.of(), differences, () -> name + ": data files differ from " + file
                + "; a deliberate model change rewrites them with -Dyrdsim.golden.update=true and says why");
    }

    /** SHA-256 of every data file under {@code dir}, by relative path with forward slashes. */
    static Map<String, String> dataHashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String fileName = f.getFileName().toString();
                boolean data = DATA_ENDINGS.stream().anyMatch(fileName::endsWith) && !NOT_DATA.contains(fileName);
                if (data) {
                    hashes.put(dir.relativize(f).toString().replace('\\', '/'), AtomicFiles.sha256(f));
                }
            }
        }
        return hashes;
    }
}
