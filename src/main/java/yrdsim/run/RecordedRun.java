package yrdsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.AtomicFiles;
import yrdsim.output.RefusedException;
import yrdsim.scenario.LoadedScenario;

/**
 * What a run directory's manifest records about its run, and how to read it back: the identity
 * that decides whether a directory already holds a run, and the settings {@code resume} runs
 * it again with. Both sides live here so they cannot drift apart.
 */
final class RecordedRun {

    private RecordedRun() {
    }

    /**
     * Settings that make two runs identical; threads are not among them. The scenario is
     * recorded by the path it was given, its absolute path (so that {@code resume} finds it from
     * any working directory) and the hashes of the file and of the resolved scenario.
     */
    static Map<String, Object> identity(RunOptions o, LoadedScenario loaded, long seed, String resolved,
                                        RunStamp stamp) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", loaded.scenario().name());
        scenario.put("path", o.scenario().toString());
        scenario.put("absolute_path", o.scenario().toAbsolutePath().normalize().toString());
        scenario.put("sha256", fileSha(o.scenario()));
        scenario.put("resolved_sha256", sha(resolved));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("scenario", scenario);
        identity.put("seed", seed);
        identity.put("steps", loaded.scenario().time().steps());
        identity.put("engine", o.engine().name().toLowerCase());
        identity.put("overrides", o.overrides());
        identity.put("tables", o.tables().name().toLowerCase());
        identity.put("firms_every", o.firmsEvery());
        identity.put("run", stamp(stamp));
        return identity;
    }

    /** The manifest's record of the columns that name the run in its tables. */
    private static Map<String, Object> stamp(RunStamp stamp) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", stamp.runId());
        run.put("scenario", stamp.scenario());
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < stamp.parameterNames().size(); i++) {
            parameters.put(stamp.parameterNames().get(i), stamp.parameterValues().get(i));
        }
        run.put("parameters", parameters);
        return run;
    }

    /** The stamp a manifest records, for a run with {@code seed}; null when it records none. */
    private static RunStamp stamp(JsonNode run, long seed) {
        if (!run.isObject()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        run.path("parameters").fields().forEachRemaining(e -> {
            names.add(e.getKey());
            values.add(e.getValue().asText());
        });
        return new RunStamp(run.path("id").asText(), run.path("scenario").asText(), seed, names, values);
    }

    /** SHA-256 of the resolved scenario's text. */
    static String sha(String resolved) {
        return AtomicFiles.sha256(resolved.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileSha(Path file) {
        try {
            return AtomicFiles.sha256(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** The options a run directory's manifest records, writing into {@code dir}. */
    static RunOptions options(Path dir, JsonNode m) throws RefusedException {
        try {
            List<String> overrides = new ArrayList<>();
            m.path("overrides").forEach(v -> overrides.add(v.asText()));
            EnterpriseEngine.Kind engine = EnterpriseEngine.Kind.valueOf(m.path("engine").asText().toUpperCase());
            JsonNode tables = m.path("tables");
            RunOptions.Tables which = tables.isBoolean() ? (tables.asBoolean() ? RunOptions.Tables.ALL
                    : RunOptions.Tables.NONE) : RunOptions.Tables.valueOf(tables.asText("all").toUpperCase());
            long seed = m.path("seed").asLong();
            return new RunOptions(Path.of(m.path("scenario").path("path").asText()), overrides,
                    seed, m.path("steps").asInt(), Math.max(1, m.path("threads").asInt(1)), engine,
                    dir, false, m.path("firms_every").asInt(0), m.path("checkpoint_every").asInt(0), which,
                    stamp(m.path("run"), seed));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("cannot resume " + dir + ": its manifest does not record the run's settings ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * The scenario file to run {@code dir}'s run again from step 0, whatever the working
     * directory: the absolute path the manifest records if that file is still there (so a
     * changed file is noticed and refused), else the run directory's own resolved scenario,
     * else the path as it was given (a manifest of an older yrdsim, read from the same place).
     */
    static Path scenarioSource(Path dir, JsonNode scenario, Path given) {
        String absolute = scenario.path("absolute_path").asText("");
        if (!absolute.isEmpty() && Files.isRegularFile(Path.of(absolute))) {
            return Path.of(absolute);
        }
        Path copy = dir.resolve(Runner.RESOLVED_SCENARIO);
        return Files.isRegularFile(copy) ? copy : given;
    }
}
