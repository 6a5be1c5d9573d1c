package yrdsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import yrdsim.report.Reports;

/** {@code yrdsim report}: charts and report.md for a run, comparison or sweep directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim report results/baseline/seed-20200101",
            "  yrdsim report results/compare/baseline-vs-integration",
            "  yrdsim report results/sweeps/barriers-grid"},
        description = {"Write PNG charts (charts/) and report.md into a run, comparison or sweep directory.",
            "Run: IotF share, cluster events, wages, net migration, cross-province flows. Comparison: the same "
                + "charts across scenarios and the comparison table. Sweep: heat maps of two-parameter grids, "
                + "metrics against one parameter, Sobol indices."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A run, comparison or sweep directory.")
    Path dir;

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        System.out.println(Reports.report(dir));
        return Main.OK;
    }
}
