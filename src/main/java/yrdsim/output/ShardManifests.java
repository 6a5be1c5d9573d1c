package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests that the shards of a comparison or an atlas leave in {@code shards/I-of-N/}
 * before the unsharded command assembles their work: each records the identity of the work its
 * shard did, so that the assembling command continues only the same work, and a shard of other
 * work is refused rather than mixed in. (A sweep's shards are recognised by its sweep.yaml.)
 */
public final class ShardManifests {

    /** The directory of the shards' manifests, inside the shared directory. */
    public static final String DIRECTORY = "shards";

    private ShardManifests() {
    }

    /** The manifests in {@code dir}'s shards directory, in name order. */
    static List<JsonNode> read(Path dir) throws IOException {
        Path shards = dir.resolve(DIRECTORY);
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(shards)) {
            return out;
        }
        try (Stream<Path> list = Files.list(shards)) {
            for (Path part : list.filter(Files::isDirectory).sorted().toList()) {
                JsonNode manifest = Manifest.read(part);
                if (manifest != null) {
                    out.add(manifest);
                }
            }
        }
        return out;
    }

    /** Whether {@code dir} holds shards' work and every shard did the work {@code wanted}. */
    public static boolean recordWork(Path dir, Map<String, Object> wanted) throws IOException {
        List<JsonNode> manifests = read(dir);
        return !manifests.isEmpty() && manifests.stream().allMatch(m -> ManifestIdentity.matches(m, wanted));
    }

    /**
     * Refuses when a shard in {@code dir} did other work than {@code wanted}.
     *
     * @param what the work's name for the message ("comparison", "atlas")
     */
    public static void refuseOther(Path dir, Map<String, Object> wanted, String what)
            throws IOException, RefusedException {
        for (JsonNode m : read(dir)) {
            if (!ManifestIdentity.matches(m, wanted)) {
                throw new RefusedException(dir + " holds the shards of a different " + what + " (shard "
                        + m.path("shard").asText() + " ran other files or options); give every shard the same "
                        + "options, or a new --out");
            }
        }
    }
}
