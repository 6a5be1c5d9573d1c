package yrdsim.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import yrdsim.scenario.Location;
import yrdsim.scenario.Problem;
import yrdsim.scenario.ScenarioException;

/**
 * A target file ({@code scenarios/targets/*.yaml}): the moments a calibration matches, each
 * with its value, its standard error (or a weight and the reason for it), its source and the
 * model statistic that matches it. Checked like a scenario: unknown keys, types and ranges are
 * problems located in the file ({@code FILE:LINE:COL: key.path: message}, exit code 2);
 * {@link #check(RunOutputs)} then checks every statistic against a probe run's outputs.
 *
 * @param file    the file as given
 * @param bytes   its content (its SHA-256 is part of a calibration's identity)
 * @param targets the targets in file order
 */
public record TargetFile(Path file, byte[] bytes, List<Target> targets) {

    private static final List<String> KEYS = List.of("description", "targets");
    private static final List<String> TARGET_KEYS = List.of("id", "value", "se", "weight", "weight_reason", "source",
            "statistic", "description");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * One target moment.
     *
     * @param id           a name for tables (lower case, digits, underscores)
     * @param value        the observed value
     * @param se           its standard error, or NaN when a weight is given instead
     * @param weight       the diagonal weight of the objective: 1/se², or the weight given
     * @param weightReason why a weight stands in for a standard error, or null
     * @param source       where the value comes from and how far to trust it
     * @param statistic    the statistic's text as written
     * @param parsed       the statistic
     * @param at           where the statistic is written
     */
    public record Target(String id, double value, double se, double weight, String weightReason, String source,
                         String statistic, Statistic parsed, Location at) {

        /**
         * The variance of the observed value used for standard errors: se², or 1/weight when a
         * weight is given (the weight is then read as an inverse variance).
         */
        public double variance() {
            return 1 / weight;
        }

        /** The statistic's atoms (summary figures, firm statistics, table aggregates). */
        List<Statistic> atoms() {
            List<Statistic> atoms = new ArrayList<>();
            parsed.atoms(atoms);
            return atoms;
        }
    }

    /** The bytes are copied. */
    public TargetFile {
        bytes = bytes.clone();
        targets = List.copyOf(targets);
    }

    /** SHA-256 of the file's content. */
    public String sha256() {
        return yrdsim.output.AtomicFiles.sha256(bytes);
    }

    /** The target ids in file order. */
    public List<String> ids() {
        return targets.stream().map(Target::id).toList();
    }

    /**
     * Reads and checks {@code file} on its own (statistics are parsed, not yet checked against a run).
     *
     * @throws ScenarioException listing every problem, each located in the file
     */
    public static TargetFile read(Path file) throws ScenarioException {
        FileChecker c = FileChecker.read(file);
        c.unknownKeys(c.root(), "", KEYS);
        c.text(c.root(), "description", "description", false);
        JsonNode list = c.root().get("targets");
        List<Target> targets = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            c.problem("targets", "must be a non-empty list of targets, each with id, value, se (or weight and "
                    + "weight_reason), source and statistic");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Target t = target(c, list.get(i), "targets." + i, ids);
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        c.throwIfAny();
        return new TargetFile(file, c.bytes(), targets);
    }

    private static Target target(FileChecker c, JsonNode node, String at, Set<String> ids) {
        if (!node.isObject()) {
            c.problem(at, "must be a mapping with id, value, se (or weight), source and statistic");
            return null;
        }
        c.unknownKeys(node, at, TARGET_KEYS);
        String id = c.text(node, "id", at + ".id", true);
        if (id != null && !ID.matcher(id).matches()) {
            c.problem(at + ".id", "must be lower case letters, digits and underscores, starting with a letter, got '"
                    + id + "'");
            id = null;
        } else if (id != null && !ids.add(id)) {
            c.problem(at + ".id", "repeats the id '" + id + "'");
            id = null;
        }
        Double value = c.number(node, "value", at + ".value", true);
        Double se = c.number(node, "se", at + ".se", false);
        Double weight = c.number(node, "weight", at + ".weight", false);
        String reason = c.text(node, "weight_reason", at + ".weight_reason", false);
        boolean ok = true;
        if (se != null && weight != null) {
            c.problem(at + ".weight", "give either se or weight, not both");
            ok = false;
        } else if (se == null && weight == null && !node.has("se") && !node.has("weight")) {
            c.problem(at, "needs se (the standard error of value) or weight (with weight_reason)");
            ok = false;
        }
        if (se != null && !(se > 0)) {
            c.problem(at + ".se", "must be a standard error above 0, got " + se);
            ok = false;
        }
        if (weight != null && !(weight > 0)) {
            c.problem(at + ".weight", "must be above 0, got " + weight);
            ok = false;
        }
        if (weight != null && reason == null && !node.has("weight_reason")) {
            c.problem(at + ".weight", "a weight needs weight_reason: why it stands in for a standard error");
            ok = false;
        }
        if (se != null && node.has("weight_reason")) {
            c.problem(at + ".weight_reason", "only a weight needs a reason; this target has a standard error");
            ok = false;
        }
        String source = c.text(node, "source", at + ".source", true);
        c.text(node, "description", at + ".description", false);
        String text = c.text(node, "statistic", at + ".statistic", true);
        Statistic parsed = null;
        if (text != null) {
            try {
                parsed = StatisticParser.parse(text);
            } catch (StatisticParser.SyntaxError e) {
                c.problem(at + ".statistic", "cannot read '" + text + "': " + e.getMessage());
            }
        }
        if (id == null || value == null || !ok || (se == null && weight == null) || source == null || parsed == null) {
            return null;
        }
        double w = se != null ? 1 / (se * se) : weight;
        return new Target(id, value, se != null ? se : Double.NaN, w, reason, source, text.replaceAll("\\s+", " ").trim(),
                parsed,
                c.locate(at + ".statistic"));
    }

    /** The tables the statistics read. */
    Set<String> tablesRead() {
        Set<String> tables = new LinkedHashSet<>();
        for (Target t : targets) {
            for (Statistic a : t.atoms()) {
                if (a instanceof Statistic.Aggregate agg) {
                    tables.add(agg.table());
                }
            }
        }
        return tables;
    }

    /** Whether a statistic reads {@link FirmDynamics}. */
    boolean readsFirmDynamics() {
        return targets.stream().flatMap(t -> t.atoms().stream()).anyMatch(a -> a instanceof Statistic.FirmFigure);
    }

    /**
     * Checks every statistic against {@code probe}, the outputs of a short run of the scenario:
     * an unknown summary figure, firm statistic, table column or filter value is a problem at the
     * target's statistic.
     *
     * @throws ScenarioException listing every such problem
     */
    void check(RunOutputs probe) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (Target t : targets) {
            for (Statistic atom : t.atoms()) {
                String problem = probe.problem(atom);
                if (problem != null) {
                    problems.add(new Problem(t.at(), "targets." + t.id() + ".statistic", problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /** The moments of one run: each target's statistic, NaN where undefined. */
    double[] moments(RunOutputs out) {
        double[] m = new double[targets.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = targets.get(i).parsed().value(out);
        }
        return m;
    }
}
