package yrdsim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The comparison report's tables: how often a yardstick was reached, and the multiple-comparisons caveat. */
class ComparisonTablesTest {

    private static final String HEADER = "policy,metric,baseline_mean,policy_mean,mean_difference,sd_difference,n,"
            + "ci95_low,ci95_high,baseline_n,policy_n\n";

    private static String markdown(Path dir, String rows) throws Exception {
        Path csv = dir.resolve("comparison.csv");
        Files.writeString(csv, HEADER + rows);
        String[] periods = new String[64];
        for (int k = 0; k < periods.length; k++) {
            periods[k] = (2020 + k / 4) + "Q" + (k % 4 + 1);
        }
        return new ComparisonTables(Table.read(csv), 0).markdown("baseline", 3, periods);
    }

    @Test
    void aYardstickReachedOnOneSideOnlySaysHowOftenEachSideReachedIt(@TempDir Path dir) throws Exception {
        String md = markdown(dir, "integration,iotf_sectors.hydrogen_storage.revenue_1tn_step,,,,,0,,,0,3\n"
                + "integration,iotf_sectors.future_networks.revenue_500bn_step,55,49.3333333333,-5.66666666667,"
                + "1.52752523165,3,-9.461,-1.872,3,3\n");
        assertTrue(md.contains("| hydrogen storage: first step at 1 tn yuan a year | never (0 of 3) | 3 of 3 runs | – | – "
                + "| – | – | 0 |  | `iotf_sectors.hydrogen_storage.revenue_1tn_step` |"), md);
        assertTrue(md.contains("| 3 of 3 runs | 3 of 3 runs | 55 (2033Q4) | 49.33 (2032Q2) |"), md);
    }

    @Test
    void everyPolicySectionCarriesTheMultipleComparisonsCaveat(@TempDir Path dir) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            // Ten intervals that exclude 0 narrowly, ten that include it.
            double low = i < 10 ? 0.001 : -0.01;
            rows.append("policy,clusters.m").append(i).append(",1,1.01,0.01,0.004,3,").append(low).append(",0.02,3,3\n");
        }
        String md = markdown(dir, rows.toString());
        assertTrue(md.contains("These tables hold 20 intervals at 95%. If the policy changed nothing at all, about "
                + "20/20 = 1 of them would still exclude 0 by chance; 10 do. With n = 3 seeds per side (t(0.975, 2) = "
                + "4.30)"), md);
        assertTrue(md.contains("0 of the 10 also exclude 0 at the Bonferroni level 1 − 0.05/20"), md);
        assertTrue(md.contains("| IotF share of revenue") || md.contains("| clusters m0 |"), md);
    }

    @Test
    void withParameterDrawsBothIntervalsAreShownAndTheWiderOneDecides(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("comparison.csv");
        // sd 0.004 over 3 seeds: var_seeds 5.33e-6; the parameters add 1e-4, which makes the first
        // interval include 0; the second has no parameter variance and keeps the seed-only one.
        Files.writeString(csv, HEADER.replace("\n", ",ci95_low_seeds_only,ci95_high_seeds_only,var_seeds,"
                + "var_parameters\n")
                + "p,clusters.a,1,1.02,0.02,0.004,3,-0.0230,0.0630,3,3,0.0101,0.0299,0.00000533333333333,0.0001\n"
                + "p,clusters.b,1,1.02,0.02,0.004,3,0.0101,0.0299,3,3,0.0101,0.0299,0.00000533333333333,0\n");
        String md = new ComparisonTables(Table.read(csv), 4).markdown("baseline", 3, new String[] {"2020Q1"});
        assertTrue(md.contains("| difference | 95% interval: seeds and parameters | 95% interval: seeds only | n |"), md);
        assertTrue(md.contains("| 0.02 | [-0.023, 0.063] | [0.0101, 0.0299] | 3 |  |"), md);
        // No parameter variance: the seed-only check, t(0.9875, 2) * sd / sqrt(3) = 0.0143 < 0.02.
        assertTrue(md.contains("| 0.02 | [0.0101, 0.0299] | [0.0101, 0.0299] | 3 | yes, also Bonferroni |"), md);
    }

    @Test
    void sharesAreShownInPerCent(@TempDir Path dir) throws Exception {
        String md = markdown(dir, "p,iotf_revenue_share.YRD,0.0702,0.0880,0.0178,0.0064,3,0.0018,0.0338,3,3\n");
        assertTrue(md.contains("| IotF share of revenue, whole delta (%) | 7.02 | 8.8 | 1.78 | [0.18, 3.38] |"), md);
    }

    @Test
    void yAxesIncludeZero() {
        XYChart positive = Charts.xy("t", "x", "y");
        positive.addSeries("s", new double[] {0, 1}, new double[] {5, 6});
        Charts.includeZero(positive);
        assertTrue(positive.getStyler().getYAxisMin() == 0.0);
        XYChart negative = Charts.xy("t", "x", "y");
        negative.addSeries("s", new double[] {0, 1}, new double[] {-5, -6});
        Charts.includeZero(negative);
        assertTrue(negative.getStyler().getYAxisMax() == 0.0);
    }
}
