package yrdsim.ui;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;
import sim.util.gui.HTMLBrowser;
import yrdsim.model.EnterpriseEngine;
import yrdsim.model.Factor;
import yrdsim.model.Structure;
import yrdsim.model.YrdModel;
import yrdsim.run.Engines;
import yrdsim.scenario.LoadedScenario;
import yrdsim.scenario.ScenarioException;

/**
 * The MASON GUI of the model, as {@code HeatBugsWithUI} is of {@code HeatBugs}: it wraps a
 * {@link YrdModel} that runs exactly as it does headless and knows nothing of this class. The
 * GUI adds a map of the delta ({@link Display2D} with one layer each for provinces, enterprises,
 * cities, clusters, the flows of each factor, the rest of China's flows of workers and talent,
 * names and the legend), MASON time-series charts,
 * inspectors for provinces and enterprises, and the policy levers of the Model tab.
 *
 * <p>The GUI never changes the model: it reads it after each step and between steps (MASON holds
 * the schedule lock while it paints and inspects), and levers reach the model only through its
 * timeline, so a run with the GUI attached gives the outputs of a headless run with the same
 * seed and the same changes.
 */
public final class YrdModelWithUI extends GUIState {

    private static final Logger LOG = LoggerFactory.getLogger(YrdModelWithUI.class);
    private static final int MAX_MAP_WIDTH = 760;
    /** At 720 the six charts tile beside and under the baseline's map on a 1600 × 1000 display. */
    private static final int MAX_MAP_HEIGHT = 720;
    private static final Color SEA = new Color(0xDCE8F0);

    private final Path scenarioFile;
    private final MapContext map;
    private final ClusterWatch clusters = new ClusterWatch();
    private final LeverPanel levers;
    private final Charts charts;
    private final FirmLayer firmLayer;
    private final List<FlowLayer> flowLayers = new ArrayList<>();
    private final List<RestOfChinaLayer> restOfChina = new ArrayList<>();
    private final List<MapLayer> layers = new ArrayList<>();
    private final List<String> layerNames = new ArrayList<>();
    private final List<Boolean> layerVisible = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Display2D display;
    /** Steps the model had completed when the GUI last read it. */
    private int observedSteps;
    private JFrame displayFrame;
    private final List<JFrame> chartFrames = new ArrayList<>();

    /**
     * A GUI for {@code loaded}, run with {@code seed} by the fast engine on {@code threads} threads.
     *
     * @param scenarioFile the file the scenario came from (shown in the About tab), or null
     */
    public YrdModelWithUI(LoadedScenario loaded, Path scenarioFile, long seed, int threads) {
        super(new YrdModel(loaded, seed, Engines.of(EnterpriseEngine.Kind.FAST, threads)));
        this.scenarioFile = scenarioFile;
        Geography geography = Geography.of(loaded.scenario());
        Structure st = new Structure(loaded.scenario());
        double scale = Math.min(MAX_MAP_WIDTH / geography.width(), MAX_MAP_HEIGHT / geography.height());
        map = new MapContext(this::model, geography, new SectorColors(st), clusters, geography.width() * scale);
        levers = new LeverPanel(this::model);
        charts = new Charts(st.regionList().toArray(String[]::new));
        firmLayer = new FirmLayer(map);
        layer(new ProvinceLayer(map), "Provinces", true);
        layer(firmLayer, "Enterprises", true);
        layer(new CityLayer(map), "Cities", true);
        layer(new ClusterLayer(map), "Clusters", true);
        Factor[] factors = {Factor.WORKERS, Factor.TALENT, Factor.CAPITAL, Factor.TECHNOLOGY};
        String[] units = {"thousand workers", "thousand talent", "bn yuan", "licence units"};
        for (int i = 0; i < factors.length; i++) {
            FlowLayer flow = new FlowLayer(map, factors[i], Charts.FACTOR_COLORS[i], i, units[i]);
            flowLayers.add(flow);
            // Four factors of arrows at once hide the map: talent and capital are shown at first.
            layer(flow, "Flows: " + factors[i].label(), factors[i] == Factor.TALENT || factors[i] == Factor.CAPITAL);
        }
        // The rest of China: its node and its flows of workers and talent, keyed above the four factors.
        RestOfChinaLayer rocWorkers = new RestOfChinaLayer(map, true, Charts.FACTOR_COLORS[0], -2, units[0]);
        RestOfChinaLayer rocTalent = new RestOfChinaLayer(map, false, Charts.FACTOR_COLORS[1], -1, units[1]);
        restOfChina.add(rocWorkers);
        restOfChina.add(rocTalent);
        // Sixteen arrows converge on the node with both shown: workers, most of the exchange, at first.
        layer(rocWorkers, "Rest of China: workers", true);
        layer(rocTalent, "Rest of China: talent", false);
        layer(new NameLayer(map), "Province names", true);
        layer(new LegendLayer(map), "Legend", true);
    }

