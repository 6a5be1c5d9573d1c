package yrdsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import yrdsim.model.EnterpriseEngine;
import yrdsim.output.RunFailure;
import yrdsim.run.Progress;
import yrdsim.run.RunOptions;
import yrdsim.run.Runner;

/**
 * Every declared number set alone to the ends of its valid range either is refused by
 * validation or runs the scenario's whole horizon without a numeric guard tripping: the valid
 * ranges end where the model stops being stable, not beyond.
 *
 * <p>The baseline runs at a hundredth of its firms (about 1,200; fewer firms make the markets
 * thinner and a run more fragile, so this is the harder test) on every core, a case a run;
 * {@code -Dyrdsim.edges.scenario}, {@code -Dyrdsim.edges.scale} and {@code -Dyrdsim.edges.only}
 * (a path prefix) choose another scenario, size or subset when exploring.
 */
class DeclaredRangesRunTest {

    private static final Path SCENARIO = Path.of(System.getProperty("yrdsim.edges.scenario", "scenarios/baseline.yaml"));
    private static final String SCALE = System.getProperty("yrdsim.edges.scale", "0.01");
    private static final String ONLY = System.getProperty("yrdsim.edges.only", "");
    /** The size itself is what the test holds small; at its top a run would hold 10^8 firms. */
    private static final String NOT_VARIED = "enterprises.scale";

    @TempDir
    Path dir;

    /** One end of one declared range, made concrete for the scenario's first region and sector. */
    record Case(String path, double value) {
        String override() {
            return path + "=" + Range.number(value);
        }
    }

    static List<Case> cases(String region, String sector) {
        List<Case> cases = new ArrayList<>();
        for (Declaration d : Declarations.ALL) {
            if (d.type() != Declaration.Type.NUMBER || d.path().equals(NOT_VARIED) || !d.path().startsWith(ONLY)) {
                continue;
            }
            // A sector parameter: each kind's default, and one sector's own value (the baseline sets some per sector).
            List<String> paths = new ArrayList<>();
            for (String pattern : d.paths()) {
                for (String kind : pattern.contains("{kind}") ? List.of("traditional", "iotf") : List.of("")) {
                    paths.add(pattern.replace("{region}", region).replace("{sector}", sector).replace("{kind}", kind)
                            .replace("*", "0"));
                }
            }
            for (String path : paths) {
                cases.add(new Case(path, d.valid().min()));
                cases.add(new Case(path, d.valid().max()));
            }
        }
        return cases;
    }

    /** "refused", "ran", or what went wrong. */
    private String outcome(Case c, int index) {
        List<String> overrides = List.of("enterprises.scale=" + SCALE, c.override());
        try {
            ScenarioLoader.load(SCENARIO, overrides);
        } catch (ScenarioException e) {
            return "refused";
        }
        Path out = dir.resolve("case-" + index);
        try {
            Runner.run(new RunOptions(SCENARIO, overrides, null, null, 1, EnterpriseEngine.Kind.FAST, out, false, 0, 0,
                    false), Progress.NONE);
            return "ran";
        } catch (ScenarioException e) {
            // The step-0 equilibrium cannot be built: bad input found before the run, which is fine.
            return "refused";
        } catch (RunFailure e) {
            return "failed: " + e.getMessage();
        } catch (Exception | Error e) {
            return "error: " + e;
        }
    }

    @Test
    void everyDeclaredNumberAtEitherEndIsRefusedOrRunsTheHorizon() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
        String region = loaded.scenario().regions().get(0).name();
        String sector = loaded.scenario().sectors().stream().filter(SectorSpec::iotf).findFirst().orElseThrow().name();
        List<Case> cases = cases(region, sector);
        assertTrue(ONLY.length() > 0 || cases.size() > 150, cases.size() + " cases");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            int index = i;
            outcomes.add(pool.submit(() -> outcome(cases.get(index), index)));
        }
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            String outcome = outcomes.get(i).get();
            table.append(cases.get(i).override()).append(": ").append(outcome).append('\n');
            if (!outcome.equals("refused") && !outcome.equals("ran")) {
                failures.add(cases.get(i).override() + ": " + outcome);
            }
        }
        pool.shutdown();
        Files.writeString(Path.of("target", "declared-ranges-run.txt"), table);
        assertEquals(List.of(), failures, "declared ends that validate and then fail a run");
    }
}
