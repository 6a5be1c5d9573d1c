package yrdsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.metrics.Recorder;
import yrdsim.metrics.RowSink;
import yrdsim.metrics.RunStamp;
import yrdsim.metrics.RunTables;
import yrdsim.metrics.TableLayout;
import yrdsim.metrics.TableSink;
import yrdsim.model.CalibrationException;
import yrdsim.model.ModelException;
import yrdsim.model.Province;
import yrdsim.model.Sector;
import yrdsim.model.YrdModel;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CsvTables;
import yrdsim.output.IoErrors;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.Provenance;
import yrdsim.output.RefusedException;
import yrdsim.output.RunDirectory;
import yrdsim.output.RunFailure;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.LoopGain;
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
        return ScenarioLoader.load(o.scenario(), overrides(o));
    }

    /** The overrides a run applies: its {@code --set} list, then {@code time.steps=N} for {@code --steps N}. */
    public static List<String> overrides(RunOptions o) {
        List<String> overrides = new ArrayList<>(o.overrides());
        if (o.steps() != null) {
            overrides.add("time.steps=" + o.steps());
        }
        return overrides;
    }

    /**
     * The directory a run of {@code loaded} with {@code seed} writes to by default:
     * {@code results/NAME/seed-SEED}, or {@code results/NAME/seed-SEED-set-HASH} when overrides
     * ({@code --set}, {@code --steps}) change the scenario, so that a what-if run never meets
     * the plain run's directory. The manifest lists the overrides.
     */
    public static Path defaultDirectory(LoadedScenario loaded, long seed, List<String> overrides) {
        return Path.of("results", loaded.scenario().name(), "seed-" + seed
                + (overrides.isEmpty() ? "" : "-set-" + RunStamp.overrideHash(overrides)));
    }

    /**
     * The columns that name the run in every table: the stamp {@code o} carries (a comparison's
     * or a sweep's run), or {@code run_id} {@link RunStamp#runId SCENARIO-sSEED[-set-HASH]}.
     */
    static RunStamp stamp(RunOptions o, LoadedScenario loaded, long seed) {
        if (o.stamp() != null) {
            if (o.stamp().seed() != seed) {
                throw new IllegalArgumentException("run " + o.stamp().runId() + " is stamped with seed "
                        + o.stamp().seed() + " but runs with seed " + seed);
            }
            return o.stamp();
        }
        String name = loaded.scenario().name();
        return RunStamp.of(RunStamp.runId(name, seed, overrides(o)), name, seed);
    }

    /** {@link #run(RunOptions, Progress, Clock)} on the system clock. */
    public static RunResult run(RunOptions o, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        return run(o, progress, Clock.systemUTC());
    }

    /**
     * Runs {@code o} into its directory, which it holds locked until the run ends.
     *
     * @param clock stamps the manifest's times
     * @throws ScenarioException the scenario or an override is invalid (nothing is written)
     * @throws RefusedException  the output directory holds something that must not be replaced,
     *                           or another process is writing it
     * @throws RunFailure        the run started and failed; its manifest says {@code failed}
     */
    public static RunResult run(RunOptions o, Progress progress, Clock clock)
            throws ScenarioException, RefusedException, RunFailure {
        LoadedScenario loaded = load(o);
        long seed = o.seed() != null ? o.seed() : loaded.scenario().seed();
        Path dir = o.out() != null ? o.out() : defaultDirectory(loaded, seed, overrides(o));
        String resolved = loaded.tree().toYaml();
        Map<String, Object> identity = RecordedRun.identity(o, loaded, seed, resolved, stamp(o, loaded, seed));
        try (OutputDirectory out = claim(dir, OutputDirectory.RUN, OutputDirectory.Identity.fields(identity),
                o.force(), clock)) {
            if (out.decision() == OutputDirectory.Decision.DONE) {
                LOG.info("{} already holds this run, complete and identical; nothing to do", dir);
                return reused(out);
            }
            return fromStart(o, loaded, seed, resolved, identity, out, progress);
        }
    }

    private static OutputDirectory claim(Path dir, OutputDirectory.Kind kind, OutputDirectory.Identity identity,
                                         boolean force, Clock clock) throws RefusedException, RunFailure {
        try {
            return OutputDirectory.claim(dir, kind, identity, force, clock);
        } catch (IOException e) {
            throw new RunFailure("cannot use output directory: " + IoErrors.describe(e), e);
        }
    }

    /** The complete run a claim found, as a result: nothing ran. */
    private static RunResult reused(OutputDirectory out) throws RunFailure {
        try {
            return new RunResult(out.directory(), readSummary(out.directory()),
                    out.existing().path("steps_wall_seconds").asDouble(), 0, true);
        } catch (IOException e) {
            throw new RunFailure("cannot read " + IoErrors.describe(e), e);
        }
    }

    /** The files a complete run directory holds: every table, or only the summary (a sweep's run). */
    public static List<String> expectedFiles(boolean tables) {
        return expectedFiles(tables ? RunOptions.Tables.ALL : RunOptions.Tables.NONE);
    }

    /**
     * The files a complete run directory holds: every table, the summary, the calibration and
     * the resolved scenario; or the per-step tables and the summary; or the summary alone.
     */
    public static List<String> expectedFiles(RunOptions.Tables tables) {
        List<String> files = new ArrayList<>();
        List<TableLayout<?>> written = tables == RunOptions.Tables.ALL ? RunTables.ALL
                : tables == RunOptions.Tables.SERIES ? RunTables.SERIES : List.of();
        written.forEach(t -> files.add(t.name() + ".csv"));
        files.add("summary.json");
        if (tables == RunOptions.Tables.ALL) {
            files.add("calibration.json");
            files.add(RESOLVED_SCENARIO);
        }
        return files;
    }

    /**
     * Where the recorder's tables go: the run directory's CSV files ({@code tables}), only the
     * per-step ones for {@link RunOptions.Tables#SERIES}, or nowhere.
     */
    private static TableSink sink(RunOptions o, CsvTables tables) {
        if (tables == null) {
            return DISCARD;
        }
        if (o.tables() == RunOptions.Tables.SERIES) {
            List<String> series = RunTables.SERIES.stream().map(TableLayout::name).toList();
            return (name, columns) -> series.contains(name) ? tables.open(name, columns) : DISCARD.open(name, columns);
        }
        return tables;
    }

    /** Runs from step 0 into the claimed directory, replacing what it holds. */
    private static RunResult fromStart(RunOptions o, LoadedScenario loaded, long seed, String resolved,
                                       Map<String, Object> identity, OutputDirectory out, Progress progress)
            throws ScenarioException, RunFailure {
        Path dir = out.directory();
        YrdModel model = new YrdModel(loaded, seed, Engines.of(o.engine(), o.threads()));
        try {
            start(model, loaded);
            try {
                out.prepare();
            } catch (IOException e) {
                throw new RunFailure("cannot use output directory: " + IoErrors.describe(e), e);
            }
            Manifest manifest = out.manifest();
            identity.forEach(manifest::put);
            if (model.threads() != o.threads()) {
                LOG.warn("the {} engine steps on {} thread; --threads {} does not apply to it",
                        o.engine().name().toLowerCase(), model.threads(), o.threads());
            }
            manifest.put("threads", model.threads());
            manifest.put("checkpoint_every", o.checkpointEvery());
            manifest.stamp("started_at");
            manifest.put("enterprises_initial", model.firmCount());
            manifest.expect(expectedFiles(o.tables()));
            long started = System.nanoTime();
            CsvTables tables = o.tables() != RunOptions.Tables.NONE ? new CsvTables(dir) : null;
            try {
                manifest.write(Manifest.RUNNING);
                if (o.tablesWanted()) {
                    AtomicFiles.write(dir.resolve(RESOLVED_SCENARIO), resolved);
                }
                Recorder recorder = new Recorder(sink(o, tables), o.firmsEvery(), stamp(o, loaded, seed));
                model.addObserver(recorder);
                recorder.started(model);
                LOG.info("running {} ({} enterprises, {} steps, {} engine, {} thread{}) into {}",
                        loaded.scenario().name(), model.firmCount(), loaded.scenario().time().steps(),
                        o.engine().name().toLowerCase(), model.threads(), model.threads() == 1 ? "" : "s", dir);
                return steps(new Job(dir, manifest, model, recorder, tables, o.tablesWanted(), o.checkpointEvery(),
                        started), progress);
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

    /** A run directory continues what it holds: {@code resume} takes whatever run is there. */
    private static final OutputDirectory.Kind RESUMED = new OutputDirectory.Kind("run", List.of(), true);

    /** {@link #resume(Path, Progress, Clock)} on the system clock. */
    public static RunResult resume(Path dir, Progress progress) throws ScenarioException, RefusedException, RunFailure {
        return resume(dir, progress, Clock.systemUTC());
    }

    /**
     * Continues the incomplete run in {@code dir} from its latest checkpoint, with the settings
     * its manifest records, to the same complete run directory an uninterrupted run writes. A run
     * without a checkpoint starts again from step 0; a complete run is left as it is.
     *
     * @throws ScenarioException a run without checkpoint whose scenario is now invalid
     * @throws RefusedException  {@code dir} holds no run that can be resumed, or another process is writing it
     * @throws RunFailure        the resumed run failed; its manifest says {@code failed}
     */
    public static RunResult resume(Path dir, Progress progress, Clock clock)
            throws ScenarioException, RefusedException, RunFailure {
        try {
            switch (RunDirectory.state(dir)) {
                case FREE -> throw new RefusedException(dir + (Files.exists(dir) ? " holds no run to resume"
                        : ": no such directory"));
                case FOREIGN -> throw new RefusedException(dir + " is not a yrdsim run directory");
                default -> {
                }
            }
        } catch (IOException e) {
            throw new RefusedException("cannot resume " + dir + ": " + IoErrors.describe(e));
        }
        try (OutputDirectory out = claim(dir, RESUMED, OutputDirectory.Identity.ANY, false, clock)) {
            return switch (out.decision()) {
                case DONE -> {
                    LOG.info("{} holds a complete run; nothing to resume", dir);
                    yield reused(out);
                }
                case FRESH -> throw new RefusedException(dir + " holds no run to resume");
                case CONTINUE -> resume(out, progress);
            };
        }
    }

    /** Continues the unfinished run of a claimed directory: from its checkpoint, or from step 0. */
    private static RunResult resume(OutputDirectory out, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        Path dir = out.directory();
        Manifest manifest;
        try {
            manifest = out.reopenManifest();
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
        RunOptions options = RecordedRun.options(dir, manifest.tree());
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(dir);
        } catch (IOException e) {
            throw new RunFailure("cannot resume " + dir + ": " + IoErrors.describe(e), e);
        }
        if (checkpoint == null) {
            return restart(out, options, manifest, progress);
        }
        YrdModel model = checkpoint.model();
        CsvTables tables = options.tables() != RunOptions.Tables.NONE
                ? CsvTables.resuming(dir, checkpoint.tableBytes()) : null;
        try {
            Recorder recorder = checkpoint.recorder();
            recorder.reattach(sink(options, tables));
            model.addObserver(recorder);
            manifest.put("resumed_from_step", model.step());
            manifest.stamp("resumed_at");
            manifest.write(Manifest.RUNNING);
            LOG.info("resuming {} at step {} of {} ({} enterprises)", dir, model.step(),
                    model.scenario().time().steps(), model.firmCount());
            return steps(new Job(dir, manifest, model, recorder, tables, options.tablesWanted(),
                    options.checkpointEvery(), System.nanoTime()), progress);
        } catch (IOException | RuntimeException e) {
            throw failed(manifest, tables, dir, e);
        } finally {
            model.finish();
        }
    }

    /**
     * A run interrupted before its first checkpoint: the same run again, from the same scenario,
     * found from any working directory (see {@link RecordedRun#scenarioSource}).
     */
    private static RunResult restart(OutputDirectory out, RunOptions recorded, Manifest manifest, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        Path dir = out.directory();
        JsonNode scenario = Json.tree(manifest.get("scenario"));
        RunOptions options = recorded.withScenario(RecordedRun.scenarioSource(dir, scenario, recorded.scenario()));
        LoadedScenario loaded = load(options);
        String resolved = loaded.tree().toYaml();
        if (!RecordedRun.sha(resolved).equals(scenario.path("resolved_sha256").asText())) {
            throw new RefusedException(dir + " has no checkpoint, and its scenario " + options.scenario()
                    + " has changed since the run started; run it again with 'yrdsim run --force'");
        }
        LOG.info("{} has no checkpoint; running it again from step 0", dir);
        // The scenario as first recorded: the file it was run from, whichever copy was read now.
        Map<String, Object> identity = RecordedRun.identity(options, loaded, options.seed(), resolved,
                stamp(options, loaded, options.seed()));
        identity.put("scenario", scenario);
        return fromStart(options, loaded, options.seed(), resolved, identity, out, progress);
    }

    /**
     * A run between steps: what {@link #steps} needs to carry it to a complete directory;
     * {@code full} when it writes a whole run directory (calibration included).
     */
    private record Job(Path dir, Manifest manifest, YrdModel model, Recorder recorder, CsvTables tables, boolean full,
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
        if (job.full()) {
            // A sweep run (summary, perhaps series) skips the counterfactual: it would double every run.
            summary.put("iotf_growth", growthSplit(model, summary));
        }
        AtomicFiles.write(dir.resolve("summary.json"), Json.write(summary));
        if (job.full()) {
            // A sweep run keeps only its manifest, summary and perhaps its series.
            AtomicFiles.write(dir.resolve("calibration.json"), Json.write(calibration(model)));
        }
        Checkpoint.delete(dir);
        Manifest manifest = job.manifest();
        if (job.tables() != null) {
            manifest.expect(job.tables().files());
        }
        manifest.stamp("finished_at");
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
        String message = e instanceof ModelException || cause instanceof Manifest.MissingOutputException
                ? cause.getMessage()
                : cause instanceof IOException ? "cannot write " + IoErrors.describe(cause)
                : "internal error: " + e;
        manifest.markFailed(message);
        if (e instanceof RuntimeException r && !(e instanceof ModelException) && !(e instanceof UncheckedIOException)) {
            throw r;
        }
        return new RunFailure(message, e);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readSummary(Path dir) throws IOException {
        return Json.MAPPER.readValue(dir.resolve("summary.json").toFile(), LinkedHashMap.class);
    }


    /** The IotF growth split of {@link GrowthSplit}; its counterfactual is the run's own scenario, already valid. */
    private static Map<String, Object> growthSplit(YrdModel model, Map<String, Object> summary) {
        try {
            return GrowthSplit.of(model, summary);
        } catch (ScenarioException e) {
            throw new IllegalStateException("the counterfactual of a valid scenario is invalid: " + e.getMessage(), e);
        }
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
            r.put("workers", p.getWorkers0());
            r.put("migrant_share", p.getMigrantShare());
            r.put("settling_rate", m.settlingRate(p.getIndex()));
            r.put("tax_rate", m.government().calibratedTaxRate(p.getIndex()));
            regions.put(p.getName(), r);
        }
        out.put("regions", regions);
        Map<String, Object> sectors = new LinkedHashMap<>();
        for (Sector s : m.sectors()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("fixed_cost", s.getFixedCost());
            r.put("entry_rate", s.getEntryRate());
            r.put("rd_scale", s.getRdScale());
            r.put("half_talent", s.getHalfTalent());
            r.put("loop_gain", LoopGain.of(m.scenario().parameters(), m.scenario().sectorParams(s.getIndex()),
                    LoopGain.adopts(m.scenario(), s.getIndex())));
            r.put("final_demand", m.demand().finalBase(s.getIndex()));
            r.put("external_demand", m.demand().externalBase(s.getIndex()));
            Map<String, Object> reloc = new LinkedHashMap<>();
            for (Province p : m.provinces()) {
                double v = m.relocationConstant(m.structure().cell(p.getIndex(), s.getIndex()));
                reloc.put(p.getName(), finiteOrNull(v));
            }
            r.put("relocation_constant", reloc);
            sectors.put(s.getName(), r);
        }
        out.put("sectors", sectors);
        out.put("iotf_entry_rate", m.iotfEntryRate());
        out.put("worker_migration_rate", m.workerMigrationRate());
        out.put("talent_migration_rate", m.talentMigrationRate());
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
