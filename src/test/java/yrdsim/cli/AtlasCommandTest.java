package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;

/**
 * {@code yrdsim atlas} on a reduced model (a two-hundredth of the firms, 8 quarters so the
 * policies of 2021Q1 act for a year, 2 seeds, 2 parameter draws from the shipped calibration, one
 * sampled order of the channels, a Sobol sweep of 2 base samples): it writes every file, its
 * numbers are compare's for the same policies and seeds, a killed atlas resumes to byte-identical
 * outputs, and its report has the sections and tables of docs/FINDINGS.md.
 */
class AtlasCommandTest {

    private static final List<String> SET = List.of("--set", "enterprises.scale=0.005", "--set",
            "parameters.cluster_min_firms=1");
    private static final List<String> TABLES = List.of("atlas.csv", "channels.csv", "sensitivity.csv",
            "sweep-results.csv", "provenance.json");
    private static final List<String> FILES = List.of("atlas.csv", "channels.csv", "sensitivity.csv",
            "sweep-results.csv", "provenance.json", "report.md", "report.html");
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    @TempDir
    static Path tmp;

    private static Path reference;

    private static List<String> args(Path out) throws Exception {
        Path sobol = tmp.resolve("sobol.yaml");
        if (!Files.exists(sobol)) {
            Files.writeString(sobol, """
                    scenario: %s
                    seed: 7
                    replications: 1
                    common_seeds: true
                    set:
                      enterprises.scale: 0.005
                      parameters.cluster_min_firms: 1
                      time.steps: 8
                    design:
                      type: sobol
                      samples: 2
                      parameters:
                        parameters.gibrat_sigma: {min: 0.05, max: 0.2}
                        parameters.tech_logit: {min: 3, max: 7}
                    metrics:
                      - iotf_revenue_share.YRD
                      - iotf_revenue_total_bn
                    """.formatted(Path.of("scenarios", "baseline.yaml").toAbsolutePath()));
        }
        List<String> a = new ArrayList<>(List.of("atlas", "--policy", "scenarios/integration.yaml", "--policy",
                "scenarios/flagship-support.yaml", "--steps", "8", "--replications", "2", "--parameter-draws", "2",
                "--channel-samples", "1", "--sobol", sobol.toString(), "--jobs", "2", "--out", out.toString(),
                "--quiet"));
        a.addAll(SET);
        return a;
    }

