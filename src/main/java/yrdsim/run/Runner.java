package yrdsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.TableSink;
import yrdsim.model.ModelException;
import yrdsim.model.Province;
import yrdsim.model.Sector;
import yrdsim.model.StepObserver;
import yrdsim.model.YrdModel;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CsvTables;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.RunDirectory;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;

/**
 * One run, from scenario file to complete run directory. Used by {@code run}, {@code compare}
 * and {@code sweep}, so every run directory is made the same way.
 */
public final class Runner {

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    /** The fully resolved scenario written into every run directory; running it reproduces the run. */
    public static final String RESOLVED_SCENARIO = "scenario.resolved.yaml";

    private Runner() {
    }

    /** Loads the scenario of {@code o} with its overrides and step count applied. */
    public static LoadedScenario load(RunOptions o) throws ScenarioException {
        List<String> overrides = new ArrayList<>(o.overrides());
        if (o.steps() != null) {
            overrides.add("time.steps=" + o.steps());
        }
        return ScenarioLoader.load(o.scenario(), overrides);
    }

    /** The directory a run of {@code loaded} with {@code seed} writes to by default. */
    public static Path defaultDirectory(LoadedScenario loaded, long seed) {
        return Path.of("results", loaded.scenario().name(), "seed-" + seed);
    }

    /**
     * Runs {@code o} into its directory.
     *
     * @throws ScenarioException the scenario or an override is invalid (nothing is written)
     * @throws RefusedException  the output directory holds something that must not be replaced
     * @throws RunFailure        the run started and failed; its manifest says {@code failed}
     */
    public static RunResult run(RunOptions o, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        LoadedScenario loaded = load(o);
        long seed = o.seed() != null ? o.seed() : loaded.scenario().seed();
        Path dir = o.out() != null ? o.out() : defaultDirectory(loaded, seed);
        String resolved = loaded.tree().toYaml();
        Map<String, Object> identity = identity(o, loaded, seed, resolved);
        try {
            RunResult reused = prepare(dir, o.force(), identity);
            if (reused != null) {
                return reused;
            }
        } catch (IOException e) {
            throw new RunFailure("cannot prepare output directory " + dir + ": " + describe(e), e);
        }
        Manifest manifest = new Manifest(dir);
        identity.forEach(manifest::put);
        manifest.put("threads", o.threads());
        manifest.put("started_at", Instant.now().toString());
        long started = System.nanoTime();
        try {
            manifest.write(Manifest.RUNNING);
            AtomicFiles.write(dir.resolve(RESOLVED_SCENARIO), resolved);
            return execute(o, loaded, seed, dir, manifest, started, progress);
        } catch (IOException | UncheckedIOException | ModelException e) {
            String message = e instanceof ModelException ? e.getMessage()
                    : "writing " + dir + " failed: " + describe(e instanceof UncheckedIOException u ? u.getCause() : e);
            markFailed(manifest, message);
            throw new RunFailure(message, e);
        }
    }

    private static RunResult execute(RunOptions o, LoadedScenario loaded, long seed, Path dir, Manifest manifest,
                                     long started, Progress progress) throws IOException {
        YrdModel model = new YrdModel(loaded, seed, o.engine(), o.threads());
        Recorder recorder = new Recorder(o.tablesWanted() ? new CsvTables(dir) : DISCARD, o.firmsEvery());
        // The recorder runs inside each step (it observes the step's end); its time is output,
        // not stepping, and the firm snapshot of a large run takes longer than its steps.
        long[] recordingNanos = {0};
        model.addObserver(new StepObserver() {
            @Override
            public void started(YrdModel m) {
                recorder.started(m);
            }

            @Override
            public void stepped(YrdModel m) {
                long t = System.nanoTime();
                recorder.stepped(m);
                recordingNanos[0] += System.nanoTime() - t;
            }
        });
        try {
            model.start();
            manifest.put("enterprises_initial", model.firmCount());
            int steps = loaded.scenario().time().steps();
            LOG.info("running {} ({} enterprises, {} steps, {} engine, {} thread{}) into {}",
                    loaded.scenario().name(), model.firmCount(), steps, o.engine().name().toLowerCase(),
                    o.threads(), o.threads() == 1 ? "" : "s", dir);
            long firmSteps = 0;
            long loopStart = System.nanoTime();
            for (int k = 0; k < steps; k++) {
                firmSteps += model.firmCount();
                model.schedule.step(model);
                progress.step(k + 1, steps);
            }
            // Steps only: without calibration (start) and without the recorder's output.
            double loopSeconds = (System.nanoTime() - loopStart - recordingNanos[0]) / 1e9;
            Map<String, Object> summary = recorder.finish(model);
            AtomicFiles.write(dir.resolve("summary.json"), Json.write(summary));
            AtomicFiles.write(dir.resolve("calibration.json"), Json.write(calibration(model)));
            manifest.put("finished_at", Instant.now().toString());
            manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
            manifest.put("steps_wall_seconds", loopSeconds);
            manifest.put("enterprise_steps_per_second", loopSeconds > 0 ? firmSteps / loopSeconds : 0.0);
            manifest.put("enterprises_final", model.firmCount());
            manifest.complete();
            return new RunResult(dir, summary, loopSeconds, firmSteps, false);
        } finally {
            model.finish();
        }
    }

