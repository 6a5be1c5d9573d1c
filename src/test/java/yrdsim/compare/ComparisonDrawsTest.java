package yrdsim.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.output.Verification;
import yrdsim.run.Progress;

/**
 * {@code compare --parameter-draws}: a reduced comparison (the two-region test bed, 6 quarters,
 * a third of the firms, 2 seeds, 3 draws: 16 runs of a fraction of a second) writes the columns
 * of parameter uncertainty; with a zero covariance its intervals are the seed-only ones, with a
 * positive one they are wider where the effect depends on the parameters, never narrower; the
 * seed-only interval is that of an ordinary comparison at the estimates; and it resumes, keeps
 * a finished comparison and verifies like every other.
 */
class ComparisonDrawsTest {

    private static final Path TWO_REGIONS = Path.of("scenarios/two-regions.yaml");
    private static final Path OPEN = Path.of("src/test/resources/compare/two-regions-open.yaml");
    private static final List<String> SMALL = List.of("enterprises.scale=0.3");
    private static final double[] ESTIMATE = {0.1, 0.01};

    @TempDir
    static Path tmp;

    private static Path wide;
    private static Path none;
    private static Path plain;

    /**
     * A calibration directory with estimates.csv and covariance.csv for the growth shocks and
     * the exit hazard, their standard errors {@code se}.
     */
    static Path calibration(Path dir, double seSigma, double seExit) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("estimates.csv"), """
                parameter,estimate,standard_error,lower_bound,upper_bound,start,at_bound
                parameters.gibrat_sigma,%s,%s,0.03,0.3,0.1,FALSE
                parameters.exit_hazard,%s,%s,0.001,0.05,0.005,FALSE
                """.formatted(ESTIMATE[0], seSigma, ESTIMATE[1], seExit));
        Files.writeString(dir.resolve("covariance.csv"), """
                parameter,parameters.gibrat_sigma,parameters.exit_hazard
                parameters.gibrat_sigma,%s,0
                parameters.exit_hazard,0,%s
                """.formatted(seSigma * seSigma, seExit * seExit));
        return dir;
    }

    private static CompareOptions options(Path out, Path estimates) {
        return new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, out, SMALL, false,
                estimates == null ? null : new CompareOptions.Draws(3, estimates, null), ChannelOptions.OFF);
    }

    static List<CSVRecord> table(Path dir) throws Exception {
        try (Reader in = Files.newBufferedReader(dir.resolve("comparison.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    @BeforeAll
    static void compare() throws Exception {
        wide = Comparison.run(options(tmp.resolve("wide"), calibration(tmp.resolve("cal-wide"), 0.1, 0.015)),
                Progress.NONE);
        none = Comparison.run(options(tmp.resolve("none"), calibration(tmp.resolve("cal-none"), 0, 0)),
                Progress.NONE);
        // An ordinary comparison of the scenarios at the estimates.
        List<String> atEstimates = new ArrayList<>(SMALL);
        atEstimates.add("parameters.gibrat_sigma=0.1");
        atEstimates.add("parameters.exit_hazard=0.01");
        plain = Comparison.run(new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, tmp.resolve("plain"),
                atEstimates, false), Progress.NONE);
    }

    @Test
    void theTableGainsTheSeedOnlyIntervalAndBothVariances() throws Exception {
        List<CSVRecord> rows = table(wide);
        List<String> header = new ArrayList<>(ComparisonTable.COLUMNS);
        header.addAll(ComparisonTable.DRAW_COLUMNS);
        assertEquals(header, rows.get(0).getParser().getHeaderNames());
        CSVRecord share = rows.stream().filter(r -> r.get("metric").equals("iotf_revenue_share.YRD")).findFirst()
                .orElseThrow();
        for (String column : ComparisonTable.DRAW_COLUMNS) {
            assertFalse(share.get(column).isEmpty(), column + ": " + share);
        }
        assertTrue(Files.isRegularFile(wide.resolve("draws/draw-3/two-regions-open/seed-12/summary.json")));
        assertFalse(Files.exists(wide.resolve("draws/draw-3/two-regions-open/seed-12/provinces.csv")),
                "a draw keeps its summary only");
        List<String> draws = Files.readAllLines(wide.resolve("draws.csv"));
        assertEquals(List.of("draw", "parameters.gibrat_sigma", "parameters.exit_hazard"),
                List.of(draws.get(0).split(",")));
        assertEquals(4, draws.size(), "a header and 3 draws");
        JsonNode manifest = Manifest.read(wide);
        assertEquals(11, manifest.path("parameter_draws").path("seed").asLong(), "the draws' seed is recorded");
        assertEquals(3, manifest.path("parameter_draws").path("n").asInt());
        assertTrue(Files.readString(wide.resolve("report.md")).contains("95% interval: seeds only"));
        assertTrue(Files.readString(wide.resolve("report.md")).contains("**Two intervals.**"));
    }

    @Test
    void withAZeroCovarianceTheIntervalsAreTheSeedOnlyOnes() throws Exception {
        int compared = 0;
        for (CSVRecord r : table(none)) {
            if (!r.get("var_parameters").isEmpty()) {
                assertEquals("0", r.get("var_parameters"), r.toString());
                assertEquals(r.get("ci95_low_seeds_only"), r.get("ci95_low"), r.toString());
                assertEquals(r.get("ci95_high_seeds_only"), r.get("ci95_high"), r.toString());
                compared++;
            }
        }
        assertTrue(compared > 10, "most metrics have both intervals: " + compared);
        for (String line : Files.readAllLines(none.resolve("draws.csv")).subList(1, 4)) {
            assertEquals("0.1,0.01", line.substring(line.indexOf(',') + 1), "draws without variance are the estimate");
        }
    }

    @Test
    void withAPositiveCovarianceTheyAreNeverNarrowerAndWiderWhereTheEffectDependsOnTheParameters()
            throws Exception {
        int wider = 0;
        for (CSVRecord r : table(wide)) {
            if (r.get("ci95_low").isEmpty()) {
                continue;
            }
            double low = Double.parseDouble(r.get("ci95_low"));
            double high = Double.parseDouble(r.get("ci95_high"));
            double seedsLow = Double.parseDouble(r.get("ci95_low_seeds_only"));
            double seedsHigh = Double.parseDouble(r.get("ci95_high_seeds_only"));
            assertTrue(low <= seedsLow && high >= seedsHigh, r.toString());
            if (Double.parseDouble(r.get("var_parameters")) > 0) {
                assertTrue(high - low > seedsHigh - seedsLow, r.toString());
                wider++;
            }
        }
        assertTrue(wider >= 3, "several effects depend on growth shocks and exits: " + wider);
    }

    @Test
    void theSeedOnlyIntervalIsThatOfAnOrdinaryComparisonAtTheEstimates() throws Exception {
        List<CSVRecord> ordinary = table(plain);
        List<CSVRecord> drawn = table(wide);
        assertEquals(ordinary.size(), drawn.size());
        for (int i = 0; i < ordinary.size(); i++) {
            for (String column : List.of("metric", "baseline_mean", "policy_mean", "mean_difference", "n")) {
                assertEquals(ordinary.get(i).get(column), drawn.get(i).get(column), column);
            }
            assertEquals(ordinary.get(i).get("ci95_low"), drawn.get(i).get("ci95_low_seeds_only"));
            assertEquals(ordinary.get(i).get("ci95_high"), drawn.get(i).get("ci95_high_seeds_only"));
        }
        assertArrayEquals(Files.readAllBytes(plain.resolve("runs/two-regions/seed-12/summary.json")),
                Files.readAllBytes(wide.resolve("runs/two-regions/seed-12/summary.json")),
                "the runs at the point estimate are the scenario at the estimates");
    }

    @Test
    void itResumesKeepsAFinishedComparisonAndVerifies() throws Exception {
        Path dir = Comparison.run(options(tmp.resolve("resume"), tmp.resolve("cal-wide")), Progress.NONE);
        byte[] table = Files.readAllBytes(dir.resolve("comparison.csv"));
        assertArrayEquals(Files.readAllBytes(wide.resolve("comparison.csv")), table, "the same draws from the seed");
        assertTrue(Verification.of(dir).intact(), Verification.of(dir).problem());

        int[] steps = {0};
        Comparison.run(options(dir, tmp.resolve("cal-wide")), (done, total) -> steps[0] = done);
        assertEquals(0, steps[0], "a finished comparison is left as it is");

        // As if killed among the draws: the manifest says running, a draw's run and the table are gone.
        Files.writeString(dir.resolve("manifest.json"),
                Files.readString(dir.resolve("manifest.json")).replace("\"complete\"", "\"running\""));
        Files.delete(dir.resolve("comparison.csv"));
        Path draw = dir.resolve("draws/draw-2/two-regions/seed-11");
        Files.delete(draw.resolve("summary.json"));
        Files.delete(draw.resolve("manifest.json"));
        int[] total = {0};
        Comparison.run(options(dir, tmp.resolve("cal-wide")), (done, all) -> total[0] = all);
        assertEquals(16 * 6, total[0], "progress counts the point runs and the draws");
        assertArrayEquals(table, Files.readAllBytes(dir.resolve("comparison.csv")));
        assertTrue(Verification.of(dir).intact(), Verification.of(dir).problem());
    }

    @Test
    void withoutDrawsTheComparisonHasNoneOfTheirTracesAndFiles() throws Exception {
        assertEquals(ComparisonTable.COLUMNS, table(plain).get(0).getParser().getHeaderNames());
        assertFalse(Files.exists(plain.resolve("draws.csv")));
        assertFalse(Files.exists(plain.resolve("draws")));
        assertFalse(Manifest.read(plain).has("parameter_draws"));
        String report = Files.readString(plain.resolve("report.md"));
        assertFalse(report.contains("seeds only") || report.contains("parameter draws"), report);
        assertTrue(report.contains("| difference | 95% interval | n |"), report);
    }

    @Test
    void theReportSaysWhatEachIntervalCoversAndWhereTheDrawsCameFrom() throws Exception {
        String report = Files.readString(wide.resolve("report.md"));
        String calibration = tmp.resolve("cal-wide").toString();
        assertTrue(report.contains("every scenario at the estimates of `" + calibration + "`"), report);
        assertTrue(report.contains("at 3 parameter draws from their estimated distribution (draw seed 11"), report);
        assertTrue(report.contains("*95% interval: seeds only* is the interval of an ordinary comparison: it "
                + "covers seed noise alone"), report);
        assertTrue(report.contains("*95% interval: seeds and parameters* covers seed noise and the parameters' "
                + "uncertainty"), report);
        assertTrue(report.contains("| difference | 95% interval: seeds and parameters | 95% interval: seeds only | n |"),
                report);
        JsonNode draws = Manifest.read(wide).path("parameter_draws");
        assertEquals(calibration, draws.path("estimates").asText());
        assertEquals(64, draws.path("estimates_sha256").asText().length());
        assertEquals(64, draws.path("covariance_sha256").asText().length());
        assertEquals("[\"parameters.gibrat_sigma\",\"parameters.exit_hazard\"]", draws.path("parameters").toString());
    }

    @Test
    void otherDrawsOrNoneOnAFinishedComparisonAreRefusedWithoutForce() throws Exception {
        byte[] manifest = Files.readAllBytes(wide.resolve("manifest.json"));
        byte[] comparison = Files.readAllBytes(wide.resolve("comparison.csv"));
        Path calibration = tmp.resolve("cal-wide");
        List<CompareOptions> others = List.of(
                new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, wide, SMALL, false,
                        new CompareOptions.Draws(2, calibration, null), ChannelOptions.OFF),
                new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, wide, SMALL, false,
                        new CompareOptions.Draws(3, calibration, 99L), ChannelOptions.OFF),
                new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, wide, SMALL, false,
                        new CompareOptions.Draws(3, tmp.resolve("cal-none"), null), ChannelOptions.OFF),
                new CompareOptions(TWO_REGIONS, List.of(OPEN), 2, 11L, 6, 2, wide, SMALL, false));
        for (CompareOptions o : others) {
            RefusedException e = assertThrows(RefusedException.class, () -> Comparison.run(o, Progress.NONE),
                    String.valueOf(o.draws()));
            assertTrue(e.getMessage().contains("--force"), e.getMessage());
        }
        RefusedException e = assertThrows(RefusedException.class, () -> Comparison.run(options(plain, calibration),
                Progress.NONE));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertArrayEquals(manifest, Files.readAllBytes(wide.resolve("manifest.json")));
        assertArrayEquals(comparison, Files.readAllBytes(wide.resolve("comparison.csv")));

        // The same calibration files in another directory are the same draws: nothing to do.
        Path moved = tmp.resolve("cal-moved");
        Files.createDirectories(moved);
        for (String f : List.of("estimates.csv", "covariance.csv")) {
            Files.copy(calibration.resolve(f), moved.resolve(f));
        }
        int[] steps = {0};
        Comparison.run(options(wide, moved), (done, total) -> steps[0] = done);
        assertEquals(0, steps[0], "a finished comparison of the same draws is left as it is");
        assertArrayEquals(manifest, Files.readAllBytes(wide.resolve("manifest.json")));
    }
}