    @BeforeAll
    static void runTheReferenceAtlas() throws Exception {
        reference = tmp.resolve("reference");
        Cli r = Cli.run(args(reference).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void writesEveryFileAndVerifies() throws Exception {
        for (String f : FILES) {
            assertTrue(Files.size(reference.resolve(f)) > 0, f);
        }
        assertEquals(Manifest.COMPLETE, Manifest.read(reference).path("status").asText());
        Cli verify = Cli.run("verify", reference.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        List<CSVRecord> rows = records(reference.resolve("atlas.csv"));
        for (String policy : List.of("integration", "flagship-support")) {
            for (String metric : List.of("iotf_revenue_share.YRD", "iotf_revenue_share.Anhui", "iotf_revenue_total_bn",
                    "budget.net_cost_total_bn", "benefit_cost_ratio", "clusters.iotf_emerged", "emissions.total_mt",
                    "output_per_worker_cv.end", "iotf_sectors.future_networks.revenue_500bn_step")) {
                assertEquals(1, rows.stream().filter(r -> r.get("policy").equals(policy)
                        && r.get("metric").equals(metric)).count(), policy + " " + metric);
            }
        }
        // With draws the interval covering parameter uncertainty is at least as wide as the seed-only one.
        CSVRecord share = rows.stream().filter(r -> r.get("policy").equals("integration")
                && r.get("metric").equals("iotf_revenue_share.YRD")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(share.get("ci95_low")) <= Double.parseDouble(share.get("ci95_low_seeds_only")));
        assertTrue(Double.parseDouble(share.get("ci95_high")) >= Double.parseDouble(share.get("ci95_high_seeds_only")));
        String html = Files.readString(reference.resolve("report.html"));
        assertTrue(html.contains("Policy atlas") && html.contains("<table>"), "a rendered report");
        assertFalse(html.contains("src=\"http"), "self-contained");
        assertFalse(records(reference.resolve("channels.csv")).isEmpty());
        assertTrue(records(reference.resolve("sensitivity.csv")).size() >= 4, "2 parameters x 2 metrics");
    }

    @Test
    void badInputIsRefusedWithExitTwoNamingWhatIsWrongAndWritesNothing() throws Exception {
        Path out = tmp.resolve("refused");
        List<List<String>> cases = List.of(
                List.of("--estimates", tmp.resolve("no-calibration").toString()),
                List.of("--sobol", "scenarios/baseline.yaml"),
                List.of("--parameter-draws", "1"),
                List.of("--replications", "1"),
                List.of("--shard", "2/2"),
                List.of("--shard", "0/2", "--force"));
        List<String> named = List.of("--estimates", "--sobol", "--parameter-draws", "--replications", "shard",
                "--force");
        for (int i = 0; i < cases.size(); i++) {
            List<String> a = new ArrayList<>(List.of("atlas", "--out", out.toString()));
            a.addAll(cases.get(i));
            Cli r = Cli.run(a.toArray(String[]::new));
            assertEquals(2, r.code(), cases.get(i) + ": " + r.err());
            assertTrue(r.err().contains(named.get(i)), cases.get(i) + ": " + r.err());
            assertFalse(Files.exists(out), "nothing written for " + cases.get(i));
        }
    }

    @Test
    void byDefaultEveryScenarioBesideTheBaselineWithItsRegionsIsAMeasure() throws Exception {
        List<Path> policies = yrdsim.atlas.ShippedPolicies.beside(Path.of("scenarios", "baseline.yaml"));
        List<String> names = policies.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(13, names.size(), names.toString());
        assertFalse(names.contains("baseline.yaml"), "not the baseline itself");
        assertFalse(names.contains("two-regions.yaml"), "not a scenario of other regions");
        assertTrue(names.contains("integration.yaml") && names.contains("fragmented.yaml"), names.toString());
    }

    @Test
    void drawsCannotBeCentredOnABaselineValueOutsideTheCalibrationsBounds() throws Exception {
        Path base = tmp.resolve("steep.yaml");
        Files.writeString(base, "extends: " + Path.of("scenarios", "baseline.yaml").toAbsolutePath() + "\n"
                + "parameters:\n  tech_logit: 30\n");
        Path out = tmp.resolve("steep-atlas");
        Cli r = Cli.run("atlas", "--baseline", base.toString(), "--policy", base.toString(), "--no-sobol",
                "--steps", "8", "--replications", "2", "--parameter-draws", "2", "--out", out.toString(), "--quiet",
                "--set", "enterprises.scale=0.005");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("estimates.csv") && r.err().contains("parameters.tech_logit")
                && r.err().contains("outside the calibration's bounds"), r.err());
        assertFalse(Files.exists(out.resolve("atlas.csv")));
    }

    @Test
    void reportWritesTheSameReportAgainFromTheTables() throws Exception {
        Path copy = tmp.resolve("report-again");
        Files.createDirectories(copy);
        for (String f : TABLES) {
            Files.copy(reference.resolve(f), copy.resolve(f));
        }
        Cli r = Cli.run("report", copy.toString());
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(reference.resolve("report.md")), Files.readAllBytes(copy.resolve("report.md")));
    }

    @Test
    void itsNumbersAreWhatCompareGivesForTheSamePoliciesAndSeeds() throws Exception {
        Path cmp = tmp.resolve("compare");
        List<String> a = new ArrayList<>(List.of("compare", "scenarios/baseline.yaml", "scenarios/integration.yaml",
                "scenarios/flagship-support.yaml", "--steps", "8", "--replications", "2", "--jobs", "2", "--out",
                cmp.toString(), "--quiet"));
        a.addAll(SET);
        Cli c = Cli.run(a.toArray(String[]::new));
        assertEquals(0, c.code(), c.err());
        Map<String, CSVRecord> compare = new HashMap<>();
        records(cmp.resolve("comparison.csv")).forEach(r -> compare.put(r.get("policy") + " " + r.get("metric"), r));
        List<CSVRecord> atlas = records(reference.resolve("atlas.csv"));
        assertTrue(atlas.size() > 20);
        for (CSVRecord r : atlas) {
            CSVRecord x = compare.get(r.get("policy") + " " + r.get("metric"));
            assertNotNull(x, r.get("metric"));
            String what = r.get("policy") + " " + r.get("metric");
            assertEquals(x.get("baseline_mean"), r.get("baseline_mean"), what);
            assertEquals(x.get("policy_mean"), r.get("policy_mean"), what);
            assertEquals(x.get("mean_difference"), r.get("effect"), what);
            assertEquals(x.get("ci95_low"), r.get("ci95_low_seeds_only"), what);
            assertEquals(x.get("ci95_high"), r.get("ci95_high_seeds_only"), what);
            assertEquals(x.get("baseline_n"), r.get("baseline_reached"), what);
            assertEquals(x.get("policy_n"), r.get("policy_reached"), what);
        }
    }

    @Test
    void aKilledAtlasResumesToByteIdenticalOutputs() throws Exception {
        Path out = tmp.resolve("killed");
        Process child = Child.start(Child.javaCommand(args(out).toArray(String[]::new)), tmp.resolve("logs"));
        // Kill once a few of the comparison's runs are complete, well before the atlas ends.
        Child.killWhen(child, () -> summaries(out) >= 4, tmp.resolve("logs"));
        assertFalse(Files.exists(out.resolve("atlas.csv")), "killed before the tables");
        assertEquals(Manifest.RUNNING, Manifest.read(out).path("status").asText());

        Cli resumed = Cli.run(args(out).toArray(String[]::new));
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        Cli verify = Cli.run("verify", out.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void shardsThenTheSameCommandWithoutAShardGiveTheAtlasOfOneMachine() throws Exception {
        Path out = tmp.resolve("sharded");
        for (String shard : List.of("0/2", "1/2")) {
            List<String> a = new ArrayList<>(args(out));
            a.addAll(List.of("--shard", shard));
            Cli s = Cli.run(a.toArray(String[]::new));
            assertEquals(0, s.code(), s.err());
            assertFalse(Files.exists(out.resolve("atlas.csv")), "a shard writes no tables");
        }
        assertTrue(Files.isRegularFile(out.resolve("shards").resolve("1-of-2").resolve("manifest.json")));
        // A shard of other work (another seed) is refused, not mixed in.
        List<String> other = new ArrayList<>(args(out));
        other.addAll(List.of("--shard", "0/2", "--seed", "5"));
        Cli refused = Cli.run(other.toArray(String[]::new));
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("different atlas"), refused.err());

        Cli assembled = Cli.run(args(out).stream().filter(a -> !a.equals("--quiet")).toArray(String[]::new));
        assertEquals(0, assembled.code(), assembled.err());
        assertTrue(assembled.err().contains("0 to do"), "the sweep's runs were all done by the shards: "
                + assembled.err());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        Cli verify = Cli.run("verify", out.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void itsReportHasTheSectionsAndTablesOfTheFindings() throws Exception {
        List<String> fresh = skeleton(Files.readString(reference.resolve("report.md")));
        List<String> findings = skeleton(Files.readString(Path.of("docs", "FINDINGS.md")));
        assertEquals(fresh, findings, "docs/FINDINGS.md must have the format of the atlas's report.md");
    }

    /** The headings and the tables' header rows: the report's format without its numbers. */
    private static List<String> skeleton(String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#") || (l.startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).startsWith("| ---"))) {
                out.add(l);
            }
        }
        return out;
    }

    private static long summaries(Path out) throws Exception {
        Path runs = out.resolve("comparison").resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(runs)) {
            return walk.filter(p -> p.getFileName().toString().equals("summary.json")).count();
        }
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSV.parse(in).getRecords();
        }
    }
}