    private void layer(MapLayer layer, String name, boolean visible) {
        layers.add(layer);
        layerNames.add(name);
        layerVisible.add(visible);
    }

    /** Whether windows can be opened: false without an X display (or with java.awt.headless). */
    public static boolean displayAvailable() {
        return !GraphicsEnvironment.isHeadless();
    }

    /**
     * Opens the Console and the map for {@code loaded}; returns once they are on their way.
     *
     * @throws IllegalStateException when there is no display ({@link #displayAvailable})
     */
    public static YrdModelWithUI open(LoadedScenario loaded, Path scenarioFile, long seed, int threads) {
        if (!displayAvailable()) {
            throw new IllegalStateException("no display");
        }
        YrdModelWithUI gui = new YrdModelWithUI(loaded, scenarioFile, seed, threads);
        javax.swing.SwingUtilities.invokeLater(() -> new Console(gui).setVisible(true));
        return gui;
    }

    /** Waits until the Console is closed. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** The model on display. */
    public YrdModel model() {
        return (YrdModel) state;
    }

    /** The Console's title. */
    public static String getName() {
        return "yrdsim: the Yangtze River Delta";
    }

    /** The About tab before a scenario is loaded; {@link #init} replaces it with the scenario's. */
    public static Object getInfo() {
        return About.model();
    }

    @Override
    public Object getSimulationInspectedObject() {
        return levers;
    }

    @Override
    public Inspector getInspector() {
        SimpleInspector inner = new SimpleInspector(levers.properties(), this, "Policy levers");
        inner.setVolatile(true);
        return new LeverInspector(inner, this::saveWithDialog);
    }

    /** Only a model of this GUI's regions and sectors can be shown (a checkpoint opened in the Console). */
    @Override
    public boolean validSimState(SimState candidate) {
        return candidate instanceof YrdModel m
                && m.loaded().scenario().regions().equals(model().loaded().scenario().regions())
                && m.loaded().scenario().sectors().equals(model().loaded().scenario().sectors());
    }

    @Override
    public void start() {
        super.start();
        prepare();
    }

    @Override
    public void load(SimState loadedState) {
        super.load(loadedState);
        prepare();
    }

