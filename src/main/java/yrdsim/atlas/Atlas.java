package yrdsim.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.compare.ChannelOptions;
import yrdsim.compare.ChannelTable;
import yrdsim.compare.CompareOptions;
import yrdsim.compare.Comparison;
import yrdsim.output.AtomicFiles;
import yrdsim.output.IoErrors;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RecordedWork;
import yrdsim.output.Provenance;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;
import yrdsim.output.ShardManifests;
import yrdsim.report.AtlasReport;
import yrdsim.report.Reports;
import yrdsim.run.Progress;
import yrdsim.scenario.ScenarioException;
import yrdsim.sweep.Shard;
import yrdsim.sweep.ShardWork;
import yrdsim.sweep.SweepDirectory;
import yrdsim.sweep.SweepFile;
import yrdsim.sweep.SweepPlan;
import yrdsim.sweep.SweepRunner;

/**
 * {@code yrdsim atlas}: every policy against the baseline in one directory, built from the
 * commands that already exist rather than a runner of its own.
 *
 * <pre>
 * ATLAS/comparison/   a {@code compare} with {@code --channels} (and with draws {@code --parameter-draws},
 *                     centred on the scenarios' own values): every run, comparison.csv, channels.csv
 * ATLAS/sobol/        a {@code sweep} of the Sobol file over the estimated parameters' uncertainty
 * ATLAS/atlas.csv     one row per policy and headline metric ({@link AtlasTable})
 * ATLAS/channels.csv  the comparison's channel decomposition
 * ATLAS/sensitivity.csv  the sweep's Sobol indices
 * ATLAS/sweep-results.csv  the sweep's runs: parameters and outcomes
 * ATLAS/provenance.json  what the report states it was made from
 * ATLAS/report.md, report.html
 * </pre>
 *
 * With {@code --shard I/N} a process does only its share of every run (the comparison's, the
 * channel decomposition's and the sweep's, each shared as a sweep's shards share its runs,
 * {@link ShardWork}) and writes no table; the same command without {@code --shard} then finds
 * the runs complete and writes the tables, as on one machine.
 *
 * <p>A killed atlas is continued by the same command: the comparison and the sweep keep their
 * complete runs, and the tables and report are written again from the runs' files, so they come
 * out byte for byte as from an atlas that was never interrupted.
 */
public final class Atlas {

    private static final Logger LOG = LoggerFactory.getLogger(Atlas.class);

    /** What an atlas directory's manifest says it is. */
    public static final String KIND_NAME = "atlas";
    /** The comparison inside an atlas. */
    public static final String COMPARISON = "comparison";
    /** The Sobol sweep inside an atlas. */
    public static final String SOBOL = "sobol";
    /** The provenance the report cites. */
    public static final String PROVENANCE = "provenance.json";
    /** The sweep's Sobol indices, copied up. */
    public static final String SENSITIVITY = SweepDirectory.SENSITIVITY;
    /** The sweep's results (a row per run: its parameters and outcomes), copied up. */
    public static final String SWEEP_RESULTS = "sweep-results.csv";

    private static final OutputDirectory.Kind KIND = new OutputDirectory.Kind(KIND_NAME,
            List.of(ShardManifests.DIRECTORY), true);

    private Atlas() {
    }

