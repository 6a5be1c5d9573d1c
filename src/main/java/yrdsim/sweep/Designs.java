package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import yrdsim.model.Rng;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioTree;

/**
 * Builds a sweep's design points. The unit-cube designs ({@link #latinHypercube},
 * {@link #saltelli}) are exposed for tests and for the sensitivity estimator's own checks.
 */
public final class Designs {

    /** Most runs one sweep may hold: run ids, indices and shard arithmetic stay in int range. */
    static final long MAX_RUNS = 100_000_000L;

    private Designs() {
    }

    /** Number of design points, computed without building them (at most {@code Long.MAX_VALUE}). */
    static long pointCount(SweepFile file) {
        long count = 1;
        for (ParameterSpec spec : file.parameters()) {
            long levels = spec.isRange() ? file.samples() : spec.values().size();
            count = switch (file.type()) {
                case GRID -> saturatingMultiply(count, levels);
                case OAT -> count + levels;
                case LHS -> file.samples();
                case SOBOL -> saturatingMultiply(file.samples(), file.parameters().size() + 2L);
            };
        }
        return count;
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /**
     * The design of {@code file}.
     *
     * @param base the scenario after the sweep's fixed overrides: OAT varies around its values
     * @throws ScenarioException when an OAT parameter has no value in the scenario to vary around
     */
    public static Design build(SweepFile file, ScenarioTree base) throws ScenarioException {
        List<ParameterSpec> specs = file.parameters();
        int d = specs.size();
        long runs = saturatingMultiply(pointCount(file), file.replications());
        if (runs > MAX_RUNS) {
            throw new ScenarioException(file.problem("design", "gives " + runs + " runs with "
                    + file.replications() + " replications; a sweep holds at most " + MAX_RUNS));
        }
        JsonNode[][] points = switch (file.type()) {
            case GRID -> grid(specs, file.samples());
            case LHS -> scale(specs, latinHypercube(file.samples(), d, file.seed()));
            case SOBOL -> scale(specs, saltelli(file.samples(), d));
            case OAT -> oneAtATime(file, base);
        };
        return new Design(file.type(), file.parameterNames(), points);
    }

    /** Every combination of levels; the first parameter varies slowest, as in nested loops written in file order. */
    private static JsonNode[][] grid(List<ParameterSpec> specs, Integer samples) {
        List<List<JsonNode>> levels = new ArrayList<>();
        long count = 1;
        for (ParameterSpec spec : specs) {
            levels.add(levels(spec, samples));
            count *= levels.get(levels.size() - 1).size();
        }
        JsonNode[][] points = new JsonNode[Math.toIntExact(count)][specs.size()];
        for (int p = 0; p < points.length; p++) {
            int rest = p;
            for (int j = specs.size() - 1; j >= 0; j--) {
                List<JsonNode> l = levels.get(j);
                points[p][j] = l.get(rest % l.size());
                rest /= l.size();
            }
        }
        return points;
    }

    /**
     * The scenario's values first, then for each parameter in file order each of its levels that
     * differs from the scenario's value, the others held at theirs.
     */
    private static JsonNode[][] oneAtATime(SweepFile file, ScenarioTree base) throws ScenarioException {
        List<ParameterSpec> specs = file.parameters();
        JsonNode[] centre = new JsonNode[specs.size()];
        List<Problem> problems = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            ParameterSpec spec = specs.get(j);
            JsonNode value = base.get(spec.path());
            if (!Values.isScalar(value) || (spec.isRange() && !value.isNumber())) {
                problems.add(new Problem(spec.at(), "design.parameters." + spec.path(),
                        "an oat design varies around the scenario's value, but the scenario has "
                                + (value == null ? "none" : "no " + (spec.isRange() ? "number" : "single value"))
                                + " here"));
            }
            centre[j] = value;
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        List<JsonNode[]> points = new ArrayList<>();
        points.add(centre);
        for (int j = 0; j < specs.size(); j++) {
            for (JsonNode level : levels(specs.get(j), file.samples())) {
                if (!Values.cell(level).equals(Values.cell(centre[j]))) {
                    JsonNode[] point = centre.clone();
                    point[j] = level;
                    points.add(point);
                }
            }
        }
        return points.toArray(new JsonNode[0][]);
    }

    /** A parameter's listed values, or {@code samples} evenly spaced levels from min to max. */
    static List<JsonNode> levels(ParameterSpec spec, Integer samples) {
        if (!spec.isRange()) {
            return spec.values();
        }
        List<JsonNode> out = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            double v = k == samples - 1 ? spec.max() : spec.min() + k * (spec.max() - spec.min()) / (samples - 1);
            out.add(Values.number(v));
        }
        return out;
    }

    private static JsonNode[][] scale(List<ParameterSpec> specs, double[][] unit) {
        JsonNode[][] points = new JsonNode[unit.length][specs.size()];
        for (int p = 0; p < unit.length; p++) {
            for (int j = 0; j < specs.size(); j++) {
                ParameterSpec s = specs.get(j);
                points[p][j] = Values.number(s.min() + unit[p][j] * (s.max() - s.min()));
            }
        }
        return points;
    }

    /**
     * A Latin hypercube of {@code n} points in [0,1)^d: in every dimension, each of the {@code n}
     * strata [k/n, (k+1)/n) holds exactly one point, placed uniformly inside it. The strata are
     * matched across dimensions by independent random permutations. Every draw is a counter-based
     * function of (seed, dimension, point), so the design does not depend on anything else.
     */
    public static double[][] latinHypercube(int n, int d, long seed) {
        double[][] x = new double[n][d];
        int[] perm = new int[n];
        for (int j = 0; j < d; j++) {
            long shuffle = Rng.key(seed, j, 0);
            long jitter = Rng.key(seed, j, 1);
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int k = (int) (Rng.uniform(shuffle, i) * (i + 1));
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                x[i][j] = (perm[i] + Rng.uniform(jitter, i)) / n;
            }
        }
        return x;
    }

    /**
     * Saltelli's sampling scheme (Saltelli et al. 2010, Computer Physics Communications 181:259)
     * on Commons Math's Sobol sequence in 2d dimensions: base sample j gives the rows A_j (the
     * first d coordinates), B_j (the last d) and, for each parameter i, AB_j^i (A_j with
     * coordinate i taken from B_j). Rows come in that order, base sample by base sample:
     * n x (d + 2) rows in [0,1)^d. The sequence's first point, the origin, is skipped.
     */
    public static double[][] saltelli(int n, int d) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        // Point 0 is the origin, which would put every parameter at its minimum in A_0 and B_0 alike.
        sobol.nextVector();
        double[][] rows = new double[n * (d + 2)][];
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            double[] a = java.util.Arrays.copyOfRange(v, 0, d);
            double[] b = java.util.Arrays.copyOfRange(v, d, 2 * d);
            int row = j * (d + 2);
            rows[row] = a;
            rows[row + 1] = b;
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                rows[row + 2 + i] = ab;
            }
        }
        return rows;
    }
}
