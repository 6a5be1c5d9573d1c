package yrdsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.cli.Cli;
import yrdsim.compare.ComparisonTable;
import yrdsim.metrics.SummaryKeys;
import yrdsim.output.Json;

/**
 * docs/DATA.md is what the generator writes from the declarations now, and it agrees with the
 * headers of a real run, comparison and sweep (with series): every CSV file they write is
 * documented, with the columns it has, in order; summary.json has the documented keys.
 *
 * <p>After a declaration changed, rewrite the dictionary with
 * {@code mvn -Dtest=DataDictionaryTest -Dyrdsim.docs.update=true test}; it then fails once, so an
 * update never passes unnoticed.
 */
class DataDictionaryTest {

    private static final Path SAMPLE = Path.of("scenarios/two-regions.yaml");
    private static final boolean UPDATE = Boolean.getBoolean("yrdsim.docs.update");

    @TempDir
    static Path tmp;

    private static List<DataDictionary.TableDoc> run;

    @BeforeAll
    static void generate() throws Exception {
        run = DataDictionary.runTables(SAMPLE);
    }

    @Test
    void theDictionaryIsWhatTheGeneratorWritesNow() throws Exception {
        String generated = DataDocument.markdown(SAMPLE);
        if (UPDATE) {
            Files.writeString(DataDictionary.FILE, generated, StandardCharsets.UTF_8);
            fail("rewrote " + DataDictionary.FILE + "; review and commit it");
        }
        String committed = Files.exists(DataDictionary.FILE) ? Files.readString(DataDictionary.FILE) : "";
        assertEquals(generated, committed, DataDictionary.FILE + " is not what the declarations give now; regenerate "
                + "it with: " + DataDictionary.REGENERATE);
    }

    @Test
    void itAgreesWithTheHeadersOfARunAComparisonAndASweep() throws Exception {
        Path runDir = tmp.resolve("run");
        succeed("run", SAMPLE.toString(), "--steps", "3", "--set", "enterprises.scale=0.3", "--out", runDir.toString(),
                "--quiet");
        assertHeaders(runDir, run, List.of());

        Path compare = tmp.resolve("compare");
        succeed("compare", SAMPLE.toString(), SAMPLE.toString(), "--replications", "1", "--steps", "3", "--set",
                "enterprises.scale=0.3", "--out", compare.toString(), "--quiet");
        List<DataDictionary.TableDoc> comparison = new ArrayList<>();
        for (DataDictionary.TableDoc t : DataDictionary.comparisonTables(run)) {
            if (t.path().equals(ComparisonTable.FILE)) {
                // Without --parameter-draws comparison.csv has no columns of parameter uncertainty.
                comparison.add(new DataDictionary.TableDoc(t.path(), t.about(), t.columns().stream()
                        .filter(c -> !ComparisonTable.DRAW_COLUMNS.contains(c.name())).toList()));
            } else if (!t.path().equals(ComparisonTable.DRAWS_FILE)) {
                comparison.add(t);
            }
        }
        for (DataDictionary.TableDoc t : run) {
            comparison.add(new DataDictionary.TableDoc("runs/two-regions/seed-20200101/" + t.path(), t.about(),
                    t.columns()));
            comparison.add(new DataDictionary.TableDoc("runs/two-regions-2/seed-20200101/" + t.path(), t.about(),
                    t.columns()));
        }
        assertHeaders(compare, comparison, List.of());

        // With parameter draws: every column of comparison.csv, and draws.csv.
        Path calibration = tmp.resolve("calibration");
        Files.createDirectories(calibration);
        Files.writeString(calibration.resolve("estimates.csv"), """
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,0.1,0.03,0.03,0.3,0.1,FALSE
                """);
        Files.writeString(calibration.resolve("covariance.csv"), """
                parameter,parameters.gibrat_sigma
                parameters.gibrat_sigma,0.0009
                """);
        Path drawn = tmp.resolve("compare-draws");
        succeed("compare", SAMPLE.toString(), SAMPLE.toString(), "--replications", "2", "--steps", "3", "--set",
                "enterprises.scale=0.3", "--parameter-draws", "2", "--estimates", calibration.toString(), "--out",
                drawn.toString(), "--quiet");
        List<DataDictionary.TableDoc> withDraws = new ArrayList<>(DataDictionary.comparisonTables(run));
        for (String label : List.of("two-regions", "two-regions-2")) {
            for (String seed : List.of("20200101", "20200102")) {
                for (DataDictionary.TableDoc t : run) {
                    withDraws.add(new DataDictionary.TableDoc("runs/" + label + "/seed-" + seed + "/" + t.path(),
                            t.about(), t.columns()));
                }
            }
        }
        assertHeaders(drawn, withDraws, List.of("parameters.gibrat_sigma"));

        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, """
                scenario: %s
                seed: 3
                replications: 1
                steps: 3
                set:
                  enterprises.scale: 0.3
                design:
                  type: sobol
                  samples: 2
                  parameters:
                    barriers.labor.scale: {min: 0, max: 1}
                    barriers.technology.scale: {min: 0, max: 1}
                metrics:
                  - iotf_revenue_share.YRD
                """.formatted(SAMPLE.toAbsolutePath()));
        Path sweep = tmp.resolve("sweep");
        succeed("sweep", file.toString(), "--keep", "series", "--out", sweep.toString(), "--quiet");
        List<DataDictionary.TableDoc> sweepDocs = new ArrayList<>(DataDictionary.sweepTables(run));
        for (DataDictionary.TableDoc t : run.stream().filter(t -> !t.path().equals("firms.csv")).toList()) {
            sweepDocs.add(new DataDictionary.TableDoc("runs/*/" + t.path(), t.about(),
                    withParameters(t.columns())));
        }
        assertHeaders(sweep, sweepDocs, List.of("barriers.labor.scale", "barriers.technology.scale"),
                "iotf_revenue_share.YRD");