    /**
     * Runs (or continues) the atlas, holding its directory locked.
     *
     * @param progress told the comparison's steps, then the sweep's runs
     * @return the atlas directory
     */
    public static Path run(AtlasOptions o, Progress progress, Clock clock)
            throws ScenarioException, RefusedException, RunFailure {
        Path dir = o.out() != null ? o.out() : Path.of("results", "atlas", stem(o.baseline()));
        SweepPlan sobol = o.sobol() == null ? null : SweepPlan.prepare(SweepFile.read(o.sobol()));
        Map<String, Object> identity = identity(o);
        if (!o.shard().whole()) {
            ShardWork.run(dir, KIND, o.shard(), identity, clock, () -> {
                Comparison.run(comparison(o, dir), progress, clock);
                if (sobol != null) {
                    new SweepRunner(sobol, dir.resolve(SOBOL), o.jobs(), o.shard(), progress, clock).run();
                }
            });
            LOG.info("atlas: shard {} done; once every shard is, the same command without --shard writes the tables",
                    o.shard());
            return dir;
        }
        try (OutputDirectory out = claim(dir, identity, o.force(), clock)) {
            if (out.decision() == OutputDirectory.Decision.DONE) {
                LOG.info("{} already holds this atlas, complete; nothing to do", dir);
                return dir;
            }
            if (out.decision() == OutputDirectory.Decision.FRESH) {
                out.prepare();
            } else {
                LOG.info("{} holds this atlas, unfinished; continuing it (complete runs are kept)", dir);
            }
            Manifest manifest = out.manifest();
            identity.forEach(manifest::put);
            manifest.put("jobs", o.jobs());
            manifest.stamp("started_at");
            List<String> expected = new ArrayList<>(List.of(AtlasTable.FILE, ChannelTable.FILE, PROVENANCE,
                    Reports.REPORT, AtlasReport.HTML, COMPARISON + "/" + Manifest.FILE));
            if (sobol != null) {
                expected.add(SENSITIVITY);
                expected.add(SWEEP_RESULTS);
                expected.add(SOBOL + "/" + Manifest.FILE);
            }
            manifest.expect(expected);
            long started = System.nanoTime();
            RecordedWork.run(manifest, dir, () -> {
                manifest.write(Manifest.RUNNING);
                LOG.info("atlas: {} polic{} against {} on {} seeds{}, with the channel decomposition",
                        o.policies().size(), o.policies().size() == 1 ? "y" : "ies", o.baseline(), o.replications(),
                        o.draws() > 0 ? " and " + o.draws() + " parameter draws" : "");
                Comparison.run(comparison(o, dir), progress, clock);
                if (sobol != null) {
                    LOG.info("atlas: the Sobol sweep {} ({} runs)", o.sobol(), sobol.size());
                    new SweepRunner(sobol, dir.resolve(SOBOL), o.jobs(), Shard.WHOLE, progress, clock).run();
                    Files.copy(dir.resolve(SOBOL).resolve(SENSITIVITY), dir.resolve(SENSITIVITY),
                            StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(dir.resolve(SOBOL).resolve(SweepDirectory.RESULTS), dir.resolve(SWEEP_RESULTS),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Path inner = dir.resolve(COMPARISON);
                AtlasTable.write(dir, inner);
                Files.copy(inner.resolve(ChannelTable.FILE), dir.resolve(ChannelTable.FILE),
                        StandardCopyOption.REPLACE_EXISTING);
                AtomicFiles.write(dir.resolve(PROVENANCE), Json.write(provenance(inner, identity)) + "\n");
                AtlasReport.write(dir);
                manifest.stamp("finished_at");
                manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
                manifest.complete();
            });
            return dir;
        } catch (IOException e) {
            throw new RunFailure("cannot prepare the atlas directory " + dir + ": " + IoErrors.describe(e), e);
        }
    }

    /** The comparison inside the atlas: every policy, the channel decomposition, the draws centred on the scenarios. */
    static CompareOptions comparison(AtlasOptions o, Path dir) {
        CompareOptions.Draws draws = o.draws() == 0 ? null
                : new CompareOptions.Draws(o.draws(), o.estimates(), null, true);
        return new CompareOptions(o.baseline(), o.policies(), o.replications(), o.seed(), o.steps(), o.jobs(),
                dir.resolve(COMPARISON), o.overrides(), false, draws, new ChannelOptions(true, o.channelSamples()),
                o.shard());
    }

    private static OutputDirectory claim(Path dir, Map<String, Object> identity, boolean force, Clock clock)
            throws IOException, RefusedException {
        OutputDirectory.Identity same = OutputDirectory.Identity.fields(identity);
        return OutputDirectory.claim(dir, KIND, (d, m) -> m == null ? ShardManifests.recordWork(d, identity)
                : same.matches(d, m), force, clock);
    }

    /** What makes two atlases the same work: the files by their contents, the seeds, the sizes. */
    private static Map<String, Object> identity(AtlasOptions o) throws RefusedException {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("kind", KIND_NAME);
        id.put("baseline", file(o.baseline()));
        List<Object> policies = new ArrayList<>();
        for (Path p : o.policies()) {
            policies.add(file(p));
        }
        id.put("policies", policies);
        id.put("replications", o.replications());
        id.put("seed", o.seed());
        id.put("steps", o.steps());
        id.put("overrides", o.overrides());
        Map<String, Object> draws = new LinkedHashMap<>();
        draws.put("n", o.draws());
        if (o.draws() > 0) {
            draws.put("estimates", file(o.estimates().resolve("estimates.csv")));
            draws.put("covariance", file(o.estimates().resolve("covariance.csv")));
            draws.put("centre", "scenario");
        }
        id.put("parameter_draws", draws);
        id.put("channel_samples", o.channelSamples());
        id.put("sobol", o.sobol() == null ? null : file(o.sobol()));
        return id;
    }

    private static Map<String, Object> file(Path path) throws RefusedException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path.toString());
        try {
            f.put("sha256", AtomicFiles.sha256(path));
        } catch (IOException e) {
            throw new RefusedException(path + ": cannot be read: " + IoErrors.describe(e));
        }
        return f;
    }

    /** The atlas's identity with what built it: the report's provenance. */
    private static Map<String, Object> provenance(Path comparison, Map<String, Object> identity) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("yrdsim_version", Provenance.version());
        p.put("git_commit", Provenance.gitCommit());
        p.putAll(identity);
        JsonNode manifest = Manifest.read(comparison);
        if (manifest != null) {
            p.put("seeds", manifest.get("seeds"));
            p.put("steps", manifest.get("steps"));
        }
        return p;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
