package yrdsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.output.Manifest;
import yrdsim.output.OutputDirectory;
import yrdsim.output.RefusedException;
import yrdsim.scenario.ScenarioException;

/**
 * {@code yrdsim merge}: once every shard has run into a shared sweep directory, builds
 * results.csv (and sensitivity.csv) exactly as an unsharded sweep would, and writes the sweep's
 * manifest as complete. It needs nothing but the directory.
 */
public final class Merge {

    private static final Logger LOG = LoggerFactory.getLogger(Merge.class);

    private Merge() {
    }

    /** {@link #merge(Path, Clock)} on the system clock. */
    public static SweepDirectory.Assembly merge(Path dir) throws IOException, RefusedException, ScenarioException {
        return merge(dir, Clock.systemUTC());
    }

    /**
     * Merges the sweep in {@code dir}, holding it locked: while any shard (or a sweep) still
     * writes it, the merge is refused at once.
     *
     * @param clock stamps the manifest's times
     * @throws RefusedException  when {@code dir} is not a sweep directory, some runs are not
     *                           complete, or another process is writing it
     * @throws ScenarioException when the sweep file's copy in {@code dir} is damaged
     */
    public static SweepDirectory.Assembly merge(Path dir, Clock clock)
            throws IOException, RefusedException, ScenarioException {
        if (!Files.isDirectory(dir)) {
            throw notASweep(dir);
        }
        try (OutputDirectory out = OutputDirectory.lock(dir, SweepDirectory.KIND, clock)) {
            long started = System.nanoTime();
            String startedAt = clock.instant().toString();
            List<String> shards = new ArrayList<>();
            JsonNode source = identitySource(dir, shards);
            SweepDirectory.Assembly assembly = SweepDirectory.assemble(dir, source.path("keep_series").asBoolean(false));
            Manifest manifest = out.manifest();
            for (String key : SweepPlan.IDENTITY_KEYS) {
                manifest.put(key, source.get(key));
            }
            manifest.put("merged_shards", shards);
            manifest.put("started_at", startedAt);
            manifest.stamp("finished_at");
            manifest.put("wall_seconds", (System.nanoTime() - started) / 1e9);
            manifest.expect(assembly.expected());
            manifest.complete();
            LOG.info("{}: merged {} runs{}", dir, assembly.runs(), shards.isEmpty() ? "" : " from shards " + shards);
            return assembly;
        }
    }

    private static RefusedException notASweep(Path dir) {
        return new RefusedException(dir + " is not a sweep directory (no sweep manifest and "
                + SweepDirectory.SWEEP_FILE + "); give the --out directory of a sweep");
    }

    /**
     * A manifest in {@code dir} that records the sweep's identity: any shard's (they agree, as each
     * checked the sweep file's copy), else the sweep's own. Shard names found are added to {@code shards}.
     */
    private static JsonNode identitySource(Path dir, List<String> shards) throws IOException, RefusedException {
        JsonNode found = null;
        Path shardRoot = dir.resolve(SweepDirectory.SHARDS);
        if (Files.isDirectory(shardRoot)) {
            try (Stream<Path> list = Files.list(shardRoot)) {
                for (Path shard : list.sorted().toList()) {
                    JsonNode m = Manifest.read(shard);
                    if (m != null && m.has("sweep")) {
                        shards.add(m.path("shard").asText(shard.getFileName().toString()));
                        found = found == null ? m : found;
                    }
                }
            }
        }
        JsonNode own = Manifest.read(dir);
        if (found == null && own != null && own.has("sweep")) {
            found = own;
        }
        if (found == null || !Files.isRegularFile(dir.resolve(SweepDirectory.SWEEP_FILE))) {
            throw notASweep(dir);
        }
        return found;
    }
}
