package yrdsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.IoErrors;
import yrdsim.output.Manifest;
import yrdsim.output.RefusedException;
import yrdsim.output.RunFailure;

/**
 * {@code yrdsim report}: charts (PNG) and a {@code report.md} for a run, comparison or sweep
 * directory, written into that directory ({@code report.md}, a self-contained {@code report.html}
 * with the charts embedded, and {@code charts/}). Every chart is captioned with the scenario,
 * seeds and commit of the data. The kind of directory is read from its files. Reports are a
 * function of the directory's data, so writing one again gives the same files.
 */
public final class Reports {

    private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

    /** File name of the report. */
    public static final String REPORT = "report.md";
    /** Value of the manifest's {@code kind} field in a comparison directory. */
    public static final String COMPARISON_KIND = "comparison";

    /** The factors whose cross-province flows are charted (flows.csv also holds relocating firms). */
    static final List<String> FLOW_FACTORS = List.of("workers", "talent", "capital", "technology");

    /** What a directory holds. */
    public enum Kind {
        /** One run: provinces.csv, flows.csv, clusters.csv, summary.json. */
        RUN,
        /** A comparison: comparison.csv and runs/ (manifest kind {@code comparison}). */
        COMPARISON,
        /** A sweep: design.csv and results.csv, perhaps sensitivity.csv. */
        SWEEP,
        /** A calibration: estimates.csv, moments.csv and fit.json. */
        CALIBRATION,
        /** An atlas: atlas.csv, channels.csv and provenance.json (manifest kind {@code atlas}). */
        ATLAS
    }

    private Reports() {
    }

    /**
     * The kind of {@code dir}.
     *
     * @throws RefusedException {@code dir} is none of the three
     */
    public static Kind kind(Path dir) throws RefusedException {
        if (!Files.isDirectory(dir)) {
            throw new RefusedException(dir + ": no such directory");
        }
        JsonNode manifest = Manifest.read(dir);
        if (has(dir, "atlas.csv") && has(dir, "channels.csv") && has(dir, "provenance.json")) {
            return Kind.ATLAS;
        }
        if (has(dir, ComparisonReport.TABLE)
                || manifest != null && COMPARISON_KIND.equals(manifest.path("kind").asText())) {
            return Kind.COMPARISON;
        }
        if (has(dir, "estimates.csv") && has(dir, "moments.csv") && has(dir, "fit.json")) {
            return Kind.CALIBRATION;
        }
        if (has(dir, "design.csv") && has(dir, "results.csv")) {
            return Kind.SWEEP;
        }
        if (has(dir, "provinces.csv") && has(dir, "flows.csv") && has(dir, "clusters.csv")
                && has(dir, "summary.json")) {
            return Kind.RUN;
        }
        throw new RefusedException(dir + " is not a run, comparison, sweep, calibration or atlas directory: a run "
                + "has provinces.csv, flows.csv, clusters.csv and summary.json; a comparison has comparison.csv; a sweep "
                + "has design.csv and results.csv; a calibration estimates.csv, moments.csv and fit.json; an atlas "
                + "atlas.csv, channels.csv and provenance.json");
    }

    /**
     * Writes the report of {@code dir} and, when its manifest is complete, adds the report's
     * files to the manifest's file list.
     *
     * @return the report.md written
     * @throws RefusedException the directory is no kind of yrdsim output, is unfinished, or holds a bad file
     * @throws RunFailure       writing failed
     */
    public static Path report(Path dir) throws RefusedException, RunFailure {
        Kind kind = kind(dir);
        JsonNode manifest = Manifest.read(dir);
        boolean complete = manifest != null && Manifest.COMPLETE.equals(manifest.path("status").asText());
        // An atlas's tables alone (docs/findings/, without the runs or a manifest) make its report.
        boolean tablesAlone = kind == Kind.ATLAS && manifest == null;
        if (!complete && kind != Kind.SWEEP && !tablesAlone) {
            String status = manifest == null ? "no readable manifest.json" : "status '"
                    + manifest.path("status").asText() + "'";
            throw new RefusedException(dir + " holds an unfinished " + kind.name().toLowerCase() + " (" + status
                    + "); run the command that made it again to finish it, then report");
        }
        if (!complete && kind == Kind.SWEEP) {
            LOG.warn("{}: the sweep is not complete; reporting the results it holds so far", dir);
        }
        try {
            Path report = switch (kind) {
                case RUN -> RunReport.write(dir);
                case COMPARISON -> ComparisonReport.write(dir);
                case SWEEP -> SweepReport.write(dir);
                case CALIBRATION -> CalibrationReport.write(dir);
                case ATLAS -> {
                    AtlasReport.write(dir);
                    yield dir.resolve(REPORT);
                }
            };
            if (complete) {
                Manifest.relist(dir);
            }
            LOG.info("{} report written: {}", kind.name().toLowerCase(), report);
            return report;
        } catch (IOException | UncheckedIOException e) {
            throw new RunFailure("writing the report in " + dir + " failed: "
                    + IoErrors.describe(e instanceof UncheckedIOException u ? u.getCause() : e), e);
        }
    }