    /** Settings that make two runs identical; threads are not among them. */
    private static Map<String, Object> identity(RunOptions o, LoadedScenario loaded, long seed, String resolved) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", loaded.scenario().name());
        scenario.put("path", o.scenario().toString());
        scenario.put("sha256", fileSha(o.scenario()));
        scenario.put("resolved_sha256", AtomicFiles.sha256(resolved.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("scenario", scenario);
        identity.put("seed", seed);
        identity.put("steps", loaded.scenario().time().steps());
        identity.put("engine", o.engine().name().toLowerCase());
        identity.put("overrides", o.overrides());
        identity.put("tables", o.tablesWanted());
        identity.put("firms_every", o.firmsEvery());
        return identity;
    }

    private static String fileSha(Path file) {
        try {
            return AtomicFiles.sha256(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Makes {@code dir} ready, or returns the identical complete run already in it. */
    private static RunResult prepare(Path dir, boolean force, Map<String, Object> identity)
            throws IOException, RefusedException {
        switch (RunDirectory.state(dir)) {
            case FREE -> Files.createDirectories(dir);
            case INCOMPLETE -> {
                LOG.warn("{} holds an incomplete run; replacing it", dir);
                RunDirectory.clear(dir);
            }
            case COMPLETE -> {
                if (!force) {
                    JsonNode existing = Manifest.read(dir);
                    if (sameRun(existing, identity)) {
                        LOG.info("{} already holds this run, complete and identical; nothing to do", dir);
                        Map<String, Object> summary = readSummary(dir);
                        return new RunResult(dir, summary, existing.path("steps_wall_seconds").asDouble(),
                                0, true);
                    }
                    throw new RefusedException(dir + " holds a different complete run; use --force to replace it, "
                            + "or --out to write elsewhere");
                }
                RunDirectory.clear(dir);
            }
            case FOREIGN -> throw new RefusedException(dir + " is not empty and was not written by yrdsim; "
                    + "choose another --out");
            default -> throw new IllegalStateException();
        }
        return null;
    }

    private static boolean sameRun(JsonNode existing, Map<String, Object> identity) {
        if (existing == null) {
            return false;
        }
        JsonNode wanted = Json.tree(identity);
        var names = wanted.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode mine = wanted.get(name);
            JsonNode theirs = existing.get(name);
            if (name.equals("scenario")) {
                if (theirs == null || !mine.path("resolved_sha256").equals(theirs.path("resolved_sha256"))) {
                    return false;
                }
            } else if (theirs == null || !mine.toString().equals(theirs.toString())) {
                // Compared as text: a number read back from JSON may have another node type.
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readSummary(Path dir) throws IOException {
        return Json.MAPPER.readValue(dir.resolve("summary.json").toFile(), LinkedHashMap.class);
    }

    private static void markFailed(Manifest manifest, String message) {
        try {
            manifest.put("error", message);
            manifest.put("finished_at", Instant.now().toString());
            manifest.write(Manifest.FAILED);
        } catch (IOException ignored) {
            // The disk that failed the run may fail this too; the manifest then still says running.
        }
    }

    /** One line for an I/O error: the path and the reason, without the exception class. */
    public static String describe(Throwable e) {
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return (f.getFile() != null ? f.getFile() + ": " : "") + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The calibrated constants of step 0, written as calibration.json for provenance. */
    private static Map<String, Object> calibration(YrdModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> regions = new LinkedHashMap<>();
        for (Province p : m.provinces()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("amenity_workers", p.getAmenityWorkers());
            r.put("amenity_talent", p.getAmenityTalent());
            r.put("saving_rate", p.getSavingRate());
            r.put("public_rd_rate", p.getPublicRdRate());
            regions.put(p.getName(), r);
        }
        out.put("regions", regions);
        Map<String, Object> sectors = new LinkedHashMap<>();
        double[] xi = m.relocationConstants();
        for (Sector s : m.sectors()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("fixed_cost", s.getFixedCost());
            r.put("entry_rate", s.getEntryRate());
            r.put("rd_scale", s.getRdScale());
            r.put("half_talent", s.getHalfTalent());
            r.put("demand_shifter", s.getDemandShifter0());
            Map<String, Object> reloc = new LinkedHashMap<>();
            for (Province p : m.provinces()) {
                double v = xi[m.structure().cell(p.getIndex(), s.getIndex())];
                reloc.put(p.getName(), Double.isFinite(v) ? v : null);
            }
            r.put("relocation_constant", reloc);
            sectors.put(s.getName(), r);
        }
        out.put("sectors", sectors);
        out.put("iotf_entry_rate", m.iotfEntryRate());
        return out;
    }

    /** A sink that drops every row (sweeps keep only summaries). */
    private static final TableSink DISCARD = (name, columns) -> new RowSink() {
        @Override
        public void row(Object... values) {
        }

        @Override
        public void close() {
        }
    };
}
