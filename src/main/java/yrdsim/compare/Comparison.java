package yrdsim.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.metrics.RunStamp;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CombinedTables;
import yrdsim.output.IoErrors;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.output.ShardManifests;
import yrdsim.report.Reports;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.Problem;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.sweep.ShardWork;

/**
 * {@code yrdsim compare}: the baseline and each policy scenario run on the same seeds (common
 * random numbers), then {@code comparison.csv}, the charts, {@code report.md} and the runs'
 * per-step tables stacked under {@code timeseries/} ({@link CombinedTables}). Runs go to
 * {@code runs/<scenario>/seed-<seed>/} inside the comparison directory, {@code --jobs} at a time,
 * each on one engine thread; everything written depends on the seeds alone, never on the number
 * of jobs. A comparison that was interrupted resumes: its complete runs are kept.
 */
public final class Comparison {

    private static final Logger LOG = LoggerFactory.getLogger(Comparison.class);

    /** A scenario of the comparison: its label (name, made unique), file and loaded form. */
    private record Entry(String label, Path path, LoadedScenario loaded) {
    }

    private Comparison() {
    }

    /** The kind of a comparison directory: an unfinished comparison keeps its complete runs. */
    public static final OutputDirectory.Kind KIND = new OutputDirectory.Kind(Reports.COMPARISON_KIND,
            List.of(ShardManifests.DIRECTORY), true);

    /** {@link #run(CompareOptions, Progress, Clock)} on the system clock. */
    public static Path run(CompareOptions o, Progress progress)
            throws ScenarioException, RefusedException, RunFailure {
        return run(o, progress, Clock.systemUTC());
    }

