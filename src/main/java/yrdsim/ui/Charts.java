package yrdsim.ui;

import java.util.ArrayList;
import java.util.List;
import java.awt.Color;
import java.text.DecimalFormat;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import sim.util.media.chart.TimeSeriesAttributes;
import sim.util.media.chart.TimeSeriesChartGenerator;
import yrdsim.metrics.RunTotals;
import yrdsim.model.Factor;
import yrdsim.model.Province;
import yrdsim.model.YrdModel;
import yrdsim.scenario.Period;

/**
 * The GUI's time-series charts, made with MASON's chart generators: IotF revenue share by
 * province, wages by province, net migration of workers and talent, clusters, and the share of
 * each factor that crossed a province border. The model thread reads one row of numbers after
 * each step; the series are changed on the Swing thread, where JFreeChart reads them.
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

    /** Charts for a scenario with these regions. */
    Charts(String[] regionNames) {
        regions = regionNames.length;
        TimeSeriesChartGenerator iotf = chart("IotF share of revenue by province", "share of manufacturing revenue");
        TimeSeriesChartGenerator wages = chart("Wages by province", "bn yuan per thousand workers per quarter");
        TimeSeriesChartGenerator migration = chart("Net migration of workers and talent",
                "thousand persons per quarter (in minus out)");
        TimeSeriesChartGenerator clusters = chart("Emerged clusters", "number of (province, sector) clusters");
        TimeSeriesChartGenerator flows = chart("Cross-province flows by factor",
                "share that crossed a border this quarter (log)");
        flows.setYAxisLogScaled(true);
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
        generators.add(g);
        return g;
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
            frames.add(frame);
        }
        return frames;
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
            row[k++] = p.getIotfRevenueShare();
        }
        for (Province p : provinces) {
            row[k++] = p.getWage();
        }
        for (Province p : provinces) {
            row[k++] = p.getNetMigrationWorkers();
            row[k++] = p.getNetMigrationTalent();
        }
        row[k++] = clusters.active();
        row[k++] = clusters.emerged();
        double[] crossing = RunTotals.crossProvinceShares(m);
        for (int f = 0; f < CROSSING.length; f++) {
            row[k++] = crossing[f];
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

    /** Decimal year of the start of a quarter: 2020Q3 is 2020.5. */
    static double year(Period p) {
        return p.year() + (p.quarter() - 1) / 4.0;
    }
}
