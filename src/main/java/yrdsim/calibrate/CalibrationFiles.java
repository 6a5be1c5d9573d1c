package yrdsim.calibrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.metrics.RowSink;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CsvTables;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.Provenance;
import yrdsim.report.Reports;

/** The result files of a calibration directory (see {@link Calibration} for the layout). */
final class CalibrationFiles {

    static final String TARGETS = "targets.yaml";
    static final String PARAMETERS = "parameters.yaml";
    static final String SCENARIO = "scenario.resolved.yaml";
    static final String TRACE = "trace.csv";
    /** Parameter estimates: read by {@code compare --parameter-draws}. */
    static final String ESTIMATES = "estimates.csv";
    /** Their covariance: read by {@code compare --parameter-draws}. */
    static final String COVARIANCE = "covariance.csv";
    static final String MOMENTS = "moments.csv";
    static final String FIT = "fit.json";
    static final String CALIBRATED = "calibrated.yaml";
    /** Columns of estimates.csv. */
    static final List<String> ESTIMATE_COLUMNS = List.of("parameter", "estimate", "standard_error", "lower_bound",
            "upper_bound", "start", "at_bound");
    /** Columns of moments.csv. */
    static final List<String> MOMENT_COLUMNS = List.of("target", "target_value", "target_se", "weight",
            "model_value", "model_sd", "difference", "difference_in_se", "statistic");

    /** Files a complete calibration directory holds. */
    static final List<String> EXPECTED = List.of(TARGETS, PARAMETERS, SCENARIO, EvaluationLog.FILE, TRACE, ESTIMATES,
            COVARIANCE, MOMENTS, FIT, CALIBRATED, Reports.REPORT);

    private CalibrationFiles() {
    }

    static void write(Path dir, CalibrationOptions o, TargetFile targets, ParameterFile params,
                      Calibration.Result r, String scenarioName, Manifest manifest) throws IOException {
        List<ParameterFile.Parameter> ps = params.parameters();
        CsvTables csv = new CsvTables(dir);
        try (RowSink trace = csv.open("trace", traceColumns(params))) {
            for (Estimator.TracePoint t : r.trace()) {
                List<Object> row = new ArrayList<>(List.of(t.evaluation(), cell(t.objective()), cell(t.best())));
                for (double v : t.theta()) {
                    row.add(v);
                }
                trace.row(row.toArray());
            }
        }
        try (RowSink est = csv.open("estimates", ESTIMATE_COLUMNS)) {
            for (int j = 0; j < ps.size(); j++) {
                ParameterFile.Parameter p = ps.get(j);
                est.row(p.path(), r.theta()[j], cell(r.inference().standardError(j)), p.min(), p.max(), p.start(),
                        p.atBound(r.theta()[j]));
            }
        }
        List<String> covColumns = new ArrayList<>(List.of("parameter"));
        covColumns.addAll(params.paths());
        try (RowSink cov = csv.open("covariance", covColumns)) {
            for (int a = 0; a < ps.size(); a++) {
                List<Object> row = new ArrayList<>(List.of(ps.get(a).path()));
                for (int b = 0; b < ps.size(); b++) {
                    row.add(cell(r.inference().covariance()[a][b]));
                }
                cov.row(row.toArray());
            }
        }
        double[] mean = Estimator.mean(r.atEstimate());
        try (RowSink moments = csv.open("moments", MOMENT_COLUMNS)) {
            List<TargetFile.Target> ts = targets.targets();
            for (int i = 0; i < ts.size(); i++) {
                TargetFile.Target t = ts.get(i);
                double model = mean == null ? Double.NaN : mean[i];
                double sd = replicationSd(r.atEstimate(), i);
                double scale = Math.sqrt(t.variance());
                moments.row(t.id(), t.value(), cell(t.se()), t.weight(), cell(model), cell(sd), cell(model - t.value()),
                        cell((model - t.value()) / scale), t.statistic());
            }
        }
        AtomicFiles.write(dir.resolve(FIT), Json.write(fit(o, targets, params, r)));
        AtomicFiles.write(dir.resolve(CALIBRATED), CalibratedScenario.yaml(dir, o.scenario(), scenarioName, params,
                r.theta(), r.inference(), targets, manifest));
    }

    private static List<String> traceColumns(ParameterFile params) {
        List<String> columns = new ArrayList<>(List.of("evaluation", "objective", "best_objective"));
        columns.addAll(params.paths());
        return columns;
    }

    private static Map<String, Object> fit(CalibrationOptions o, TargetFile targets, ParameterFile params,
                                           Calibration.Result r) {
        Inference inf = r.inference();
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("objective", num(inf.objective()));
        fit.put("j_statistic", num(inf.j()));
        fit.put("degrees_of_freedom", inf.dof());
        fit.put("p_value", num(inf.pValue()));
        fit.put("moments", targets.targets().size());
        fit.put("parameters", params.parameters().size());
        fit.put("replications", o.replications());
        fit.put("seeds", java.util.Arrays.stream(r.seeds()).boxed().toList());
        fit.put("evaluations", r.trace().size());
        fit.put("max_evaluations", o.maxEvaluations());
        fit.put("jacobian_step", Inference.STEP);
        fit.put("weighting", "diagonal: 1/se^2 for a target with a standard error, its weight otherwise");
        fit.put("moment_variance", "S_data + S_sim/R: the targets' variances (se^2, or 1/weight) plus the "
                + "covariance of the replications at the estimate over R");
        fit.put("j_test", "J = e' pinv(P Omega P') e with e = m - m*, P = I - G (G'WG)^-1 G'W: chi-squared with "
                + "moments - parameters degrees of freedom under any weighting (Hansen 1982); asymptotic, local to "
                + "the estimate, and only as good as the targets' standard errors");
        List<String> unidentified = new ArrayList<>();
        for (int j = 0; j < params.parameters().size(); j++) {
            if (!(inf.standardError(j) >= 0)) {
                unidentified.add(params.parameters().get(j).path());
            }
        }
        fit.put("not_identified", unidentified);
        return fit;
    }

    private static double replicationSd(Simulator.Replication[] reps, int i) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (Simulator.Replication r : reps) {
            if (!r.isFailure() && !Double.isNaN(r.moments()[i])) {
                sum += r.moments()[i];
                sq += r.moments()[i] * r.moments()[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1)));
    }

    /** A cell: the number, or empty when it has no value. */
    static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : "";
    }

    private static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The git commit of this build, for sources. */
    static String commit() {
        return Provenance.gitCommit();
    }
}
