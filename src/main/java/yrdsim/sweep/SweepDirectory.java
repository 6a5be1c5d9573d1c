package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.AtomicFiles;
import yrdsim.output.CombinedTables;
import yrdsim.output.CsvTables;
import yrdsim.output.Json;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RefusedException;
import yrdsim.output.RunDirectory;
import yrdsim.scenario.ScenarioException;

/**
 * The layout of a sweep directory, its identity checks, and the assembly of results.csv and
 * sensitivity.csv from the finished runs:
 *
 * <pre>
 * manifest.json           the sweep's manifest (written by an unsharded sweep and by merge)
 * sweep.yaml              the sweep file, byte for byte: a rerun with a different file is refused
 * scenario.resolved.yaml  the scenario every run starts from, before the design's values
 * design.csv              run_id and one column per parameter, in run order
 * runs/RUN_ID/            each run's manifest.json and summary.json (all its files with keep_run_files)
 * shards/I-of-N/          the manifest of each shard that ran here
 * results.csv             one row per run: run_id, replication, seed, parameters, metrics
 * sensitivity.csv         sobol designs: metric, parameter, first_order, first_order_ci, total_order, total_order_ci
 * </pre>
 *
 * <p>results.csv and sensitivity.csv are built only from these files, in run order, so they do
 * not depend on which process, thread or shard ran which run, or when.
 */
public final class SweepDirectory {

    /** The copy of the sweep file. */
    public static final String SWEEP_FILE = "sweep.yaml";
    /** The scenario as every run starts from it. */
    public static final String SCENARIO_FILE = "scenario.resolved.yaml";
    /** The design, one row per run. */
    public static final String DESIGN = "design.csv";
    /** The results, one row per run. */
    public static final String RESULTS = "results.csv";
    /** Sensitivity indices (sobol designs). */
    public static final String SENSITIVITY = "sensitivity.csv";
    /** The directory of run directories. */
    public static final String RUNS = "runs";
    /** The directory of shard manifests. */
    public static final String SHARDS = "shards";
    /** Columns of sensitivity.csv. */
    public static final List<String> SENSITIVITY_COLUMNS = List.of("metric", "parameter", "first_order",
            "first_order_ci", "total_order", "total_order_ci");

    /**
     * The kind of a sweep directory. Without a manifest (a sweep run in shards, before merge)
     * it is known by its layout; an unfinished sweep is continued (its complete runs are skipped).
     */
    public static final OutputDirectory.Kind KIND = new OutputDirectory.Kind("sweep",
            List.of(SWEEP_FILE, RUNS, SHARDS), true);

    private static final Logger LOG = LoggerFactory.getLogger(SweepDirectory.class);

    private SweepDirectory() {
    }

    /** The directory of run {@code runId}. */
    public static Path runDirectory(Path dir, String runId) {
        return dir.resolve(RUNS).resolve(runId);
    }

    /** True when the run in {@code runDir} is complete: its manifest says so, and that is written last. */
    public static boolean complete(Path runDir) throws IOException {
        return RunDirectory.state(runDir) == RunDirectory.State.COMPLETE
                && Files.isRegularFile(runDir.resolve("summary.json"));
    }

    /** True when {@code dir} holds a sweep whose manifest says complete. */
    public static boolean sweepComplete(Path dir) {
        JsonNode manifest = Manifest.read(dir);
        return manifest != null && Manifest.COMPLETE.equals(manifest.path("status").asText());
    }