    /**
     * Runs the comparison, holding its directory locked until it ends.
     *
     * @param clock stamps the manifests' times
     * @return the comparison directory
     * @throws ScenarioException a scenario or override is invalid (nothing is written)
     * @throws RefusedException  the scenarios differ in structure, the directory must not be
     *                           replaced, or another process is writing it
     * @throws RunFailure        a run or writing failed; the manifest says {@code failed}
     */
    public static Path run(CompareOptions o, Progress progress, Clock clock)
            throws ScenarioException, RefusedException, RunFailure {
        List<Entry> entries = load(o);
        for (Entry e : entries.subList(1, entries.size())) {
            String difference = ScenarioStructure.difference(entries.get(0).loaded().scenario(), e.loaded().scenario());
            if (difference != null) {
                throw new RefusedException(e.path() + ": cannot be compared with the baseline " + entries.get(0).path()
                        + ": " + difference);
            }
        }
        Scenario base = entries.get(0).loaded().scenario();
        long first = o.seed() != null ? o.seed() : base.seed();
        List<Long> seeds = new ArrayList<>();
        for (int r = 0; r < o.replications(); r++) {
            seeds.add(first + r);
        }
        DrawPlan draws = o.draws() == null ? null : DrawPlan.prepare(o, entries.stream().map(Entry::path).toList(),
                entries.stream().map(Entry::loaded).toList(), first);
        Path dir = o.out() != null ? o.out() : defaultDirectory(entries);
        ChannelDecomposition channels = ChannelDecomposition.of(o, draws == null ? List.of() : draws.atEstimates(),
                entries.stream().map(Entry::label).toList(),
                entries.stream().map(Entry::path).toList(), seeds, base.time().steps(), dir);
        Map<String, Object> identity = identity(o, entries, seeds);
        if (channels != null) {
            identity.put(ChannelOptions.FIELD, channels.describe());
        }
        OutputDirectory.Identity same = ChannelOptions.identity(new LinkedHashMap<>(identity));
        if (draws != null) {
            identity.put(DrawPlan.MANIFEST_FIELD, draws.identity());
        }
        if (!o.shard().whole()) {
            ChannelDecomposition share = channels;
            ShardWork.run(dir, KIND, o.shard(), identity, clock, () -> {
                runAll(o, entries, seeds, draws, dir, progress, clock);
                if (share != null) {
                    share.runShare(progress, clock);
                }
            });
            return dir;
        }
        // With draws or without, and which draws, is part of the work: a comparison with other
        // draws (or none) is refused without --force like any other difference. A directory
        // that only shards have worked in is continued when they did this work.
        try (OutputDirectory out = claim(dir, (d, m) -> m == null ? ShardManifests.recordWork(d, identity)
                : same.matches(d, m) && DrawPlan.recordedIn(draws, m), o.force(), clock)) {
            switch (out.decision()) {
                case DONE -> {
                    LOG.info("{} already holds this comparison, complete; nothing to do", dir);
                    return dir;
                }
                case CONTINUE -> LOG.info("{} holds this comparison, unfinished; continuing it (complete runs are "
                        + "kept)", dir);
                case FRESH -> prepare(out);
            }
            Manifest manifest = out.manifest();
            identity.forEach(manifest::put);
            manifest.put("jobs", o.jobs());
            manifest.stamp("started_at");
            manifest.expect(expectedFiles(entries, seeds, draws));
            if (channels != null) {
                manifest.expect(channels.expectedFiles());
            }
            long started = System.nanoTime();
            try {
                manifest.write(Manifest.RUNNING);
                if (draws != null) {
                    draws.write(dir);
                }
                runAll(o, entries, seeds, draws, dir, channels == null ? progress : channels.comparisonProgress(progress),
                        clock);
                writeTable(dir, entries, seeds, draws);
                if (channels != null) {
                    channels.run(manifest, progress, clock);
                }
                CombinedTables.write(dir, runDirectories(dir, entries, seeds));
                Reports.writeComparison(dir);
                manifest.stamp("finished_at");
                manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
                manifest.complete();
                return dir;
            } catch (RunFailure e) {
                manifest.markFailed(e.getMessage());
                throw e;
            } catch (RefusedException e) {
                manifest.markFailed(e.getMessage());
                throw e;
            } catch (IOException | UncheckedIOException e) {
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                String message = cause instanceof Manifest.MissingOutputException ? cause.getMessage()
                        : "writing " + dir + " failed: " + IoErrors.describe(cause);
                manifest.markFailed(message);
                throw new RunFailure(message, e);
            }
        }
    }

