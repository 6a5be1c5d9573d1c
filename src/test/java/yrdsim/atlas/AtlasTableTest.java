package yrdsim.atlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** atlas.csv's verdict on whether an effect can be told from zero, and the metrics it reports. */
class AtlasTableTest {

    @Test
    void anEffectIsDistinctOnlyWhereItsIntervalExcludesZero() {
        assertEquals("yes", AtlasTable.distinct("0.1", "0.3", "0.15", "0.25"));
        assertEquals("yes", AtlasTable.distinct("-0.3", "-0.1", "-0.25", "-0.15"));
        assertEquals("seeds_only", AtlasTable.distinct("-0.1", "0.5", "0.1", "0.3"), "parameters decide");
        assertEquals("no", AtlasTable.distinct("-0.1", "0.5", "-0.05", "0.3"));
        assertEquals("no", AtlasTable.distinct("0", "0", "0", "0"), "a zero interval does not exclude zero");
        assertEquals("", AtlasTable.distinct("", "", "", ""), "no interval, no verdict");
        assertEquals("", AtlasTable.distinct("", "", "0.1", "0.3"), "the parameters' part unknown: no verdict");
    }

    @Test
    void reportsTheHeadlineMetricsOnly() {
        assertTrue(AtlasTable.reported("iotf_revenue_share.Anhui"));
        assertTrue(AtlasTable.reported("iotf_sectors.gene_technology.revenue_1tn_step"));
        assertTrue(AtlasTable.reported("benefit_cost_ratio"));
        assertFalse(AtlasTable.reported("iotf_sectors.gene_technology.revenue_annual_bn"));
        assertFalse(AtlasTable.reported("cross_province_share.talent.mean"));
    }
}
