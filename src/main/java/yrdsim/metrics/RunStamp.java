package yrdsim.metrics;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Which run a row belongs to: the first columns of every table ({@code run_id}, {@code scenario},
 * {@code seed}, then a sweep's swept parameters), so that the tables of many runs stack into one
 * without reading paths. The same for every row of a run; kept in checkpoints with the recorder.
 *
 * @param runId           the run's id: {@code baseline-s20200101}, {@code baseline-s20200101-set-1a2b3c4d}
 *                        with overrides, or a sweep's {@code p0003-r1}
 * @param scenario        the scenario's name (in a comparison, its label there, such as {@code baseline-2})
 * @param seed            the run's seed
 * @param parameterNames  the swept parameters' dotted paths (a sweep's runs), else empty
 * @param parameterValues their values in this run, as design.csv writes them
 */
public record RunStamp(String runId, String scenario, long seed, List<String> parameterNames,
                       List<String> parameterValues) implements Serializable {

    /**
     * The columns every table starts with, declared as a table's columns are; a sweep's
     * parameters follow them, then {@code step} and {@code period}.
     */
    public static final List<Column<RunStamp>> COLUMNS = List.of(
            Column.of("run_id", "", "the run: SCENARIO-sSEED (with -set-HASH when it has overrides), "
                    + "or a sweep's run id such as p0003-r1", RunStamp::runId),
            Column.of("scenario", "", "the scenario's name (in a comparison, its label there)", RunStamp::scenario),
            Column.of("seed", "", "the run's seed", RunStamp::seed));

    /** Checks that names and values match; lists are copied. */
    public RunStamp {
        parameterNames = List.copyOf(parameterNames);
        parameterValues = List.copyOf(parameterValues);
        if (parameterNames.size() != parameterValues.size()) {
            throw new IllegalArgumentException(parameterNames.size() + " parameter names for "
                    + parameterValues.size() + " values");
        }
        for (String name : parameterNames) {
            if (COLUMNS.stream().anyMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException("a parameter cannot be named " + name);
            }
        }
    }

    /**
     * The id of a run that is not part of a sweep: {@code SCENARIO-sSEED}, and
     * {@code SCENARIO-sSEED-set-HASH} when overrides change the scenario ({@link #overrideHash}).
     * The same scenario, seed and overrides always give the same id.
     */
    public static String runId(String scenario, long seed, List<String> overrides) {
        String id = scenario + "-s" + seed;
        return overrides.isEmpty() ? id : id + "-set-" + overrideHash(overrides);
    }

    /**
     * A short name for a list of {@code key.path=value} overrides: the first 8 hex digits of the
     * SHA-256 of the overrides, one per line in the order given, with blanks around the
     * {@code =} removed (the order matters: a later override of a key wins).
     */
    public static String overrideHash(List<String> overrides) {
        List<String> normalized = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            normalized.add(eq < 0 ? o.trim() : o.substring(0, eq).trim() + "=" + o.substring(eq + 1).trim());
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", normalized).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A run without swept parameters. */
    public static RunStamp of(String runId, String scenario, long seed) {
        return new RunStamp(runId, scenario, seed, List.of(), List.of());
    }

    /** The stamp's column names: run_id, scenario, seed, then the parameters. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        COLUMNS.forEach(c -> header.add(c.name()));
        header.addAll(parameterNames);
        return header;
    }

    /** The stamp's values, in {@link #header()} order. */
    public Object[] values() {
        Object[] values = new Object[COLUMNS.size() + parameterValues.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            values[i] = COLUMNS.get(i).value().apply(this);
        }
        for (int i = 0; i < parameterValues.size(); i++) {
            values[COLUMNS.size() + i] = parameterValues.get(i);
        }
        return values;
    }
}
