package yrdsim.ui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.ui.RectangleEdge;
import sim.util.gui.DisclosurePanel;
import sim.util.media.chart.ChartGenerator;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;
import yrdsim.metrics.RunTotals;
import yrdsim.model.Factor;
import yrdsim.model.Province;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Period;

/**
 * The GUI's time-series charts, made with MASON's chart generators: IotF revenue share by
 * province, wages by province, net migration of workers and talent, clusters, the share of
 * each factor that crossed a province border, and the knowledge each province created and
 * absorbed from other provinces' firms. The model thread reads one row of numbers after
 * each step; the series are changed on the Swing thread, where JFreeChart reads them.
 *
 * <p>As in the reports, shares are in per cent, wages in thousand yuan per person, and text is
 * set in the serif font, where a capital I has serifs and "IotF" cannot be read as "lotF".
 * MASON's "Save as PDF" button needs iText, which yrdsim leaves out of its jar (AGPL, see
 * THIRD-PARTY.md): each chart window shows a note in its place.
 */
final class Charts {

    private static final Factor[] CROSSING = {Factor.WORKERS, Factor.TALENT, Factor.CAPITAL, Factor.TECHNOLOGY};
    /** The flow layers' colours, so a factor looks the same on the map and in the chart. */
    static final Color[] FACTOR_COLORS = {
        new Color(0xD9822B), new Color(0x8E44AD), new Color(0x1E8449), new Color(0x2471A3),
    };
    private static final Color[] REGION_COLORS = {
        new Color(0xC0392B), new Color(0x2E86C1), new Color(0x27AE60), new Color(0xE67E22),
        new Color(0x8E44AD), new Color(0x7F8C8D), new Color(0x16A085), new Color(0xD4AC0D),
    };

    private final List<TimeSeriesChartGenerator> generators = new ArrayList<>();
    private final List<XYSeries> series = new ArrayList<>();
    /** Whether each series is on a log axis, where only positive values can be drawn. */
    private final List<Boolean> logScaled = new ArrayList<>();
    private final int regions;
    /** The text where MASON's "Save as PDF" button was, and the reason in its tooltip. */
    static final String NO_PDF = "PDF export not included";
    static final String NO_PDF_REASON = "MASON writes PDF with iText, which is AGPL-licensed and is left out of "
            + "yrdsim (see THIRD-PARTY.md). For charts as files, run the scenario headless and then yrdsim "
            + "report on its run directory (PNG charts, report.md, report.html).";
    private static final String MASON_PDF_BUTTON = "Save as PDF";
    /** Model wages are bn yuan per thousand persons; ×1000 gives thousand yuan per person. */
    private static final double THOUSAND_YUAN_PER_PERSON = 1000;
    private static final double PER_CENT = 100;
    /** Name of a province's series in the knowledge chart, after the province's name. */
    static final String CREATED = " created";
    static final String ABSORBED = " absorbed";

    /** Charts for a scenario with these regions. */
    Charts(String[] regionNames) {
        regions = regionNames.length;
        // The y-axis titles are short units, so that they fit beside a plot a window of
        // ChartLayout.MIN_HEIGHT leaves; the titles above say what is drawn.
        TimeSeriesChartGenerator iotf = chart("IotF share of revenue by province (%)", "%");
        TimeSeriesChartGenerator wages = chart("Wage of workers (thousand yuan a quarter)", "thousand yuan");
        TimeSeriesChartGenerator migration = chart("Net migration, in − out (thousand persons)", "thousand");
        TimeSeriesChartGenerator clusters = chart("Clusters of a province and sector", "count");
        TimeSeriesChartGenerator flows = chart("Share of each factor crossing a border (%)", "% (log scale)");
        flows.setYAxisLogScaled(true);
        // Log scale: creation is thousands of licence units a quarter, absorption can be a few.
        TimeSeriesChartGenerator knowledge = chart("Knowledge created and absorbed", "licence units (log)");
        knowledge.setYAxisLogScaled(true);
        for (int p = 0; p < regions; p++) {
            add(iotf, regionNames[p], color(p), false);
        }
        for (int p = 0; p < regions; p++) {
            add(wages, regionNames[p], color(p), false);
        }
        for (int p = 0; p < regions; p++) {
            add(migration, regionNames[p] + " workers", color(p), false);
            add(migration, regionNames[p] + " talent", color(p), true);
        }
        add(clusters, "clusters now", color(0), false);
        add(clusters, "emerged since the start", color(1), true);
        for (int f = 0; f < CROSSING.length; f++) {
            add(flows, CROSSING[f].label(), FACTOR_COLORS[f], false);
        }
        for (int p = 0; p < regions; p++) {
            add(knowledge, regionNames[p] + CREATED, color(p), false);
            add(knowledge, regionNames[p] + ABSORBED, color(p), true);
        }
    }

