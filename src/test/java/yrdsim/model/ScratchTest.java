package yrdsim.model;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioLoader;

class ScratchTest {
    @Test
    void run() throws Exception {
        LoadedScenario loaded = ScenarioLoader.load(Path.of(System.getProperty("scenario", "scenarios/two-regions.yaml")), List.of());
        for (EnterpriseEngine.Kind kind : EnterpriseEngine.Kind.values()) {
            YrdModel m = new YrdModel(loaded, 7, kind, 2);
            m.start();
            long t0 = System.nanoTime();
            for (int t = 0; t < 64; t++) {
                m.schedule.step(m);
                if (t % 16 == 0 || t == 63) {
                    StringBuilder b = new StringBuilder(kind + " t=" + t + " firms=" + m.firmCount());
                    for (Province p : m.provinces()) b.append(String.format(" | %s W=%.6f H=%.6f w=%.8f h=%.8f r=%.8f rev=%.8f iotf=%.4f", p.getName(), p.getWorkers(), p.getTalent(), p.getWage(), p.getTalentWage(), p.getInterestRate(), p.getRevenue(), p.getIotfRevenueShare()));
                    for (Sector s : m.sectors()) b.append(String.format(" | %s P=%.10f", s.getName(), s.getPrice()));
                    System.out.println(b);
                }
            }
            System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
            m.finish();
        }
    }
}
