package yrdsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import yrdsim.calibrate.Calibration;
import yrdsim.calibrate.CalibrationOptions;

/** {@code yrdsim calibrate}: the method of simulated moments, resumable. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Estimate scenario parameters by the method of simulated moments against a target file, "
                + "and write estimates.csv (with sandwich standard errors), moments.csv, fit.json (J test), "
                + "calibrated.yaml and report.md into a calibration directory.",
                "Rerunning the same command resumes: finished runs are reused and the search reaches the same "
                        + "estimates."},
        footerHeading = "%nExamples:%n", footer = {
            "  yrdsim calibrate scenarios/baseline.yaml scenarios/targets/yrd-2019.yaml \\",
            "      --parameters scenarios/targets/yrd-2019-parameters.yaml",
            "      writes results/calibrate/baseline-yrd-2019/ (about 8 minutes on 2 cores)",
            "  yrdsim calibrate scenarios/two-regions.yaml TARGETS.yaml \\",
            "      --parameters PARAMS.yaml --replications 8 --max-evaluations 400",
            "The target and parameter file formats are in the README (Calibration)."})
final class CalibrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "Scenario whose parameters are estimated.")
    Path scenario;

    @Parameters(index = "1", paramLabel = "TARGETS.yaml", description = "Target file (scenarios/targets/).")
    Path targets;

    @Option(names = "--parameters", required = true, paramLabel = "PARAMS.yaml",
            description = "Parameter file: dotted scenario paths with bounds (and a start).")
    Path parameters;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Calibration directory (default: results/calibrate/SCENARIO-TARGETS).")
    Path out;

    @Option(names = "--replications", paramLabel = "R",
            description = "Runs per point, on the same R seeds at every point (default: ${DEFAULT-VALUE}).")
    int replications = 4;

    @Option(names = "--max-evaluations", paramLabel = "N",
            description = "Points the optimiser may evaluate (default: ${DEFAULT-VALUE}).")
    int maxEvaluations = 200;

    @Mixin
    JobsOption jobs;

    @Option(names = "--set", paramLabel = "key.path=value",
            description = "Override a scenario value in every run, after the parameter file's set (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "Replace a different complete calibration in the output directory.")
    boolean force;

    @Mixin
    Verbosity verbosity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean quiet = verbosity.apply();
        CalibrationOptions options;
        try {
            options = new CalibrationOptions(scenario, targets, parameters, out, replications, maxEvaluations,
                    jobs.jobs(spec), overrides, force);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir;
        try (ProgressDisplay progress = ProgressDisplay.withRate("calibrate", "runs", quiet)) {
            dir = Calibration.run(options, progress);
        }
        System.out.println(dir);
        return Main.OK;
    }
}
