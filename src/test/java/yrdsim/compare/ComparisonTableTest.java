package yrdsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.output.Json;

class ComparisonTableTest {

    private static JsonNode summary(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void metricNamesFollowTheSummary() throws Exception {
        JsonNode s = summary("""
                {"iotf_revenue_share": {"YRD": 0.01, "A": 0.02},
                 "iotf_sectors": {"iotf": {"revenue_annual_bn": 40, "revenue_500bn_step": null,
                                           "revenue_500bn_period": null, "revenue_1tn_step": 12, "hhi": 0.5}},
                 "clusters": {"emerged": 2, "iotf_emerged": 1, "active_at_end": 1},
                 "output_per_worker_cv": {"start": 0.1, "end": 0.2},
                 "cross_province_share": {"workers": {"end": 0.1, "mean": 0.2}},
                 "firms": {"start": 5, "end": 6},
                 "subsidies_total_bn": 0}""");
        assertEquals(List.of("iotf_revenue_share.YRD", "iotf_revenue_share.A", "iotf_sectors.iotf.revenue_annual_bn",
                "iotf_sectors.iotf.revenue_500bn_step", "iotf_sectors.iotf.revenue_1tn_step", "clusters.emerged",
                "clusters.iotf_emerged", "clusters.active_at_end", "output_per_worker_cv.end",
                "cross_province_share.workers.mean", "firms.end", "subsidies_total_bn"), HeadlineMetrics.names(s));
        assertNull(HeadlineMetrics.value(s, "iotf_sectors.iotf.revenue_500bn_step"));
        assertNull(HeadlineMetrics.value(s, "no.such.metric"));
        assertEquals(12.0, HeadlineMetrics.value(s, "iotf_sectors.iotf.revenue_1tn_step"));
    }

    @Test
    void nullValuesDropOnlyTheirPair() throws Exception {
        // Seed 0: both reach the yardstick (10 and 8); seed 1: only the policy (6); seed 2: neither.
        List<JsonNode> baseline = List.of(summary("{\"s\": 10}"), summary("{\"s\": null}"), summary("{\"s\": null}"));
        List<JsonNode> policy = List.of(summary("{\"s\": 8}"), summary("{\"s\": 6}"), summary("{\"s\": null}"));
        ComparisonTable.Row row = ComparisonTable.rows(List.of("s"), baseline, policy).get(0);
        assertEquals(1, row.baselineN());
        assertEquals(2, row.policyN());
        assertEquals(1, row.difference().n());
        assertEquals(-2.0, row.difference().meanDifference());
        assertEquals(10.0, row.difference().baselineMean());
        assertEquals(8.0, row.difference().policyMean());
    }

    @Test
    void noPairMeansNoDifference() throws Exception {
        List<JsonNode> baseline = List.of(summary("{\"s\": null}"), summary("{\"s\": 3}"));
        List<JsonNode> policy = List.of(summary("{\"s\": 4}"), summary("{\"s\": null}"));
        ComparisonTable.Row row = ComparisonTable.rows(List.of("s"), baseline, policy).get(0);
        assertNull(row.difference());
        assertEquals(1, row.baselineN());
        assertEquals(1, row.policyN());
    }
}