        JsonNode summary = Json.MAPPER.readTree(runDir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertEquals(SummaryKeys.ALL.stream().map(SummaryKeys.Key::name).toList(), keys,
                "summary.json's top-level keys are declared in yrdsim.metrics.SummaryKeys; declare a new one there, "
                        + "then regenerate docs/DATA.md with: " + DataDictionary.REGENERATE);
    }

    /** A run table's columns with the sweep's parameters after the run's own columns. */
    private static List<DataDictionary.ColumnDoc> withParameters(List<DataDictionary.ColumnDoc> columns) {
        List<DataDictionary.ColumnDoc> out = new ArrayList<>(columns);
        out.add(3, new DataDictionary.ColumnDoc(DataDictionary.PARAMETERS, "", "", ""));
        return out;
    }

    private static void assertHeaders(Path dir, List<DataDictionary.TableDoc> docs, List<String> parameters,
                                      String... metrics) throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (DataDictionary.TableDoc t : docs) {
            List<String> names = new ArrayList<>();
            for (String name : t.names()) {
                if (name.equals(DataDictionary.PARAMETERS)) {
                    names.addAll(parameters);
                } else if (name.equals(DataDictionary.METRICS)) {
                    names.addAll(List.of(metrics));
                } else {
                    names.add(name);
                }
            }
            documented.put(t.path(), names);
        }
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path csv : walk.filter(p -> p.toString().endsWith(".csv")).toList()) {
                String relative = dir.relativize(csv).toString().replace('\\', '/');
                found.put(relative.replaceFirst("^runs/p\\d+-r\\d+/", "runs/*/"), header(csv));
            }
        }
        assertTrue(found.size() > 3, dir + ": " + found.keySet());
        for (Map.Entry<String, List<String>> f : found.entrySet()) {
            List<String> want = documented.get(f.getKey());
            if (want == null) {
                fail(dir + "/" + f.getKey() + " is not in docs/DATA.md; list its table in RunTables.ALL (and say "
                        + "what a row is in DataDictionary.ABOUT), then regenerate with: " + DataDictionary.REGENERATE);
            }
            assertEquals(want, f.getValue(), dir + "/" + f.getKey() + ": its header differs from docs/DATA.md; "
                    + "regenerate with: " + DataDictionary.REGENERATE);
        }
    }

    private static List<String> header(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return List.of(in.readLine().split(",", -1));
        }
    }

    private static void succeed(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + ": " + r.err());
    }
}
