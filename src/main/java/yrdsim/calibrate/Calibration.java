package yrdsim.calibrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.AtomicFiles;
import yrdsim.output.IoErrors;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.report.Reports;
import yrdsim.run.Progress;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.sweep.Seeds;

/**
 * {@code yrdsim calibrate}: estimates the parameters of a parameter file by the method of
 * simulated moments against a target file ({@link Estimator}, {@link Inference}), in a
 * calibration directory taken through {@link OutputDirectory} like every other command's:
 *
 * <pre>
 * manifest.json           provenance, settings, timing, files; complete only once all is written
 * targets.yaml            the target file, byte for byte
 * parameters.yaml         the parameter file, byte for byte
 * scenario.resolved.yaml  the scenario every run starts from (defaults, extends, set and --set merged)
 * evaluations.csv         every finished replication: seed, parameters, moments (what a rerun resumes from)
 * trace.csv               the search: evaluation, objective, best so far, parameters
 * estimates.csv           parameter, estimate, standard error, bounds, start, at_bound
 * covariance.csv          the sandwich covariance of the estimates
 * moments.csv             every target against the model at the estimate
 * fit.json                objective, J statistic, degrees of freedom, p-value, settings of the inference
 * calibrated.yaml         a scenario that extends the input scenario and sets the estimates
 * report.md, report.html  the fit chart, the optimiser's trace and the tables (charts/ beside)
 * </pre>
 *
 * <p>Rerunning the same command on an unfinished calibration continues it: every replication in
 * evaluations.csv is reused, so the search replays to where it stopped and goes on to the same
 * estimates as an uninterrupted calibration. Output depends on the seeds only, never on {@code --jobs}.
 */
public final class Calibration {

    private static final Logger LOG = LoggerFactory.getLogger(Calibration.class);

    /** Value of the manifest's {@code kind}. */
    public static final String KIND_NAME = "calibration";
    /** A calibration directory; an unfinished one with the same identity is continued. */
    public static final OutputDirectory.Kind KIND = new OutputDirectory.Kind(KIND_NAME,
            List.of(EvaluationLog.FILE), true);
    /** Seeds CMA-ES's generator; the R run seeds come from the calibration seed. */
    static final long OPTIMISER_SEED = 20240614L;

    private Calibration() {
    }

    /** {@link #run(CalibrationOptions, Progress, Clock)} on the system clock. */
    public static Path run(CalibrationOptions o, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        return run(o, progress, Clock.systemUTC());
    }