    /** Line colour of region {@code p}: the same region has the same colour in every chart. */
    private static Color color(int p) {
        return REGION_COLORS[p % REGION_COLORS.length];
    }

    private TimeSeriesChartGenerator chart(String title, String yLabel) {
        TimeSeriesChartGenerator g = new TimeSeriesChartGenerator();
        g.setTitle(title);
        g.setXAxisLabel("year");
        g.setYAxisLabel(yLabel);
        // Years without a thousands separator: 2020.5, not 2,020.5.
        ((NumberAxis) g.getChart().getXYPlot().getDomainAxis()).setNumberFormatOverride(new DecimalFormat("0.##"));
        serif(g.getChart());
        generators.add(g);
        return g;
    }

    /** Title, axes and legend in the serif font (see the class comment). */
    private static void serif(JFreeChart chart) {
        chart.getTitle().setFont(new Font(Font.SERIF, Font.BOLD, 14));
        XYPlot plot = chart.getXYPlot();
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(new Font(Font.SERIF, Font.PLAIN, 12));
            axis.setTickLabelFont(new Font(Font.SERIF, Font.PLAIN, 11));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font(Font.SERIF, Font.PLAIN, 11));
            // Beside the plot, not above it: chart windows are wider than tall, and eight
            // migration series above the plot would leave it a sliver.
            chart.getLegend().setPosition(RectangleEdge.RIGHT);
        }
    }

    private void add(TimeSeriesChartGenerator g, String name, Color color, boolean dashed) {
        XYSeries s = new XYSeries(name, false);
        TimeSeriesAttributes look = (TimeSeriesAttributes) g.addSeries(s, null);
        look.setStrokeColor(color);
        look.setThickness(2);
        if (dashed) {
            look.setDashPattern(TimeSeriesAttributes.PATTERN_DASH);
        }
        series.add(s);
        logScaled.add(g.isYAxisLogScaled());
    }

    /** One frame per chart, titled like it; the caller registers them with the Console. */
    List<JFrame> createFrames() {
        List<JFrame> frames = new ArrayList<>();
        for (TimeSeriesChartGenerator g : generators) {
            JFrame frame = g.createFrame();
            frame.setTitle(g.getTitle());
            replacePdfButton(g);
            frames.add(frame);
        }
        return frames;
    }

    /**
     * Replaces MASON's "Save as PDF" button of {@code g} (in its "Chart Output" panel, shown when
     * the options are disclosed) by a note that says why there is none; true when it was found.
     */
    static boolean replacePdfButton(ChartGenerator g) {
        return replaceIn(g);
    }

    /** Searches {@code c}'s tree, and the hidden content of every collapsed disclosure panel in it. */
    private static boolean replaceIn(Component c) {
        if (c instanceof DisclosurePanel panel && panel.getDisclosedComponent() != null
                && replaceIn(panel.getDisclosedComponent())) {
            return true;
        }
        if (c instanceof JButton button && MASON_PDF_BUTTON.equals(button.getText())) {
            Container parent = button.getParent();
            int index = List.of(parent.getComponents()).indexOf(button);
            parent.remove(index);
            JLabel note = new JLabel(NO_PDF);
            note.setToolTipText(NO_PDF_REASON);
            note.setEnabled(false);
            parent.add(note, index);
            return true;
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                if (replaceIn(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Draws each chart at the size of its window, after the windows got their bounds. MASON draws
     * a chart DEFAULT_CHART_HEIGHT high at its proportion and scales that to the window's width:
     * in a window wider than the proportion, the text shrinks and the bottom of the chart (the
     * x axis and its title) scrolls out of sight. Matching both to the visible area draws the
     * chart at one pixel per pixel, whole.
     */
    void fitToFrames() {
        for (TimeSeriesChartGenerator g : generators) {
            JViewport view = (JViewport) SwingUtilities.getAncestorOfClass(JViewport.class, g.getChartPanel());
            if (view == null || view.getWidth() < 50 || view.getHeight() < 50) {
                continue;
            }
            g.DEFAULT_CHART_HEIGHT = view.getHeight();
            // Two decimals, as the Proportion field shows it; the chart is then at most a pixel off.
            g.setProportion(Math.round(100.0 * view.getWidth() / view.getHeight()) / 100.0);
        }
    }

    /** The chart generators, in the order of their frames. */
    List<TimeSeriesChartGenerator> generators() {
        return List.copyOf(generators);
    }

    /** Empties every series: a new run starts. */
    void clear() {
        SwingUtilities.invokeLater(() -> {
            series.forEach(XYSeries::clear);
            generators.forEach(g -> g.update(TimeSeriesChartGenerator.FORCE_KEY, true));
        });
    }

    /**
     * Reads the step {@code m} has just completed and adds it to the charts. Called in the
     * model thread with the schedule locked; the series change later, on the Swing thread.
     */
    void record(YrdModel m, ClusterWatch clusters) {
        int step = m.step() - 1;
        double x = year(m.period(step));
        double[] row = new double[series.size()];
        int k = 0;
        Province[] provinces = m.provinces();
        for (Province p : provinces) {
            row[k++] = p.getIotfRevenueShare() * PER_CENT;
        }
        for (Province p : provinces) {
            row[k++] = p.getWage() * THOUSAND_YUAN_PER_PERSON;
        }
        for (Province p : provinces) {
            row[k++] = p.getNetMigrationWorkers();
            row[k++] = p.getNetMigrationTalent();
        }
        row[k++] = clusters.active();
        row[k++] = clusters.emerged();
        double[] crossing = RunTotals.crossProvinceShares(m);
        for (int f = 0; f < CROSSING.length; f++) {
            row[k++] = crossing[f] * PER_CENT;
        }
        for (Province p : provinces) {
            row[k++] = p.getKnowledgeCreated();
            row[k++] = p.getKnowledgeAbsorbed();
        }
        SwingUtilities.invokeLater(() -> {
            for (int i = 0; i < row.length; i++) {
                if (row[i] > 0 || !logScaled.get(i)) {
                    series.get(i).add(x, row[i], false);
                }
            }
            generators.forEach(g -> g.update(step, true));
        });
    }

    /** Points of every series, in chart order; read on the Swing thread. */
    int[] points() {
        return series.stream().mapToInt(XYSeries::getItemCount).toArray();
    }

    /** Whether series {@code k} (in chart order) is on a log axis, which leaves out values of 0 or less. */
    boolean logScaled(int k) {
        return logScaled.get(k);
    }

    /** The series named {@code name} (its legend entry), in the first chart that has one; read on the Swing thread. */
    XYSeries series(String name) {
        // MASON wraps each key to keep it unique; it prints as the name.
        return series.stream().filter(s -> name.equals(String.valueOf(s.getKey()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series " + name));
    }

    /** Decimal year of the start of a quarter: 2020Q3 is 2020.5. */
    static double year(Period p) {
        return p.year() + (p.quarter() - 1) / 4.0;
    }
}
