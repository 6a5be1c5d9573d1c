package yrdsim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import yrdsim.scenario.ScenarioException;

/**
 * Work whose manifest records how it ended: a failure marks the manifest {@code failed} with its
 * message before it is thrown on, and a failed write becomes a {@link RunFailure} naming the
 * directory, so a directory never says {@code running} after its process gave up on it.
 */
public final class RecordedWork {

    /** The work. */
    @FunctionalInterface
    public interface Work {
        /** Does it. */
        void run() throws RunFailure, RefusedException, ScenarioException, IOException;
    }

    private RecordedWork() {
    }

    /** Does {@code work} in {@code dir}, recording a failure in {@code manifest}. */
    public static void run(Manifest manifest, Path dir, Work work)
            throws RunFailure, RefusedException, ScenarioException {
        try {
            work.run();
        } catch (RunFailure | RefusedException | ScenarioException e) {
            manifest.markFailed(e.getMessage());
            throw e;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            String message = "writing " + dir + " failed: " + IoErrors.describe(cause);
            manifest.markFailed(message);
            throw new RunFailure(message, e);
        }
    }
}
