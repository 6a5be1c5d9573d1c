package yrdsim.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Scenario;
import yrdsim.scenario.SectorSpec;

/** The HTML of the Console's About tab: what the model is, and the scenario on display. */
final class About {

    private About() {
    }

    /** What the model is and how to use the GUI. */
    static String model() {
        return "<html><body style='font-family:sans-serif; margin:8px'>" + modelText() + "</body></html>";
    }

    private static String modelText() {
        return "<h2>yrdsim: factor mobility and Industries of the Future in the Yangtze River Delta</h2>"
                + "<p>An agent-based model of Shanghai, Jiangsu, Zhejiang and Anhui. Province agents hold "
                + "workers, talent, capital and public research; about 10<sup>5</sup> enterprise agents in "
                + "traditional sectors and in six Industries of the Future (IotF) hire them, innovate, enter, "
                + "exit and relocate. Labour, capital and technology move between provinces across barriers, "
                + "and clusters of IotF firms emerge where talent and knowledge gather.</p>"
                + "<p><b>Map.</b> Dots are enterprises near the cities of their province (the place within a "
                + "province is fixed by the firm's id: the model knows provinces, not cities). IotF sectors have "
                + "vivid colours, traditional sectors muted ones; dot size grows with log revenue. Rings mark "
                + "emerged clusters. Arrows are the last quarter's flows between provinces, one layer per factor: "
                + "switch layers in the display's Layers menu. When the scenario has a rest of China, a node at "
                + "the western edge stands for it, with its flows of workers and talent: solid arrows into a "
                + "province, dashed out of it. Double-click a province or a dot to inspect it.</p>"
                + "<p><b>Model tab.</b> Policy levers. A change takes effect at the next step and is recorded in "
                + "the run's timeline; <i>Save scenario</i> writes a scenario file that <code>yrdsim run</code> "
                + "reproduces. <b>Displays tab.</b> The map and the charts.</p>";
    }

    /** The model, then the scenario {@code m} runs. */
    static String scenario(YrdModel m, Path file) {
        Scenario s = m.loaded().scenario();
        double firms = 0;
        for (SectorSpec sector : s.sectors()) {
            firms += sector.firms();
        }
        firms *= s.enterprises().scale();
        String iotf = s.sectors().stream().filter(SectorSpec::iotf).map(SectorSpec::name)
                .collect(Collectors.joining(", "));
        String traditional = s.sectors().stream().filter(x -> !x.iotf()).map(SectorSpec::name)
                .collect(Collectors.joining(", "));
        String regions = s.regions().stream().map(r -> r.name()).collect(Collectors.joining(", "));
        return "<html><body style='font-family:sans-serif; margin:8px'>"
                + "<h2>Scenario " + escape(s.name()) + "</h2>"
                + "<p>" + escape(s.description()) + "</p>"
                + (s.paperBasis() == null || s.paperBasis().isBlank() ? ""
                        : "<p><i>" + escape(s.paperBasis()) + "</i></p>")
                + "<table>"
                + row("file", file == null ? "(none)" : escape(file.toString()))
                + row("seed", Long.toString(m.seed()))
                + row("time", s.startPeriod() + " to " + s.period(s.time().steps() - 1) + ", " + s.time().steps()
                        + " quarters")
                + row("regions", escape(regions))
                + row("IotF sectors", escape(iotf))
                + row("traditional sectors", escape(traditional))
                + row("enterprises at the start", String.format(Locale.ROOT, "about %,.0f (scale %s)", firms,
                        s.enterprises().scale()))
                + row("timeline events in the file", Integer.toString(s.timeline().size()))
                + "</table><hr>" + modelText() + "</body></html>";
    }

    private static String row(String key, String value) {
        return "<tr><td valign='top'><b>" + key + "</b></td><td>" + value + "</td></tr>";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