    /**
     * Runs the calibration, holding its directory locked until it ends.
     *
     * @return the calibration directory
     * @throws ScenarioException a bad scenario, target or parameter file, or a statistic the model
     *                           does not have (nothing is written)
     * @throws RefusedException  the directory must not be replaced, or another process writes it
     * @throws RunFailure        writing failed; the manifest says {@code failed}
     */
    public static Path run(CalibrationOptions o, Progress progress, Clock clock)
            throws ScenarioException, RefusedException, RunFailure {
        List<Problem> problems = new ArrayList<>();
        TargetFile targets = null;
        ParameterFile params = null;
        try {
            targets = TargetFile.read(o.targets());
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
        try {
            params = ParameterFile.read(o.parameters());
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        ModelSimulator model = ModelSimulator.prepare(o.scenario(), params, o.overrides(), targets);
        long seed = params.seed() != null ? params.seed() : model.baseScenario().scenario().seed();
        model.probe(seed);
        long[] seeds = new long[o.replications()];
        for (int r = 0; r < seeds.length; r++) {
            seeds[r] = Seeds.of(seed, 0, r, true);
        }
        String name = model.baseScenario().scenario().name();
        Path dir = o.out() != null ? o.out() : Path.of("results", "calibrate", name + "-" + stem(o.targets()));
        Map<String, Object> identity = identity(o, targets, params, model, seeds);
        try (OutputDirectory out = claim(dir, identity, o.force(), clock)) {
            switch (out.decision()) {
                case DONE -> {
                    LOG.info("{} already holds this calibration, complete; nothing to do", dir);
                    return dir;
                }
                case CONTINUE -> LOG.info("{} holds this calibration, unfinished; continuing it (finished runs are "
                        + "reused)", dir);
                case FRESH -> prepare(out);
            }
            Manifest manifest = out.manifest();
            identity.forEach(manifest::put);
            manifest.put("jobs", o.jobs());
            manifest.stamp("started_at");
            manifest.expect(CalibrationFiles.EXPECTED);
            long started = System.nanoTime();
            try {
                manifest.write(Manifest.RUNNING);
                AtomicFiles.write(dir.resolve(CalibrationFiles.TARGETS), targets.bytes());
                AtomicFiles.write(dir.resolve(CalibrationFiles.PARAMETERS), params.bytes());
                AtomicFiles.write(dir.resolve(CalibrationFiles.SCENARIO), model.resolvedScenario());
                Result result = estimate(o, targets, params, model, seeds, dir, progress);
                CalibrationFiles.write(dir, o, targets, params, result, name, manifest);
                Reports.writeCalibration(dir);
                manifest.stamp("finished_at");
                manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
                manifest.put("evaluations", result.trace().size());
                manifest.complete();
                LOG.info("{}: calibrated in {} s; J = {} ({} degrees of freedom, p = {})", dir,
                        String.format("%.1f", (System.nanoTime() - started) / 1e9), result.inference().j(),
                        result.inference().dof(), result.inference().pValue());
                return dir;
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                String message = cause instanceof Manifest.MissingOutputException ? cause.getMessage()
                        : "writing " + dir + " failed: " + IoErrors.describe(cause);
                manifest.markFailed(message);
                throw new RunFailure(message, e);
            }
        }
    }

    /**
     * What a calibration found.
     *
     * @param theta      the estimate
     * @param atEstimate the R replications at the estimate
     * @param inference  standard errors and the J test
     * @param trace      the search
     * @param seeds      the R seeds
     */
    record Result(double[] theta, Simulator.Replication[] atEstimate, Inference inference,
                  List<Estimator.TracePoint> trace, long[] seeds) {
    }

    private static Result estimate(CalibrationOptions o, TargetFile targets, ParameterFile params, Simulator model,
                                   long[] seeds, Path dir, Progress progress) throws IOException {
        List<TargetFile.Target> ts = targets.targets();
        double[] value = ts.stream().mapToDouble(TargetFile.Target::value).toArray();
        double[] weight = ts.stream().mapToDouble(TargetFile.Target::weight).toArray();
        double[] variance = ts.stream().mapToDouble(TargetFile.Target::variance).toArray();
        int planned = (o.maxEvaluations() + 2 * params.parameters().size()) * seeds.length;
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs(), r -> {
            Thread t = new Thread(r, "yrdsim-calibrate");
            t.setDaemon(true);
            return t;
        });
        try (EvaluationLog log = EvaluationLog.open(dir, params.paths(), targets.ids())) {
            Estimator estimator = new Estimator(model, params.parameters(), value, weight, seeds, log, pool, progress,
                    planned);
            LOG.info("calibrating {} parameter{} against {} target{}: at most {} evaluations of {} replication{}, "
                            + "{} runs at once, into {}", params.parameters().size(),
                    params.parameters().size() == 1 ? "" : "s", ts.size(), ts.size() == 1 ? "" : "s",
                    o.maxEvaluations(), seeds.length, seeds.length == 1 ? "" : "s", o.jobs(), dir);
            Estimator.TracePoint best = estimator.minimise(o.maxEvaluations(), OPTIMISER_SEED);
            double[] theta = best.theta();
            Simulator.Replication[] at = estimator.replicate(theta);
            List<double[]> points = Inference.jacobianPoints(theta, params.parameters());
            List<Simulator.Replication[]> shifted = estimator.replicate(points);
            Inference inference = Inference.of(theta, value, weight, variance, at, shifted, points);
            for (Simulator.Replication r : at) {
                if (r.isFailure()) {
                    LOG.warn("a replication at the estimate failed: {}", r.failure());
                }
            }
            return new Result(theta, at, inference, estimator.trace(), seeds);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static OutputDirectory claim(Path dir, Map<String, Object> identity, boolean force, Clock clock)
            throws RefusedException, RunFailure {
        try {
            return OutputDirectory.claim(dir, KIND, OutputDirectory.Identity.fields(identity), force, clock);
        } catch (IOException e) {
            throw new RunFailure("cannot prepare output directory " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    private static void prepare(OutputDirectory out) throws RunFailure {
        try {
            out.prepare();
        } catch (IOException e) {
            throw new RunFailure("cannot prepare output directory " + out.directory() + ": " + IoErrors.describe(e), e);
        }
    }

    /** What makes two calibrations the same: inputs and settings, never the number of jobs. */
    private static Map<String, Object> identity(CalibrationOptions o, TargetFile targets, ParameterFile params,
                                                ModelSimulator model, long[] seeds) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", KIND_NAME);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("path", o.scenario().toString());
        scenario.put("absolute_path", o.scenario().toAbsolutePath().normalize().toString());
        scenario.put("resolved_sha256", AtomicFiles.sha256(model.resolvedScenario()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        identity.put("scenario", scenario);
        identity.put("targets", ordered("path", o.targets().toString(), "sha256", targets.sha256()));
        identity.put("parameters", ordered("path", o.parameters().toString(), "sha256", params.sha256()));
        identity.put("overrides", o.overrides());
        identity.put("replications", o.replications());
        identity.put("seeds", java.util.Arrays.stream(seeds).boxed().toList());
        identity.put("max_evaluations", o.maxEvaluations());
        Map<String, Object> optimiser = ordered("name", "CMA-ES (Commons Math 3.6.1)", "seed", OPTIMISER_SEED);
        optimiser.put("initial_sigma", Estimator.SIGMA);
        identity.put("optimiser", optimiser);
        identity.put("engine", "fast");
        return identity;
    }

    /** A two-entry map that keeps its order (the manifest is compared as text). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