    /**
     * Checks, without writing, that {@code plan} may run in {@code dir}: the directory is new or
     * empty, or it holds a sweep made from the same sweep file and the same scenario.
     *
     * @throws RefusedException when the sweep file, scenario or design differ, or the directory is not a sweep's
     */
    public static void check(Path dir, SweepPlan plan) throws IOException, RefusedException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new RefusedException(dir + " is a file, not a sweep directory; choose another --out");
        }
        Path copy = dir.resolve(SWEEP_FILE);
        if (!Files.exists(copy)) {
            if (!beingSetUp(dir)) {
                throw new RefusedException(dir + " is not empty and holds no " + SWEEP_FILE
                        + ", so it is not a sweep directory; choose another --out");
            }
            return;
        }
        String theirs = AtomicFiles.sha256(copy);
        String mine = plan.file().sha256();
        if (!theirs.equals(mine)) {
            throw new RefusedException("the sweep file changed: " + plan.file().file() + " has sha256 "
                    + mine.substring(0, 12) + "..., but " + dir + " was started from one with sha256 "
                    + theirs.substring(0, 12) + "... (its copy is " + copy + "). Continuing would mix two sweeps; "
                    + "restore the file, or give a new --out to start afresh");
        }
        refuseIfDifferent(dir.resolve(SCENARIO_FILE), plan.resolvedScenario().getBytes(StandardCharsets.UTF_8),
                "the scenario " + plan.file().scenario() + " (or one it extends) changed since " + dir
                        + " was started");
        refuseIfDifferent(dir.resolve(DESIGN), designCsv(plan),
                "the design differs from " + dir.resolve(DESIGN) + " (was yrdsim changed?)");
        refuseOtherSeries(dir, plan.keepSeries());
    }

    /**
     * Refuses to continue a sweep whose runs so far kept their series differently (a rerun
     * with or without {@code --keep series}): its finished runs would not stack.
     */
    private static void refuseOtherSeries(Path dir, boolean keepSeries) throws IOException, RefusedException {
        List<JsonNode> manifests = new ArrayList<>();
        manifests.add(Manifest.read(dir));
        Path shards = dir.resolve(SHARDS);
        if (Files.isDirectory(shards)) {
            try (Stream<Path> list = Files.list(shards)) {
                list.sorted().forEach(shard -> manifests.add(Manifest.read(shard)));
            }
        }
        for (JsonNode m : manifests) {
            if (m != null && m.has("keep_series") && m.path("keep_series").asBoolean() != keepSeries) {
                throw new RefusedException(dir + " was started " + (keepSeries ? "without" : "with")
                        + " --keep series, so its finished runs kept " + (keepSeries ? "no" : "their")
                        + " per-step tables; rerun it " + (keepSeries ? "without" : "with")
                        + " --keep series, or give a new --out");
            }
        }
    }

    /**
     * Whether {@code dir} holds nothing but a sweep's layout without its sweep file yet: the
     * directories {@code runs/} and {@code shards/}, files being written and a lock. Shards
     * started together find each other's first steps so.
     */
    private static boolean beingSetUp(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.allMatch(p -> {
                String name = p.getFileName().toString();
                return name.equals(RUNS) || name.equals(SHARDS) || name.endsWith(AtomicFiles.PARTIAL)
                        || OutputDirectory.isLockFile(p);
            });
        }
    }

    private static void refuseIfDifferent(Path file, byte[] wanted, String reason) throws IOException, RefusedException {
        if (Files.exists(file) && !Arrays.equals(Files.readAllBytes(file), wanted)) {
            throw new RefusedException(reason + "; continuing would mix two sweeps, so give a new --out");
        }
    }

    /**
     * Creates the directory and writes the sweep file's copy, the resolved scenario and the
     * design, unless they are there already (shards share them; each writes under its own
     * temporary name, and all write the same bytes).
     */
    public static void prepare(Path dir, SweepPlan plan) throws IOException, RefusedException {
        Files.createDirectories(dir.resolve(RUNS));
        AtomicFiles.writeIfAbsent(dir.resolve(SWEEP_FILE), plan.file().bytes());
        AtomicFiles.writeIfAbsent(dir.resolve(SCENARIO_FILE), plan.resolvedScenario().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeIfAbsent(dir.resolve(DESIGN), designCsv(plan));
        check(dir, plan); // another shard started from a different file at the same moment
    }

    /** design.csv of {@code plan}: run_id, then one column per parameter, one row per run in run order. */
    public static byte[] designCsv(SweepPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CsvTables.FORMAT)) {
            List<String> header = new ArrayList<>();
            header.add("run_id");
            header.addAll(plan.design().parameters());
            csv.printRecord(header);
            Design design = plan.design();
            String[] row = new String[header.size()];
            for (int i = 0; i < plan.size(); i++) {
                SweepPlan.Run run = plan.run(i);
                row[0] = run.id();
                for (int j = 0; j < design.parameters().size(); j++) {
                    row[j + 1] = Values.cell(design.value(run.point(), j));
                }
                csv.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * What {@link #assemble} wrote.
     *
     * @param runs        rows of results.csv
     * @param sensitivity whether sensitivity.csv was written
     * @param expected    the files a complete sweep directory of these runs holds, for its manifest
     */
    public record Assembly(int runs, boolean sensitivity, List<String> expected) {
        /** Lists are never null. */
        public Assembly {
            expected = List.copyOf(expected);
        }
    }

    /**
     * The files a complete sweep directory holds: its inputs, its results, the combined tables
     * when it keeps series, and each run's manifest and summary.
     */
    private static List<String> expectedFiles(List<String> runIds, boolean sobol, boolean series) {
        List<String> files = new ArrayList<>(List.of(SWEEP_FILE, SCENARIO_FILE, DESIGN, RESULTS));
        if (sobol) {
            files.add(SENSITIVITY);
        }
        if (series) {
            files.addAll(CombinedTables.files());
        }
        for (String id : runIds) {
            files.add(RUNS + "/" + id + "/" + Manifest.FILE);
            files.add(RUNS + "/" + id + "/summary.json");
        }
        return files;
    }

    /**
     * Builds results.csv (and sensitivity.csv for a sobol design) from the sweep file's copy,
     * design.csv and every run's summary.json, in run order, and with {@code series} the runs'
     * per-step tables stacked under {@code timeseries/} in the same order. Memory holds one
     * summary at a time, plus the metric values of a sobol design.
     *
     * @throws RefusedException  when a run is not complete yet (naming how many, and the first few)
     * @throws ScenarioException when the sweep file's copy is damaged
     */
    public static Assembly assemble(Path dir, boolean series) throws IOException, RefusedException, ScenarioException {
        Path copy = dir.resolve(SWEEP_FILE);
        if (!Files.isRegularFile(copy) || !Files.isRegularFile(dir.resolve(DESIGN))) {
            throw new RefusedException(dir + " is not a sweep directory (it has no " + SWEEP_FILE + " and "
                    + DESIGN + "); give the --out directory of a sweep");
        }
        SweepFile file = SweepFile.parse(copy, Files.readAllBytes(copy));
        List<String> runIds = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(dir.resolve(DESIGN), StandardCharsets.UTF_8);
             CSVParser csv = CsvTables.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> expected = new ArrayList<>();
            expected.add("run_id");
            expected.addAll(file.parameterNames());
            if (!csv.getHeaderNames().equals(expected)) {
                throw new RefusedException(dir.resolve(DESIGN) + " has columns " + csv.getHeaderNames()
                        + " but the sweep file's parameters give " + expected);
            }
            for (CSVRecord record : csv) {
                runIds.add(record.get(0));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String id : runIds) {
            if (!complete(runDirectory(dir, id))) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new RefusedException(missing.size() + " of " + runIds.size() + " runs in " + dir
                    + " are not complete (" + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
                    + (missing.size() > 5 ? ", ..." : "") + "); run the missing shards, or the sweep without "
                    + "--shard, with the same --out, then merge again");
        }
        boolean sobol = file.type() == DesignType.SOBOL;
        int metricCount = file.metrics().size();
        double[][] values = sobol ? new double[runIds.size()][metricCount] : null;
        List<String> header = new ArrayList<>(SweepFile.RUN_COLUMNS);
        header.addAll(file.parameterNames());
        header.addAll(file.metrics());
        Path results = dir.resolve(RESULTS);
        try (Reader in = Files.newBufferedReader(dir.resolve(DESIGN), StandardCharsets.UTF_8);
             CSVParser design = CsvTables.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(AtomicFiles.partial(results),
                     StandardCharsets.UTF_8), CsvTables.FORMAT)) {
            out.printRecord(header);
            int i = 0;
            String[] row = new String[header.size()];
            int params = file.parameters().size();
            for (CSVRecord record : design) {
                String id = record.get(0);
                JsonNode summary = Json.MAPPER.readTree(runDirectory(dir, id).resolve("summary.json").toFile());
                row[0] = id;
                row[1] = Integer.toString(i % file.replications());
                row[2] = summary.path("seed").asText();
                for (int j = 0; j < params; j++) {
                    row[3 + j] = record.get(j + 1);
                }
                for (int m = 0; m < metricCount; m++) {
                    String metric = file.metrics().get(m);
                    row[3 + params + m] = Metrics.cell(summary, metric);
                    if (sobol) {
                        values[i][m] = Metrics.value(summary, metric);
                    }
                }
                out.printRecord((Object[]) row);
                i++;
            }
        }
        // Renamed into place only when every row is written: a failure leaves no results.csv.
        AtomicFiles.commit(AtomicFiles.partial(results), results);
        if (sobol) {
            writeSensitivity(dir, file, values);
        }
        if (series) {
            CombinedTables.write(dir, runIds.stream().map(id -> runDirectory(dir, id)).toList());
        }
        return new Assembly(runIds.size(), sobol, expectedFiles(runIds, sobol, series));
    }

    /**
     * sensitivity.csv: per metric and parameter, the indices over the design points' means across
     * replications. A metric that is undefined in some run, or never varies, gets empty cells.
     */
    private static void writeSensitivity(Path dir, SweepFile file, double[][] values) throws IOException {
        int d = file.parameters().size();
        int reps = file.replications();
        int points = values.length / reps;
        int n = points / (d + 2);
        Path target = dir.resolve(SENSITIVITY);
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(AtomicFiles.partial(target),
                StandardCharsets.UTF_8), CsvTables.FORMAT)) {
            out.printRecord(SENSITIVITY_COLUMNS);
            for (int m = 0; m < file.metrics().size(); m++) {
                double[] mean = new double[points];
                for (int p = 0; p < points; p++) {
                    double sum = 0;
                    for (int r = 0; r < reps; r++) {
                        sum += values[p * reps + r][m];
                    }
                    mean[p] = sum / reps;
                }
                double[] fA = new double[n];
                double[] fB = new double[n];
                double[][] fAB = new double[d][n];
                boolean defined = true;
                for (int j = 0; j < n; j++) {
                    fA[j] = mean[j * (d + 2)];
                    fB[j] = mean[j * (d + 2) + 1];
                    defined &= Double.isFinite(fA[j]) && Double.isFinite(fB[j]);
                    for (int i = 0; i < d; i++) {
                        fAB[i][j] = mean[j * (d + 2) + 2 + i];
                        defined &= Double.isFinite(fAB[i][j]);
                    }
                }
                String metric = file.metrics().get(m);
                Sensitivity.Index[] indices = defined
                        ? Sensitivity.analyse(fA, fB, fAB, Sensitivity.RESAMPLES, file.seed())
                        : null;
                if (!defined) {
                    LOG.warn("{}: no sensitivity indices, the metric is empty in some runs", metric);
                }
                for (int i = 0; i < d; i++) {
                    Sensitivity.Index x = indices == null ? null : indices[i];
                    out.printRecord(metric, file.parameters().get(i).path(), cell(x == null ? Double.NaN : x.first()),
                            cell(x == null ? Double.NaN : x.firstCi()), cell(x == null ? Double.NaN : x.total()),
                            cell(x == null ? Double.NaN : x.totalCi()));
                }
            }
        }
        AtomicFiles.commit(AtomicFiles.partial(target), target);
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? yrdsim.output.Numbers.format(v) : "";
    }
}
