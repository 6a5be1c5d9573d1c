package yrdsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sweep files over the two-region test bed at a fraction of its firms, for command-line tests. */
final class TinySweep {

    private TinySweep() {
    }

    /**
     * Writes {@code dir/NAME}: a grid over the labour barrier scale at {@code levels}, with
     * {@code replications} runs of {@code steps} quarters at {@code scale} of the firms.
     */
    static Path write(Path dir, String name, int replications, int steps, double scale, String levels)
            throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, """
                scenario: %s
                seed: 3
                replications: %d
                steps: %d
                set:
                  enterprises.scale: %s
                design:
                  type: grid
                  parameters:
                    barriers.labor.scale: {values: [%s]}
                metrics:
                  - iotf_revenue_share.YRD
                """.formatted(Path.of("scenarios/two-regions.yaml").toAbsolutePath(), replications, steps, scale,
                levels));
        return file;
    }
}
