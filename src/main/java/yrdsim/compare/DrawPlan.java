package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.calibrate.ParameterDraws;
import yrdsim.metrics.RowSink;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CsvTables;
import yrdsim.output.IoErrors;
import yrdsim.output.Json;
import yrdsim.output.Numbers;
import yrdsim.output.RefusedException;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * The parameter draws of {@code compare --parameter-draws N --estimates DIR}: N parameter
 * vectors drawn from the calibration in DIR ({@link ParameterDraws}: multivariate normal with its
 * sandwich covariance, reflected into the bounds), seeded, each rounded to the 12 significant
 * digits {@code draws.csv} holds so that the file says exactly what ran. Every scenario runs at
 * the estimates themselves (the point runs) and at every draw, on the comparison's seeds; the
 * baseline and a policy of draw k share its vector (paired), and every draw shares the seeds
 * (common random numbers).
 *
 * <p>Checked before anything is written: the calibration directory's files, that every
 * estimated path is a value of every scenario, that no policy sets a drawn parameter other
 * than the baseline does (a draw would overwrite the policy's change), that {@code --set} does
 * not set one, and that every scenario is valid at the estimates and at every draw.
 */
final class DrawPlan {

    private static final Logger LOG = LoggerFactory.getLogger(DrawPlan.class);

    /** Draw k's runs are in {@code draws/draw-K/SCENARIO/seed-SEED/} (K from 1). */
    static final String DIRECTORY = "draws";
    /** The draws, one row each. */
    static final String FILE = ComparisonTable.DRAWS_FILE;
    /** The first column of draws.csv; one column per parameter follows. */
    static final String DRAW_COLUMN = "draw";
    /** The comparison manifest's record of the draws ({@link #identity}); absent without draws. */
    static final String MANIFEST_FIELD = "parameter_draws";
    /** The field of that record that names the calibration directory: provenance, not identity. */
    private static final String ESTIMATES_FIELD = "estimates";
    /** The field of that record saying the draws are centred on the baseline's values; absent when on the estimates. */
    private static final String CENTRE_FIELD = "centre";

    private final CompareOptions.Draws options;
    private final ParameterDraws source;
    private final long seed;
    private final List<double[]> draws;
    private final Map<String, Object> identity;

    private DrawPlan(CompareOptions.Draws options, ParameterDraws source, long seed, List<double[]> draws,
                     Map<String, Object> identity) {
        this.options = options;
        this.source = source;
        this.seed = seed;
        this.draws = draws;
        this.identity = identity;
    }

    /**
     * Reads the calibration, draws, and checks the draws against the scenarios.
     *
     * @param files     the scenario files, baseline first
     * @param scenarios those scenarios as loaded with the comparison's overrides
     * @param firstSeed the comparison's first seed: the draws' seed unless one is given
     * @throws RefusedException  the calibration directory is missing or malformed, or {@code --set} sets a drawn
     *                           parameter
     * @throws ScenarioException a scenario lacks a drawn parameter, a policy changes one, or a scenario is invalid
     *                           at the estimates or a draw: each problem names estimates.csv's line and the key
     */
    static DrawPlan prepare(CompareOptions o, List<Path> files, List<LoadedScenario> scenarios, long firstSeed)
            throws RefusedException, ScenarioException {
        CompareOptions.Draws d = o.draws();
        Path estimates = d.estimates().resolve("estimates.csv");
        ParameterDraws source;
        Map<String, Object> identity = new LinkedHashMap<>();
        try {
            source = ParameterDraws.read(d.estimates());
            identity.put("n", d.n());
            identity.put("seed", d.seed() != null ? d.seed() : firstSeed);
            identity.put(ESTIMATES_FIELD, d.estimates().toString());
            identity.put("estimates_sha256", AtomicFiles.sha256(estimates));
            identity.put("covariance_sha256", AtomicFiles.sha256(d.estimates().resolve("covariance.csv")));
        } catch (IOException e) {
            throw new RefusedException(d.estimates() + ": cannot be read: " + IoErrors.describe(e));
        }
        identity.put("parameters", source.paths());
        for (String override : o.overrides()) {
            String key = override.contains("=") ? override.substring(0, override.indexOf('=')).trim() : override;
            if (source.paths().contains(key)) {
                throw new RefusedException("--set " + override + ": " + key + " is estimated in " + estimates
                        + ", so --parameter-draws draws it; leave it out of --set");
            }
        }
        checkPaths(estimates, source, files, scenarios);
        if (d.centred()) {
            source = centred(estimates, source, scenarios.get(0));
            identity.put(CENTRE_FIELD, "scenario");
        }
        long seed = ((Number) identity.get("seed")).longValue();
        List<double[]> draws = new ArrayList<>();
        for (double[] theta : source.draw(d.n(), seed)) {
            double[] rounded = new double[theta.length];
            for (int j = 0; j < theta.length; j++) {
                rounded[j] = Numbers.decimal(theta[j]).doubleValue();
            }
            draws.add(rounded);
        }
        DrawPlan plan = new DrawPlan(d, source, seed, List.copyOf(draws), identity);
        plan.checkValues(o, estimates, files);
        for (int j = 0; j < source.paths().size(); j++) {
            JsonNode value = scenarios.get(0).tree().get(source.paths().get(j));
            if (value.asDouble() != source.estimate()[j]) {
                LOG.info("{}: the scenarios run at its estimate {} (the scenario has {})", source.paths().get(j),
                        Numbers.format(source.estimate()[j]), value);
            }
        }
        return plan;
    }

    /**
     * {@code source} moved to the baseline's own values of its parameters, its covariance kept:
     * parameter uncertainty around the scenario as written.
     *
     * @throws ScenarioException a baseline value lies outside the calibration's bounds, where no draw could reach
     */
    private static ParameterDraws centred(Path estimates, ParameterDraws source, LoadedScenario baseline)
            throws ScenarioException {
        double[] centre = new double[source.paths().size()];
        List<Problem> problems = new ArrayList<>();
        for (int j = 0; j < centre.length; j++) {
            centre[j] = baseline.tree().get(source.paths().get(j)).asDouble();
            if (!(centre[j] >= source.lower()[j] && centre[j] <= source.upper()[j])) {
                problems.add(new Problem(new Location(estimates.toString(), ParameterDraws.line(j), 1),
                        source.paths().get(j), "the baseline's value " + Numbers.format(centre[j])
                        + " is outside the calibration's bounds [" + Numbers.format(source.lower()[j]) + ", "
                        + Numbers.format(source.upper()[j]) + "], so no draw can be centred on it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new ParameterDraws(source.paths(), centre, source.lower(), source.upper(), source.covariance());
    }

    /** Every drawn path must be a value in every scenario, and the same value in each policy as in the baseline. */
    private static void checkPaths(Path estimates, ParameterDraws source, List<Path> files,
                                   List<LoadedScenario> scenarios) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (int j = 0; j < source.paths().size(); j++) {
            String path = source.paths().get(j);
            Location at = new Location(estimates.toString(), ParameterDraws.line(j), 1);
            JsonNode base = scenarios.get(0).tree().get(path);
            for (int s = 0; s < scenarios.size(); s++) {
                JsonNode value = scenarios.get(s).tree().get(path);
                if (value == null || !value.isValueNode()) {
                    problems.add(new Problem(at, path, "the scenario " + files.get(s) + " has no value at this path, "
                            + "so it cannot take the estimate (was the calibration made for another scenario?)"));
                } else if (s > 0 && base != null && !same(base, value)) {
                    problems.add(new Problem(at, path, "the policy " + files.get(s) + " sets it to " + value
                            + " where the baseline " + files.get(0) + " has " + base + "; the draws would overwrite "
                            + "the policy's change (leave this parameter out of the calibration, or compare without "
                            + "--parameter-draws)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.equals(b);
    }

    /** Every scenario must be valid at the estimates and at every draw. */
    private void checkValues(CompareOptions o, Path estimates, List<Path> files) throws ScenarioException {
        List<double[]> points = new ArrayList<>();
        points.add(source.estimate());
        points.addAll(draws);
        for (int k = 0; k < points.size(); k++) {
            List<String> overrides = new ArrayList<>(o.overrides());
            overrides.addAll(overrides(points.get(k)));
            if (o.steps() != null) {
                overrides.add("time.steps=" + o.steps());
            }
            for (Path file : files) {
                try {
                    ScenarioLoader.load(file, overrides);
                } catch (ScenarioException e) {
                    String what = k == 0 ? "at the estimates" : "at draw " + k + " (" + FILE + ")";
                    List<Problem> problems = new ArrayList<>();
                    for (Problem p : e.problems()) {
                        int j = source.paths().indexOf(p.path());
                        Location at = j >= 0 ? new Location(estimates.toString(), ParameterDraws.line(j), 1)
                                : p.location();
                        problems.add(new Problem(at, p.path(), file + " is not valid " + what + ": " + p.message()));
                    }
                    throw new ScenarioException(problems);
                }
            }
        }
    }

    /** {@code path=value} for each parameter of {@code theta}, in plain decimals of 12 significant digits. */
    private List<String> overrides(double[] theta) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            out.add(source.paths().get(j) + "=" + Numbers.decimal(theta[j]).toPlainString());
        }
        return out;
    }

    /** The overrides of the point runs: every parameter at its estimate. */
    List<String> atEstimates() {
        return overrides(source.estimate());
    }

    /** The overrides of draw {@code k} (from 1). */
    List<String> atDraw(int k) {
        return overrides(draws.get(k - 1));
    }

    /** The number of draws. */
    int size() {
        return draws.size();
    }

    /** What makes the draws of two comparisons the same: count, seed, the calibration's files. */
    Map<String, Object> identity() {
        return identity;
    }

    /**
     * Whether a comparison's {@code manifest} (null when it has none) records the draws of
     * {@code plan}, or no draws when {@code plan} is null: the same count, seed, parameters and
     * calibration files, these by their SHA-256 (like a scenario, the calibration directory may
     * have moved without changing the runs).
     */
    static boolean recordedIn(DrawPlan plan, JsonNode manifest) {
        JsonNode recorded = manifest == null ? null : manifest.get(MANIFEST_FIELD);
        if (plan == null) {
            return recorded == null;
        }
        if (recorded == null || !recorded.isObject()) {
            return false;
        }
        JsonNode mine = Json.tree(plan.identity);
        for (Iterator<String> names = mine.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(ESTIMATES_FIELD) && !mine.get(name).toString().equals(recorded.path(name).toString())) {
                return false;
            }
        }
        return true;
    }

    /** The directory of draw {@code k}'s run of scenario {@code label} on {@code seed}. */
    static Path runDirectory(Path comparison, int k, String label, long seed) {
        return comparison.resolve(DIRECTORY).resolve("draw-" + k).resolve(label).resolve("seed-" + seed);
    }

    /** Relative name of that directory, for the manifest's file list. */
    static String runName(int k, String label, long seed) {
        return DIRECTORY + "/draw-" + k + "/" + label + "/seed-" + seed + "/";
    }

    /** Writes draws.csv: one row per draw, its number and its value of every parameter. */
    void write(Path dir) throws IOException {
        List<String> columns = new ArrayList<>(List.of(DRAW_COLUMN));
        columns.addAll(source.paths());
        try (RowSink sink = new CsvTables(dir).open(FILE.replace(".csv", ""), columns)) {
            for (int k = 1; k <= draws.size(); k++) {
                List<Object> row = new ArrayList<>(List.of(k));
                for (double v : draws.get(k - 1)) {
                    row.add(v);
                }
                sink.row(row.toArray());
            }
        }
    }

    /** A line for the log: what is drawn, from where. */
    String describe() {
        return options.n() + " parameter draws of " + String.join(", ", source.paths()) + " from "
                + options.estimates() + " (draw seed " + seed + ")";
    }
}
