package yrdsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import yrdsim.model.YrdModel;

/** The enterprises the map draws: where, how large, and which when there are too many. */
class FirmSnapshotTest {

    @Test
    void snapshotHoldsEveryLivingFirmAtItsSpot() throws Exception {
        YrdModel m = LeverPanelTest.started("scenarios/baseline.yaml", List.of("enterprises.scale=0.02"));
        m.schedule.step(m);
        Geography geo = Geography.of(m.scenario());
        FirmSnapshot f = new FirmSnapshot(geo);
        f.update(m);
        assertEquals(m.firmCount(), f.living);
        assertEquals(m.firmCount(), f.count, "all firms are drawn below " + FirmSnapshot.MAX_DOTS);
        assertEquals(1, f.every);
        Map<Long, int[]> firms = new HashMap<>();
        m.engine().forEach(v -> firms.put(v.id(), new int[] {v.province(), v.sector()}));
        for (int i = 0; i < f.count; i++) {
            int[] firm = firms.get(f.id[i]);
            int k = Geography.spot(f.id[i]);
            assertEquals(geo.spotX(firm[0], k), f.x[i]);
            assertEquals(geo.spotY(firm[0], k), f.y[i]);
            assertEquals(firm[1], f.sector[i]);
        }
        int s = m.scenario().sectorIndex("quantum_information");
        int anhui = m.scenario().regionIndex("Anhui");
        int c = m.structure().cell(anhui, s);
        assertTrue(f.cellRevenue[c] > 0);
        assertTrue(geo.outline(anhui).getBounds2D().contains(f.cellX[c], f.cellY[c]), "the cell's centre is in Anhui");
    }

    @Test
    void dotsGrowWithLogRevenueWithinBounds() {
        double ref = 0.05;
        assertEquals(0, FirmSnapshot.radius(0, ref));
        assertEquals(0, FirmSnapshot.radius(ref / 10, ref));
        int last = 0;
        for (double r = ref; r < ref * 1e4; r *= 1.5) {
            int radius = FirmSnapshot.radius(r, ref);
            assertTrue(radius >= last, "never shrinks as revenue grows");
            last = radius;
        }
        assertEquals(FirmSnapshot.MAX_RADIUS, last);
        assertEquals(FirmSnapshot.MAX_RADIUS, FirmSnapshot.radius(30 * ref, ref), "30 times the reference is the largest");
    }

    @Test
    void aSampleByIdKeepsOneInEveryAndAlwaysTheSameFirms() {
        // 300,000 consecutive ids, one in 3: binomial sd is 258 firms, so 0.5% of 100,000 is 2 sd.
        int n = 300_000;
        int kept = 0;
        for (long id = 0; id < n; id++) {
            if (FirmSnapshot.drawn(id, 3)) {
                kept++;
                assertTrue(FirmSnapshot.drawn(id, 3), "the same firm stays in the sample");
            }
        }
        assertEquals(n / 3.0, kept, n / 3.0 * 0.005);
        assertTrue(FirmSnapshot.drawn(42, 1));
    }
}
