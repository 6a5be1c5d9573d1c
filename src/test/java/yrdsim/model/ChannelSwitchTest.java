package yrdsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each channel switch of {@code compare --channels} holds its part of the model at step 0
 * (docs/MODEL.md, deviation 25), and the same lever moves it when the channel is on. The
 * creation and agglomeration switches are shown in {@link OpenDeltaTest}; the labour switch
 * here. Two-regions test bed, seed 5; every comparison is exact or a strict inequality.
 */
class ChannelSwitchTest {

    private interface Reading {
        double[] read(YrdModel m);
    }

    /** {@code what} read after {@code steps} quarters. */
    private static double[] after(int steps, Reading what, String... sets) {
        List<String> all = new ArrayList<>(List.of(sets));
        all.add("time.steps=" + Math.max(1, steps));
        YrdModel m = TestModels.started(TestModels.load(TestModels.TWO_REGIONS, all), 5, EnterpriseEngine.Kind.FAST, 1);
        for (int k = 0; k < steps; k++) {
            m.schedule.step(m);
        }
        double[] out = what.read(m);
        m.finish();
        return out;
    }

    private static double[] capitalAndRelocations(YrdModel m) {
        double[] capital = m.flows(Factor.CAPITAL);
        double[] firms = m.flows(Factor.FIRMS);
        double[] out = Arrays.copyOf(capital, capital.length + 1);
        out[capital.length] = Arrays.stream(firms).sum();
        return out;
    }

    /**
     * Capital: without the channel no firm relocates, and halving the capital barrier changes the
     * capital crossing from A to B by less than a twentieth of what it changes with the channel
     * on (placement keeps its step-0 shares; only the owners' capital, which grows with their
     * income, differs), where with the channel on it moves more capital across.
     */
    @Test
    void theCapitalSwitchHoldsPlacementsAndRelocation() {
        double[] off = after(8, ChannelSwitchTest::capitalAndRelocations, "channels.capital_mobility=false");
        double[] offOpen = after(8, ChannelSwitchTest::capitalAndRelocations, "channels.capital_mobility=false",
                "barriers.capital.scale=0.5");
        assertEquals(0, off[off.length - 1], "relocations without the capital channel");
        double[] on = after(8, ChannelSwitchTest::capitalAndRelocations);
        double[] onOpen = after(8, ChannelSwitchTest::capitalAndRelocations, "barriers.capital.scale=0.5");
        assertTrue(onOpen[1] + onOpen[2] > on[1] + on[2], "capital crossing with the channel: " + onOpen[1] + " vs "
                + on[1]);
        assertTrue(Math.abs(offOpen[1] - off[1]) < Math.abs(onOpen[1] - on[1]) / 20, "A to B: without the channel "
                + off[1] + " -> " + offOpen[1] + ", with it " + on[1] + " -> " + onOpen[1]);
    }

    private static double[] spillWeights(YrdModel m) {
        return m.context().spillWeight.clone();
    }

    /** Technology: without the channel, the spillover weights are the status quo's whatever the barrier. */
    @Test
    void theTechnologySwitchHoldsSpilloverWeights() {
        assertArrayEquals(after(1, ChannelSwitchTest::spillWeights, "channels.technology=false"),
                after(1, ChannelSwitchTest::spillWeights, "channels.technology=false", "barriers.technology.scale=0"),
                0);
        assertNotEquals(after(1, ChannelSwitchTest::spillWeights)[1],
                after(1, ChannelSwitchTest::spillWeights, "barriers.technology.scale=0")[1]);
    }

    /** Adoption: without the channel the IotF sector's share of its users' slot stays at step 0's. */
    @Test
    void theAdoptionSwitchHoldsAdoptionShares() {
        Reading adoption = m -> new double[] {m.demand().adoption(1)};
        double start = after(0, adoption)[0];
        assertEquals(start, after(16, adoption, "channels.adoption=false")[0], 0);
        assertNotEquals(start, after(16, adoption)[0]);
    }

    /** External demand: without the channel it grows at market growth alone, whatever productivity does. */
    @Test
    void theExternalDemandSwitchHoldsTheWorldsShare() {
        Reading external = m -> new double[] {m.demand().externalDemand(1) / m.demand().externalBase(1)};
        double market = Math.pow(1 + TestModels.load(TestModels.TWO_REGIONS, List.of()).scenario().parameters()
                .marketGrowth(), 15 / 4.0);
        assertEquals(market, after(16, external, "channels.external_demand=false")[0], 1e-12);
        assertNotEquals(market, after(16, external)[0], 1e-6);
    }

    /** Labour: without the channel no one moves, between regions or with the rest of China. */
    @Test
    void theLabourSwitchStopsMigration() {
        Reading flows = m -> new double[] {Arrays.stream(m.flows(Factor.WORKERS)).sum(),
            Arrays.stream(m.flows(Factor.TALENT)).sum()};
        assertArrayEquals(new double[] {0, 0}, after(8, flows, "channels.labor_mobility=false",
                "barriers.labor.scale=0"), 0);
        assertTrue(after(8, flows, "barriers.labor.scale=0")[0] > 0);
    }
}