    /** Wires the GUI to a freshly started (or loaded) model. */
    private void prepare() {
        YrdModel m = model();
        observedSteps = m.step();
        map.restart();
        clusters.start(m);
        flowLayers.forEach(FlowLayer::start);
        restOfChina.forEach(RestOfChinaLayer::start);
        charts.clear();
        scheduleRepeatingImmediatelyBefore(s -> levers.commit());
        scheduleRepeatingImmediatelyAfter(s -> afterStep());
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    private void afterStep() {
        YrdModel m = model();
        if (m.step() == observedSteps) {
            // MASON runs the after-step queue even when the schedule had nothing left to step.
            return;
        }
        observedSteps = m.step();
        clusters.observe(m);
        flowLayers.forEach(f -> f.observe(m));
        restOfChina.forEach(f -> f.observe(m));
        charts.record(m, clusters);
        if (m.step() >= m.scenario().time().steps()) {
            LOG.info("the run has reached its last quarter, {} (step {}); press play to start it again",
                    m.period(m.step() - 1), m.step() - 1);
            m.kill();
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        Geography geo = map.geography();
        double scale = map.naturalWidth() / geo.width();
        display = new Display2D(map.naturalWidth(), geo.height() * scale, this);
        display.setBackdrop(SEA);
        for (int i = 0; i < layers.size(); i++) {
            display.attach(layers.get(i), layerNames.get(i), layerVisible.get(i));
        }
        displayFrame = display.createFrame();
        displayFrame.setTitle("The Yangtze River Delta: " + model().loaded().scenario().name());
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        for (JFrame frame : charts.createFrames()) {
            chartFrames.add(frame);
            c.registerFrame(frame);
        }
        if (c instanceof Console console) {
            arrange(console);
            JTabbedPane tabs = console.getTabPane();
            int about = tabs.indexOfTab("About");
            if (about >= 0) {
                tabs.setComponentAt(about, new HTMLBrowser(About.scenario(model(), scenarioFile)));
            }
        }
    }

    /** Console on the left, map next to it, charts tiled in the rest of the screen (see {@link ChartLayout}). */
    private void arrange(Console console) {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        // Taller than MASON's default, so the Model tab shows every lever.
        console.setBounds(screen.x, screen.y, Math.max(console.getWidth(), 470),
                Math.max(console.getHeight(), Math.min(screen.height, 820)));
        displayFrame.setLocation(screen.x + console.getWidth() + 4, screen.y);
        List<Rectangle> tiles = ChartLayout.tile(screen, console.getBounds(), displayFrame.getBounds(),
                chartFrames.size());
        for (int i = 0; i < chartFrames.size(); i++) {
            JFrame frame = chartFrames.get(i);
            frame.setBounds(tiles.get(i));
            frame.setVisible(true);
            frame.validate();
        }
        charts.fitToFrames();
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) {
            displayFrame.dispose();
        }
        chartFrames.forEach(JFrame::dispose);
        display = null;
        displayFrame = null;
        chartFrames.clear();
        closed.countDown();
    }

    // ------------------------------------------------------------------ save scenario

    /**
     * Commits pending lever changes and writes the scenario to {@code file}. Takes the schedule
     * lock, so it may be called from any thread.
     *
     * @throws IllegalStateException when the run has not started yet
     */
    public void saveScenario(Path file) throws ScenarioException, IOException {
        synchronized (state.schedule) {
            if (model().timeline() == null) {
                throw new IllegalStateException("the run has not started: press play or step first");
            }
            levers.commit();
            ScenarioSaver.save(model(), file);
        }
        LOG.info("saved the scenario with its live changes to {}", file);
    }

    private void saveWithDialog() {
        if (model().timeline() == null) {
            JOptionPane.showMessageDialog(displayFrame, "Start the run first (press play or step): a saved scenario "
                    + "records lever changes at the steps they took effect.", "Save scenario",
                    JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        Path dir = Files.isDirectory(Path.of("scenarios")) ? Path.of("scenarios") : Path.of(".");
        JFileChooser chooser = new JFileChooser(dir.toFile());
        chooser.setSelectedFile(dir.resolve(model().loaded().scenario().name() + "-gui.yaml").toFile());
        if (chooser.showSaveDialog(displayFrame) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        try {
            saveScenario(file);
            JOptionPane.showMessageDialog(displayFrame, String.format(Locale.ROOT,
                    "Saved %s.%nReproduce this run with:%n  ./yrdsim run %s", file, file), "Save scenario",
                    JOptionPane.INFORMATION_MESSAGE);
        } catch (ScenarioException | IOException | RuntimeException e) {
            LOG.error("saving {} failed: {}", file, e.getMessage());
            JOptionPane.showMessageDialog(displayFrame, "Saving failed: " + e.getMessage(), "Save scenario",
                    JOptionPane.ERROR_MESSAGE);
        }
    }

    // ------------------------------------------------------------------ for tests and the README's measurements

    /** The map display, once {@link #init} has run. */
    public Display2D display() {
        return display;
    }

    /** The Model tab's lever panel. */
    LeverPanel levers() {
        return levers;
    }

    /** The charts. */
    Charts charts() {
        return charts;
    }

    /** The chart windows, once {@link #init} has run. */
    List<JFrame> chartFrames() {
        return List.copyOf(chartFrames);
    }

    /** The layers of the rest of China's flows: workers, then talent. */
    List<RestOfChinaLayer> restOfChinaLayers() {
        return List.copyOf(restOfChina);
    }

    /** The enterprise layer. */
    FirmLayer firmLayer() {
        return firmLayer;
    }

    /** Colours of the sectors on the map. */
    SectorColors colors() {
        return map.colors();
    }
}