    private static OutputDirectory claim(Path dir, OutputDirectory.Identity identity, boolean force, Clock clock)
            throws RefusedException, RunFailure {
        try {
            return OutputDirectory.claim(dir, KIND, identity, force, clock);
        } catch (IOException e) {
            throw new RunFailure("cannot prepare output directory " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    private static void prepare(OutputDirectory out) throws RunFailure {
        try {
            out.prepare();
        } catch (IOException e) {
            throw new RunFailure("cannot prepare output directory " + out.directory() + ": " + IoErrors.describe(e),
                    e);
        }
    }

    /**
     * The files a complete comparison holds: its table, its report, the combined tables and
     * every run's files and manifest; with draws also draws.csv and every draw's manifest and
     * summary.
     */
    private static List<String> expectedFiles(List<Entry> entries, List<Long> seeds, DrawPlan draws) {
        List<String> files = new ArrayList<>(List.of(ComparisonTable.FILE, Reports.REPORT));
        files.addAll(CombinedTables.files());
        for (Entry e : entries) {
            for (long seed : seeds) {
                String run = "runs/" + e.label() + "/seed-" + seed + "/";
                files.add(run + Manifest.FILE);
                Runner.expectedFiles(true).forEach(f -> files.add(run + f));
            }
        }
        if (draws != null) {
            files.add(DrawPlan.FILE);
            for (int k = 1; k <= draws.size(); k++) {
                for (Entry e : entries) {
                    for (long seed : seeds) {
                        String run = DrawPlan.runName(k, e.label(), seed);
                        files.add(run + Manifest.FILE);
                        Runner.expectedFiles(RunOptions.Tables.NONE).forEach(f -> files.add(run + f));
                    }
                }
            }
        }
        return files;
    }

    /** Every run's directory, scenario by scenario in the order given, seeds ascending: the rows' order in timeseries/. */
    private static List<Path> runDirectories(Path dir, List<Entry> entries, List<Long> seeds) {
        List<Path> runs = new ArrayList<>();
        for (Entry e : entries) {
            for (long seed : seeds) {
                runs.add(Reports.comparisonRun(dir, e.label(), seed));
            }
        }
        return runs;
    }

    /** Loads every scenario with the overrides and steps; all problems of all files at once. */
    private static List<Entry> load(CompareOptions o) throws ScenarioException {
        List<Path> paths = new ArrayList<>();
        paths.add(o.baseline());
        paths.addAll(o.policies());
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path path : paths) {
            try {
                LoadedScenario loaded = Runner.load(runOptions(o, List.of(), path, 0, null));
                String label = unique(loaded.scenario().name(), labels);
                labels.add(label);
                entries.add(new Entry(label, path, loaded));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return entries;
    }

    /** {@code name}, or {@code name-2}, {@code name-3} ... when taken (a scenario compared with itself). */
    private static String unique(String name, List<String> taken) {
        String label = name;
        for (int k = 2; taken.contains(label); k++) {
            label = name + "-" + k;
        }
        return label;
    }

    /** A run of {@code scenario} on {@code seed} with the comparison's overrides, then {@code parameters}. */
    private static RunOptions runOptions(CompareOptions o, List<String> parameters, Path scenario, long seed,
                                         Path out) {
        List<String> overrides = new ArrayList<>(o.overrides());
        overrides.addAll(parameters);
        return new RunOptions(scenario, overrides, seed, o.steps(), 1, EnterpriseEngine.Kind.FAST, out, false, 0, 0,
                true);
    }

    /**
     * {@code options} with its rows stamped by the scenario's label in this comparison, so that a
     * scenario compared with itself ({@code baseline}, {@code baseline-2}) stays two scenarios
     * when the runs' tables are stacked.
     */
    private static RunOptions stamped(RunOptions options, String label, long seed) {
        return options.withStamp(RunStamp.of(RunStamp.runId(label, seed, Runner.overrides(options)), label, seed));
    }

    private static Path defaultDirectory(List<Entry> entries) {
        List<String> policies = entries.subList(1, entries.size()).stream().map(Entry::label).toList();
        return Path.of("results", "compare", entries.get(0).label() + "-vs-" + String.join("-", policies));
    }

    /** What makes two comparisons the same; the number of jobs is not part of it. */
    private static Map<String, Object> identity(CompareOptions o, List<Entry> entries, List<Long> seeds) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", Reports.COMPARISON_KIND);
        identity.put("baseline", describe(entries.get(0)));
        List<Object> policies = new ArrayList<>();
        entries.subList(1, entries.size()).forEach(e -> policies.add(describe(e)));
        identity.put("policies", policies);
        identity.put("replications", seeds.size());
        identity.put("seeds", seeds);
        identity.put("steps", entries.get(0).loaded().scenario().time().steps());
        identity.put("overrides", o.overrides());
        identity.put("engine", EnterpriseEngine.Kind.FAST.name().toLowerCase());
        identity.put("metrics", HeadlineMetrics.PATTERNS);
        return identity;
    }

    private static Map<String, Object> describe(Entry e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label", e.label());
        d.put("name", e.loaded().scenario().name());
        d.put("path", e.path().toString());
        String sha;
        try {
            sha = AtomicFiles.sha256(e.path());
        } catch (IOException ex) {
            sha = "unreadable";
        }
        d.put("sha256", sha);
        d.put("resolved_sha256", AtomicFiles.sha256(e.loaded().tree().toYaml().getBytes(StandardCharsets.UTF_8)));
        return d;
    }

    /**
     * Every (scenario, seed) run at the scenarios' values (at the estimates, with draws), then
     * with draws every (draw, seed, scenario) run, {@code o.jobs()} at a time; stops at the first
     * failure. A draw's run writes only its manifest and summary.
     */
    private static void runAll(CompareOptions o, List<Entry> entries, List<Long> seeds, DrawPlan draws, Path dir,
                               Progress progress, Clock clock) throws RunFailure, RefusedException {
        int steps = entries.get(0).loaded().scenario().time().steps();
        List<ComparisonRuns.Job> jobs = new ArrayList<>();
        List<String> atEstimates = draws == null ? List.of() : draws.atEstimates();
        for (long seed : seeds) {
            for (Entry e : entries) {
                Path out = Reports.comparisonRun(dir, e.label(), seed);
                jobs.add(new ComparisonRuns.Job(e.label() + " seed " + seed,
                        stamped(runOptions(o, atEstimates, e.path(), seed, out), e.label(), seed)));
            }
        }
        int drawCount = draws == null ? 0 : draws.size();
        for (int k = 1; k <= drawCount; k++) {
            for (long seed : seeds) {
                for (Entry e : entries) {
                    Path out = DrawPlan.runDirectory(dir, k, e.label(), seed);
                    RunOptions options = runOptions(o, draws.atDraw(k), e.path(), seed, out)
                            .withTables(RunOptions.Tables.NONE);
                    jobs.add(new ComparisonRuns.Job(e.label() + " draw " + k + " seed " + seed,
                            stamped(options, e.label(), seed)));
                }
            }
        }
        LOG.info("comparing {} scenario{} on {} seed{}{} ({} runs of {} steps, {} at a time) in {}", entries.size(),
                entries.size() == 1 ? "" : "s", seeds.size(), seeds.size() == 1 ? "" : "s",
                draws == null ? "" : " at the estimates and " + draws.describe(), jobs.size(), steps, o.jobs(), dir);
        ComparisonRuns.run(jobs, o.shard(), o.jobs(), steps, progress, clock);
    }

    /**
     * Reads each run's summary.json (the written text, so a resumed comparison gives the same
     * table), and with draws every draw's, for the spread of each effect over the draws.
     */
    private static void writeTable(Path dir, List<Entry> entries, List<Long> seeds, DrawPlan draws)
            throws IOException {
        List<List<JsonNode>> summaries = new ArrayList<>();
        for (Entry e : entries) {
            List<JsonNode> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                perSeed.add(summary(Reports.comparisonRun(dir, e.label(), seed)));
            }
            summaries.add(perSeed);
        }
        // drawn.get(scenario).get(k).get(r): the summary of draw k + 1 on seed r.
        List<List<List<JsonNode>>> drawn = new ArrayList<>();
        for (Entry e : entries) {
            List<List<JsonNode>> perDraw = new ArrayList<>();
            for (int k = 1; draws != null && k <= draws.size(); k++) {
                List<JsonNode> perSeed = new ArrayList<>();
                for (long seed : seeds) {
                    perSeed.add(summary(DrawPlan.runDirectory(dir, k, e.label(), seed)));
                }
                perDraw.add(perSeed);
            }
            drawn.add(perDraw);
        }
        List<String> metrics = HeadlineMetrics.names(summaries.get(0).get(0));
        List<String> policies = new ArrayList<>();
        List<List<ComparisonTable.Row>> rows = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            policies.add(entries.get(i).label());
            List<ComparisonTable.Row> policyRows = ComparisonTable.rows(metrics, summaries.get(0), summaries.get(i));
            rows.add(draws == null ? policyRows : ParameterSpread.of(policyRows, drawn.get(0), drawn.get(i)));
        }
        ComparisonTable.write(dir, policies, rows, draws != null);
    }

    private static JsonNode summary(Path run) throws IOException {
        return Json.MAPPER.readTree(run.resolve("summary.json").toFile());
    }
}
