package yrdsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDetectorTest {

    /** A synthetic history of one cell: LQ, firms and share per step. */
    private static List<ClusterDetector.Event> feed(ClusterDetector d, double[] lq, double[] firms, double[] share) {
        List<ClusterDetector.Event> events = new ArrayList<>();
        for (int t = 0; t < lq.length; t++) {
            events.addAll(d.update(t, new double[] {lq[t]}, new double[] {firms[t]}, new double[] {share[t]}));
        }
        return events;
    }

    @Test
    void emergesAfterFourQualifyingStepsDatedAtTheFirst() {
        ClusterDetector d = new ClusterDetector(1, 1.25, 30, 0.25, 4);
        // Qualifies from step 2 on, but step 4 dips below the firm threshold: the run restarts at 5.
        double[] lq = {1.0, 1.1, 1.3, 1.4, 1.5, 1.5, 1.6, 1.6, 1.7, 1.7};
        double[] firms = {40, 40, 40, 40, 29, 40, 40, 40, 40, 40};
        double[] share = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
        List<ClusterDetector.Event> events = feed(d, lq, firms, share);
        assertEquals(1, events.size());
        assertEquals(5, events.get(0).step());
        assertTrue(events.get(0).emerged());
        assertEquals(1.5, events.get(0).locationQuotient());
        assertTrue(d.isActive(0));
    }

    @Test
    void dissolvesOnlyAfterFourFailingSteps() {
        ClusterDetector d = new ClusterDetector(1, 1.25, 30, 0.25, 4);
        double[] lq = {2, 2, 2, 2, 1.0, 2, 1.0, 1.0, 1.0, 1.0, 1.0};
        double[] firms = {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50};
        double[] share = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        List<ClusterDetector.Event> events = feed(d, lq, firms, share);
        assertEquals(2, events.size());
        assertTrue(events.get(0).emerged());
        assertEquals(0, events.get(0).step());
        assertFalse(events.get(1).emerged());
        assertEquals(6, events.get(1).step(), "the one-step dip at 4 does not dissolve it");
        assertFalse(d.isActive(0));
    }

    @Test
    void everyThresholdIsNeeded() {
        ClusterDetector d = new ClusterDetector(1, 1.25, 30, 0.25, 4);
        assertTrue(d.qualifies(1.25, 30, 0.25));
        assertFalse(d.qualifies(1.24, 30, 0.25));
        assertFalse(d.qualifies(1.25, 29, 0.25));
        assertFalse(d.qualifies(1.25, 30, 0.24));
    }
}
