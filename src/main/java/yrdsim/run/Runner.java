package yrdsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import yrdsim.model.CalibrationException;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.ModelException;
import yrdsim.model.Province;
import yrdsim.model.Sector;
import yrdsim.model.YrdModel;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CsvTables;
import yrdsim.output.IoErrors;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.Provenance;
import yrdsim.output.RefusedException;
import yrdsim.output.RunDirectory;
import yrdsim.output.RunFailure;
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
            RunResult reused = reusable(dir, o.force(), identity);
            if (reused != null) {
                return reused;
            }
        } catch (IOException e) {
            throw new RunFailure("cannot use output directory: " + IoErrors.describe(e), e);
        }
        YrdModel model = new YrdModel(loaded, seed, o.engine(), o.threads());
        try {
            start(model, loaded);
            try {
                ready(dir);
            } catch (IOException e) {
                throw new RunFailure("cannot use output directory: " + IoErrors.describe(e), e);
            }
            Manifest manifest = new Manifest(dir);
            identity.forEach(manifest::put);
            if (model.threads() != o.threads()) {
                LOG.warn("the {} engine steps on {} thread; --threads {} does not apply to it",
                        o.engine().name().toLowerCase(), model.threads(), o.threads());
            }
            manifest.put("threads", model.threads());
            manifest.put("checkpoint_every", o.checkpointEvery());
            manifest.put("started_at", Instant.now().toString());
            manifest.put("enterprises_initial", model.firmCount());
            long started = System.nanoTime();
            CsvTables tables = o.tablesWanted() ? new CsvTables(dir) : null;
            try {
                manifest.write(Manifest.RUNNING);
                if (o.tablesWanted()) {
                    AtomicFiles.write(dir.resolve(RESOLVED_SCENARIO), resolved);
                }
                Recorder recorder = new Recorder(tables != null ? tables : DISCARD, o.firmsEvery());
                model.addObserver(recorder);
                recorder.started(model);
                LOG.info("running {} ({} enterprises, {} steps, {} engine, {} thread{}) into {}",
                        loaded.scenario().name(), model.firmCount(), loaded.scenario().time().steps(),
                        o.engine().name().toLowerCase(), model.threads(), model.threads() == 1 ? "" : "s", dir);
                return steps(new Job(dir, manifest, model, recorder, tables, o.checkpointEvery(), started), progress);
            } catch (IOException | RuntimeException e) {
                throw failed(manifest, tables, dir, e);
            }
        } finally {
            model.finish();
        }
    }

    /**
     * Calibrates step 0. A scenario whose equilibrium cannot be built is bad input, found
     * before the output directory is touched.
     */
    private static void start(YrdModel model, LoadedScenario loaded) throws ScenarioException {
        try {
            model.start();
        } catch (CalibrationException e) {
            throw new ScenarioException(loaded.tree().problem("", "the step-0 equilibrium cannot be built from this "
                    + "scenario: " + e.getMessage() + " (check stocks and parameters near their limits)"));
        }
    }

    /**
     * Continues the incomplete run in {@code dir} from its latest checkpoint, with the settings
     * its manifest records, to the same complete run directory an uninterrupted run writes. A run
     * without a checkpoint starts again from step 0; a complete run is left as it is.
     *
     * @throws ScenarioException a run without checkpoint whose scenario is now invalid
     * @throws RefusedException  {@code dir} holds no run that can be resumed
     * @throws RunFailure        the resumed run failed; its manifest says {@code failed}
     */
    public static RunResult resume(Path dir, Progress progress) throws ScenarioException, RefusedException, RunFailure {
        Manifest manifest;
        try {
            switch (RunDirectory.state(dir)) {
                case FREE -> throw new RefusedException(dir + (Files.exists(dir) ? " holds no run to resume"
                        : ": no such directory"));
                case FOREIGN -> throw new RefusedException(dir + " is not a yrdsim run directory");
                case COMPLETE -> {
                    LOG.info("{} holds a complete run; nothing to resume", dir);
                    JsonNode existing = Manifest.read(dir);
                    return new RunResult(dir, readSummary(dir), existing.path("steps_wall_seconds").asDouble(), 0,
                            true);
                }
                default -> {
                }
            }
            manifest = Manifest.reopen(dir);
        } catch (IOException e) {
            throw new RefusedException("cannot resume " + dir + ": " + IoErrors.describe(e));
        }
        JsonNode recorded = Json.tree(manifest.get("yrdsim_version"));
        String built = Provenance.version() + " (" + Provenance.gitCommit() + ")";
        String then = recorded.asText() + " (" + Json.tree(manifest.get("git_commit")).asText() + ")";
        if (!built.equals(then)) {
            throw new RefusedException(dir + " was written by yrdsim " + then + ", this is " + built
                    + ": its checkpoint may not continue the same way; run it again with 'yrdsim run --force'");
        }
        RunOptions options = options(dir, manifest.tree());
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(dir);
        } catch (IOException e) {
            throw new RunFailure("cannot resume " + dir + ": " + IoErrors.describe(e), e);
        }
        if (checkpoint == null) {
            return restart(dir, options, manifest, progress);
        }
        YrdModel model = checkpoint.model();
        CsvTables tables = options.tablesWanted() ? CsvTables.resuming(dir, checkpoint.tableBytes()) : null;
        try {
            Recorder recorder = checkpoint.recorder();
            recorder.reattach(tables != null ? tables : DISCARD);
            model.addObserver(recorder);
            manifest.put("resumed_from_step", model.step());
            manifest.put("resumed_at", Instant.now().toString());
            manifest.write(Manifest.RUNNING);
            LOG.info("resuming {} at step {} of {} ({} enterprises)", dir, model.step(),
                    model.scenario().time().steps(), model.firmCount());
            return steps(new Job(dir, manifest, model, recorder, tables, options.checkpointEvery(), System.nanoTime()),
                    progress);
        } catch (IOException | RuntimeException e) {
            throw failed(manifest, tables, dir, e);
        } finally {
            model.finish();
        }
    }

    /** A run interrupted before its first checkpoint: the same run again, from the same scenario. */
    private static RunResult restart(Path dir, RunOptions options, Manifest manifest, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        LoadedScenario loaded = load(options);
        String resolved = AtomicFiles.sha256(loaded.tree().toYaml().getBytes(StandardCharsets.UTF_8));
        JsonNode scenario = Json.tree(manifest.get("scenario"));
        if (!resolved.equals(scenario.path("resolved_sha256").asText())) {
            throw new RefusedException(dir + " has no checkpoint, and its scenario " + options.scenario()
                    + " has changed since the run started; run it again with 'yrdsim run --force'");
        }
        LOG.info("{} has no checkpoint; running it again from step 0", dir);
        return run(options, progress);
    }

    /** The options a run directory's manifest records. */
    private static RunOptions options(Path dir, JsonNode m) throws RefusedException {
        try {
            List<String> overrides = new ArrayList<>();
            m.path("overrides").forEach(v -> overrides.add(v.asText()));
            EnterpriseEngine.Kind engine = EnterpriseEngine.Kind.valueOf(m.path("engine").asText().toUpperCase());
            return new RunOptions(Path.of(m.path("scenario").path("path").asText()), overrides,
                    m.path("seed").asLong(), m.path("steps").asInt(), Math.max(1, m.path("threads").asInt(1)), engine,
                    dir, false, m.path("firms_every").asInt(0), m.path("checkpoint_every").asInt(0),
                    m.path("tables").asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("cannot resume " + dir + ": its manifest does not record the run's settings ("
                    + e.getMessage() + ")");
        }
    }

    /** A run between steps: what {@link #steps} needs to carry it to a complete directory. */
    private record Job(Path dir, Manifest manifest, YrdModel model, Recorder recorder, CsvTables tables,
                       int checkpointEvery, long started) {
    }

    /** Runs the remaining steps of {@code job}, checkpointing as asked, and completes its directory. */
    private static RunResult steps(Job job, Progress progress) throws IOException {
        YrdModel model = job.model();
        int steps = model.scenario().time().steps();
        long firmSteps = 0;
        long loopStart = System.nanoTime();
        long recordingBefore = job.recorder().busyNanos();
        long checkpointNanos = 0;
        for (int k = model.step(); k < steps; k++) {
            firmSteps += model.firmCount();
            model.schedule.step(model);
            progress.step(k + 1, steps);
            int done = k + 1;
            if (job.checkpointEvery() > 0 && done % job.checkpointEvery() == 0 && done < steps) {
                long t = System.nanoTime();
                Map<String, Long> lengths = job.tables() != null ? job.tables().sync() : Map.of();
                Checkpoint.write(job.dir(), model, job.recorder(), lengths);
                checkpointNanos += System.nanoTime() - t;
                LOG.debug("checkpoint after step {}", done);
            }
        }
        // The steps alone: without calibration, the recorder's output and checkpoints.
        long recording = job.recorder().busyNanos() - recordingBefore;
        double loopSeconds = (System.nanoTime() - loopStart - recording - checkpointNanos) / 1e9;
        Path dir = job.dir();
        Map<String, Object> summary = job.recorder().finish(model);
        AtomicFiles.write(dir.resolve("summary.json"), Json.write(summary));
        if (job.tables() != null) {
            // A sweep run keeps only its manifest and summary.
            AtomicFiles.write(dir.resolve("calibration.json"), Json.write(calibration(model)));
        }
        Checkpoint.delete(dir);
        Manifest manifest = job.manifest();
        manifest.put("finished_at", Instant.now().toString());
        manifest.put("wall_seconds", (System.nanoTime() - job.started()) / 1e9);
        manifest.put("steps_wall_seconds", loopSeconds);
        manifest.put("enterprise_steps_per_second", loopSeconds > 0 ? firmSteps / loopSeconds : 0.0);
        manifest.put("enterprises_final", model.firmCount());
        manifest.complete();
        return new RunResult(dir, summary, loopSeconds, firmSteps, false);
    }

    /**
     * Marks the run failed and says why in one line. Bugs (exceptions other than I/O errors and
     * model guards) keep their type, so they are reported as internal errors.
     */
    private static RunFailure failed(Manifest manifest, CsvTables tables, Path dir, Exception e) {
        if (tables != null) {
            tables.abandon();
        }
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String message = e instanceof ModelException ? e.getMessage()
                : cause instanceof IOException ? "cannot write " + IoErrors.describe(cause)
                : "internal error: " + e;
        manifest.markFailed(message);
        if (e instanceof RuntimeException r && !(e instanceof ModelException) && !(e instanceof UncheckedIOException)) {
            throw r;
        }
        return new RunFailure(message, e);
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

    /**
     * Returns the identical complete run already in {@code dir}, or null when the run must be
     * made; refuses a directory that must not be replaced.
     */
    private static RunResult reusable(Path dir, boolean force, Map<String, Object> identity)
            throws IOException, RefusedException {
        switch (RunDirectory.state(dir)) {
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
            }
            case FOREIGN -> throw new RefusedException(dir + (Files.isDirectory(dir)
                    ? " is not empty and was not written by yrdsim" : " is a file, not a directory")
                    + "; choose another --out");
            default -> {
            }
        }
        return null;
    }

    /** Makes {@code dir} ready for a new run: created if missing; an incomplete or replaced run cleared. */
    private static void ready(Path dir) throws IOException {
        switch (RunDirectory.state(dir)) {
            case FREE -> Files.createDirectories(dir);
            case INCOMPLETE -> {
                LOG.warn("{} holds an incomplete run; replacing it", dir);
                RunDirectory.clear(dir);
            }
            case COMPLETE -> RunDirectory.clear(dir);
            case FOREIGN -> throw new IOException(dir + " changed while the run was being set up");
            default -> throw new IllegalStateException();
        }
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


    /** The calibrated constants of step 0, written as calibration.json for provenance. */
    private static Map<String, Object> calibration(YrdModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> regions = new LinkedHashMap<>();
        for (Province p : m.provinces()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("amenity_workers", finiteOrNull(p.getAmenityWorkers()));
            r.put("amenity_talent", finiteOrNull(p.getAmenityTalent()));
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
                reloc.put(p.getName(), finiteOrNull(v));
            }
            r.put("relocation_constant", reloc);
            sectors.put(s.getName(), r);
        }
        out.put("sectors", sectors);
        out.put("iotf_entry_rate", m.iotfEntryRate());
        return out;
    }

    /** A constant of −∞ (no one can move there: the region has none of the factor) is written as null. */
    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
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
