package yrdsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.compare.ChannelDecomposition;
import yrdsim.compare.ChannelPlan;
import yrdsim.compare.ChannelTable;
import yrdsim.output.Manifest;

/**
 * {@code compare --channels --channel-samples 2} end to end on the two-region test bed, a fiftieth
 * of its firms, 4 quarters and 2 seeds. It checks the bookkeeping of the decomposition, which
 * holds whatever the channels do: the tests do not assume that any channel has an effect.
 */
class CompareChannelsCommandTest {

    private static final String BASELINE = "scenarios/two-regions.yaml";
    private static final String POLICY = "src/test/resources/compare/two-regions-open.yaml";
    private static final String[] TINY = {"--set", "enterprises.scale=0.02", "--steps", "4", "--replications", "2",
        "--seed", "11", "--jobs", "2", "--quiet"};

    @TempDir
    Path tmp;

    private static String[] args(Path out, String... more) {
        List<String> all = new ArrayList<>(List.of("compare", BASELINE, POLICY, "--out", out.toString()));
        all.addAll(List.of(TINY));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static double number(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    @Test
    void sampledChannelsAddUpToTheComparisonsEffects() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run(args(out, "--channels", "--channel-samples", "2"));
        assertEquals(0, r.code(), r.err());

        List<CSVRecord> rows = read(out.resolve(ChannelTable.FILE));
        assertEquals(ChannelTable.COLUMNS, rows.get(0).getParser().getHeaderNames());
        Map<String, List<CSVRecord>> byMetric = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            assertEquals("two-regions-open", row.get("policy"));
            assertEquals("sampled", row.get("method"));
            assertEquals("2", row.get("samples"));
            byMetric.computeIfAbsent(row.get("metric"), k -> new ArrayList<>()).add(row);
        }
        assertTrue(byMetric.containsKey("iotf_revenue_share.YRD"), byMetric.keySet().toString());
        assertTrue(byMetric.containsKey("iotf_revenue_total_bn"), byMetric.keySet().toString());

        Map<String, CSVRecord> comparison = new LinkedHashMap<>();
        read(out.resolve("comparison.csv")).forEach(c -> comparison.put(c.get("metric"), c));
        JsonNode manifest = Manifest.read(out);
        JsonNode leftOut = manifest.path(ChannelDecomposition.LEFT_OUT);
        for (String metric : comparison.keySet()) {
            if (!metric.equals("benefit_cost_ratio")) {
                assertTrue(byMetric.containsKey(metric) ^ leftOut.has(metric),
                        metric + " is either decomposed or listed as left out, with a reason");
            }
        }

        List<String> channels = new ArrayList<>(ChannelPlan.CHANNELS);
        channels.add(ChannelTable.DIRECT);
        for (Map.Entry<String, List<CSVRecord>> e : byMetric.entrySet()) {
            String metric = e.getKey();
            List<CSVRecord> parts = e.getValue();
            assertEquals(channels, parts.stream().map(p -> p.get("channel")).toList(), metric);
            double total = number(parts.get(0), "total_effect");
            double sum = 0;
            double largest = Math.abs(total);
            for (CSVRecord p : parts) {
                assertEquals(total, number(p, "total_effect"), 0, metric + ": one total per metric");
                sum += number(p, "shapley");
                largest = Math.max(largest, Math.abs(number(p, "shapley")));
            }
            assertEquals(total, sum, 1e-9 * largest, metric + ": direct + Σ shapley = total effect");
            double difference = number(comparison.get(metric), "mean_difference");
            assertEquals(difference, total, 1e-9 * Math.abs(difference), metric + ": the comparison's mean difference");
            if (total == 0) {
                assertEquals("", parts.get(0).get("share"), metric + ": no share of a zero effect");
            } else {
                assertEquals(number(parts.get(0), "shapley") / total, number(parts.get(0), "share"),
                        1e-9 * Math.abs(number(parts.get(0), "share")) + 1e-15, metric);
            }
        }

        // The manifest records the options and the runs; they are in channel-runs/.
        assertEquals("sampled", manifest.path("channels").path("method").asText());
        assertEquals(2, manifest.path("channels").path("samples").asInt());
        int subsets = manifest.path(ChannelDecomposition.SUBSETS).asInt();
        assertTrue(subsets >= 8 && subsets <= 6 * 2 + 2, "subsets " + subsets);
        assertEquals((subsets - 1) * 2 * 2, manifest.path(ChannelDecomposition.RUNS).asInt());
        try (Stream<Path> dirs = Files.list(out.resolve(ChannelPlan.DIRECTORY))) {
            assertEquals(subsets - 1, dirs.count(), "every subset but all-on is run, all-on is the comparison's own");
        }
        assertEquals("complete", manifest.path("status").asText());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Channel decomposition"), report);
        assertTrue(report.contains("**Sampled** Shapley values: 2 random orders"), report);
        assertTrue(report.contains("](charts/channels-two-regions-open.png)"), report);
        assertTrue(Files.size(out.resolve("charts/channels-two-regions-open.png")) > 1000);

        // The same command again finds the work done; other channel options are refused without --force.
        byte[] table = Files.readAllBytes(out.resolve(ChannelTable.FILE));
        r = Cli.run(args(out, "--channels", "--channel-samples", "2"));
        assertEquals(0, r.code(), r.err());
        assertEquals(new String(table), Files.readString(out.resolve(ChannelTable.FILE)));
        for (String[] other : List.of(new String[0], new String[] {"--channels", "--channel-samples", "3"})) {
            r = Cli.run(args(out, other));
            assertEquals(2, r.code(), String.join(" ", other) + ": " + r.err());
            assertTrue(r.err().contains("--force"), r.err());
        }
    }

    @Test
    void channelSamplesWithoutChannelsOrBelowOneExitTwo() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run(args(out, "--channel-samples", "4"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--channel-samples needs --channels"), r.err());
        r = Cli.run(args(out, "--channels", "--channel-samples", "0"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--channel-samples must be at least 1, was 0"), r.err());
        assertFalse(r.hasStackTrace(), r.err());
        assertFalse(Files.exists(out));
    }
}
