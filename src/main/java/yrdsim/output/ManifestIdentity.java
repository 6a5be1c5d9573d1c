package yrdsim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a manifest records the same work as a set of identity fields: the settings that make
 * two runs or comparisons give the same results (scenario, seeds, steps, engine, overrides),
 * never those that change only speed (threads, jobs) or time.
 *
 * <p>Values are compared as JSON text, because a number read back from a file may have another
 * node type (an int where a long was written). A scenario, recognised by its
 * {@code resolved_sha256}, is the same when that hash and its {@code label}, if it has one,
 * agree: the scenario file may have moved or been reformatted without changing the run.
 */
final class ManifestIdentity {

    private static final String RESOLVED = "resolved_sha256";

    private ManifestIdentity() {
    }

    /** Whether {@code manifest} (null when there is none) records every field of {@code wanted} alike. */
    static boolean matches(JsonNode manifest, Map<String, Object> wanted) {
        if (manifest == null || !manifest.isObject()) {
            return false;
        }
        JsonNode mine = Json.tree(wanted);
        for (Iterator<String> names = mine.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!manifest.has(name) || !same(mine.get(name), manifest.get(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode mine, JsonNode theirs) {
        if (mine.isObject() && mine.has(RESOLVED)) {
            return theirs.isObject() && mine.get(RESOLVED).equals(theirs.path(RESOLVED))
                    && mine.path("label").equals(theirs.path("label"));
        }
        if (mine.isArray()) {
            if (!theirs.isArray() || theirs.size() != mine.size()) {
                return false;
            }
            for (int i = 0; i < mine.size(); i++) {
                if (!same(mine.get(i), theirs.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return mine.toString().equals(theirs.toString());
    }
}