    /**
     * Writes the charts and report.md of a comparison directory whose runs and comparison.csv are
     * written; its manifest, read for provenance, may still say running.
     */
    public static Path writeComparison(Path dir) throws IOException, RefusedException {
        return ComparisonReport.write(dir);
    }

    /**
     * Writes the charts, report.md and report.html of a calibration directory whose result files
     * are written; its manifest, read for provenance, may still say running.
     */
    public static Path writeCalibration(Path dir) throws IOException, RefusedException {
        return CalibrationReport.write(dir);
    }

    /** Directory of the run of scenario {@code label} with {@code seed} inside a comparison directory. */
    public static Path comparisonRun(Path comparison, String label, long seed) {
        return ComparisonReport.runDirectory(comparison, label, seed);
    }

    private static boolean has(Path dir, String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    /** The manifest of {@code dir}, or an empty object when there is none. */
    static JsonNode manifest(Path dir) {
        JsonNode manifest = Manifest.read(dir);
        return manifest != null ? manifest : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Unit of a flow of {@code factor} in flows.csv. */
    static String flowUnit(String factor) {
        return switch (factor) {
            case "workers", "talent" -> "thousand persons per quarter";
            case "capital" -> "bn yuan per quarter";
            case "technology" -> "licence units per quarter";
            case "firms" -> "enterprises per quarter";
            default -> "per quarter";
        };
    }

    /** The overrides of a manifest as inline code, or "none". */
    static String overrides(JsonNode overrides) {
        List<String> out = new ArrayList<>();
        overrides.forEach(o -> out.add(Markdown.code(o.asText())));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /**
     * The end of every chart caption: the yrdsim version and commit that wrote the data, with
     * "uncommitted changes" where the commit id says the tree was dirty.
     */
    static String source(JsonNode manifest) {
        if (!manifest.has("git_commit") && !manifest.has("yrdsim_version")) {
            return "provenance unknown: no manifest.json";
        }
        String commit = manifest.path("git_commit").asText("unknown");
        boolean dirty = commit.endsWith("-dirty");
        String id = dirty ? commit.substring(0, commit.length() - "-dirty".length()) : commit;
        if (id.length() > 12) {
            id = id.substring(0, 12);
        }
        return "yrdsim " + manifest.path("yrdsim_version").asText("?") + ", commit " + id
                + (dirty ? " with uncommitted changes" : "");
    }

    /** Seeds as a range when they are consecutive, else listed. */
    static String seedList(List<Long> seeds) {
        if (seeds.size() > 2 && seeds.get(seeds.size() - 1) - seeds.get(0) == seeds.size() - 1) {
            return seeds.get(0) + "–" + seeds.get(seeds.size() - 1);
        }
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    /** Overrides for a caption: empty without any, else " with --set a=b, c=d". */
    static String overridesCaption(JsonNode overrides) {
        List<String> out = new ArrayList<>();
        overrides.forEach(o -> out.add(o.asText()));
        return out.isEmpty() ? "" : " with --set " + String.join(", ", out);
    }

    /** A JSON value as text, or an en dash for null or missing. */
    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "–" : node.asText();
    }
}
