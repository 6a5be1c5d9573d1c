package yrdsim.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What built and ran this program: version, commit, MASON and Java versions. */
public final class Provenance {

    private static final Properties BUILD = load();

    private Provenance() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/yrdsim/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unknown provenance is reported as such below.
        }
        return p;
    }

    /** yrdsim's version. */
    public static String version() {
        return property("version");
    }

    /** The git commit the jar was built from, with {@code -dirty} if the tree had changes. */
    public static String gitCommit() {
        String commit = property("git.commit");
        return "true".equals(BUILD.getProperty("git.dirty")) ? commit + "-dirty" : commit;
    }

    /** MASON's version as it reports it. */
    public static String masonVersion() {
        return Double.toString(sim.engine.SimState.version());
    }

    /** The running Java's version and vendor. */
    public static String javaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String property(String key) {
        String value = BUILD.getProperty(key);
        return value == null || value.startsWith("${") ? "unknown" : value;
    }
}
