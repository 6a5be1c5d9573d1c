package yrdsim.atlas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import yrdsim.scenario.RegionSpec;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.ScenarioException;
import yrdsim.scenario.ScenarioLoader;
import yrdsim.sweep.SweepFile;

/**
 * The policies an atlas evaluates by default: every scenario file beside the baseline (in name
 * order) that is not the baseline itself, not a sweep, and has the baseline's regions, so can be
 * compared with it ({@code two-regions.yaml}, a test bed of two made-up regions, has not).
 */
public final class ShippedPolicies {

    private static final Logger LOG = LoggerFactory.getLogger(ShippedPolicies.class);

    private ShippedPolicies() {
    }

    /**
     * The scenario files beside {@code baseline} comparable with it.
     *
     * @throws ScenarioException the baseline or one of the files does not load (the message names it)
     */
    public static List<Path> beside(Path baseline) throws ScenarioException, IOException {
        Scenario base = ScenarioLoader.load(baseline).scenario();
        Path folder = baseline.toAbsolutePath().getParent();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<Path> policies = new ArrayList<>();
        for (Path file : files) {
            Path shown = baseline.resolveSibling(file.getFileName());
            if (Files.isSameFile(file, baseline) || SweepFile.looksLikeSweep(file)) {
                continue;
            }
            Scenario s = ScenarioLoader.load(shown).scenario();
            if (!s.regions().stream().map(RegionSpec::name).toList()
                    .equals(base.regions().stream().map(RegionSpec::name).toList())) {
                LOG.info("atlas: {} left out: its regions differ from the baseline's", shown);
                continue;
            }
            policies.add(shown);
        }
        return policies;
    }
}
