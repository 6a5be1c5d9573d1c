package yrdsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking by effect per yuan on a synthetic case whose order is known. */
class RankingTest {

    @Test
    void ranksGainsWithoutCostThenByRevenuePerYuanThenTheRest() {
        List<Ranking.Entry> given = List.of(
                new Ranking.Entry("loses-for-money", -20, 10),        // priced, -2 per yuan
                new Ranking.Entry("cheap", 30, 10),                   // priced, 3 per yuan
                new Ranking.Entry("saves-and-loses", -5, -50),        // no gain, no cost
                new Ranking.Entry("pays-for-itself", 100, -10),       // gain at no net cost
                new Ranking.Entry("dear", 100, 100),                  // priced, 1 per yuan
                new Ranking.Entry("nothing", 0, 0),                   // no gain, no cost
                new Ranking.Entry("free", 50, 0));                    // gain at no net cost
        List<String> order = Ranking.rank(given).stream().map(Ranking.Entry::policy).toList();
        assertEquals(List.of("pays-for-itself", "free", "cheap", "dear", "loses-for-money", "nothing",
                "saves-and-loses"), order);
        assertEquals(3.0, given.get(1).perYuan(), 1e-12);
        assertEquals(-2.0, given.get(0).perYuan(), 1e-12);
        assertTrue(Double.isNaN(given.get(3).perYuan()), "no ratio without a cost");
        assertEquals(Ranking.Tier.GAIN_WITHOUT_COST, given.get(6).tier());
        assertEquals(Ranking.Tier.NO_GAIN, given.get(2).tier());
    }

    @Test
    void theRatioAloneOrdersMeasuresThatCostMoney() {
        List<Ranking.Entry> given = List.of(new Ranking.Entry("a", 10, 100), new Ranking.Entry("b", 1, 1),
                new Ranking.Entry("c", 1000, 10_000));
        // 0.1, 1 and 0.1 per yuan: b first; a and c tie and keep their order.
        assertEquals(List.of("b", "a", "c"), Ranking.rank(given).stream().map(Ranking.Entry::policy).toList());
    }
}
