package yrdsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import yrdsim.output.AtomicFiles;
import yrdsim.scenario.Period;

/**
 * What every chart shares: size, fonts, colours, a time axis labelled with periods, lines with
 * bands, a y axis that includes zero, a caption naming where the data came from, and writing PNG
 * files atomically. Charts depend only on their data, so the same data give the same picture.
 *
 * <p>Text is set in the logical serif font (DejaVu Serif on Debian, where fontconfig always has
 * it): in the usual sans-serif faces a capital I and a lowercase l are the same stroke, and
 * "IotF" reads as "lotF". A machine without that face still draws with its own serif font.
 */
final class Charts {

    /** Width of one chart in pixels. */
    static final int WIDTH = 960;
    /** Height of one chart in pixels. */
    static final int HEIGHT = 540;

    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x88, 0x88, 0x88), new Color(0xF0, 0xE4, 0x42)
    };
    /** The colour of a reference line (the delta as a whole, the baseline). */
    static final Color REFERENCE = Color.BLACK;
    private static final int BAND_ALPHA = 56;
    /** Time axes of runs up to this many quarters may label every quarter. */
    static final int EVERY_QUARTER = 12;
    private static final float LINE_WIDTH = 2.2f;
    /** Height of the caption strip under each PNG, in pixels. */
    static final int CAPTION_HEIGHT = 26;
    /** The family of every chart's text; see the class comment. */
    static final String FONT = Font.SERIF;
    private static final Color CAPTION_TEXT = new Color(0x44, 0x44, 0x44);

    private Charts() {
    }

    /** The i-th colour of the palette, cycling. */
    static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A chart with the common style. */
    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** The common look: white background, light grid, legend outside on the right. */
    static void style(org.knowm.xchart.style.AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE0, 0xE0, 0xE0));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        // Fixed, so tick labels do not depend on the machine's language settings.
        s.setLocale(Locale.ROOT);
        s.setYAxisDecimalPattern("#,##0.######");
    }

    /** A chart over the periods whose x values are {@code x} (see {@link #times}). */
    static XYChart time(String title, String yTitle, double[] x) {
        XYChart chart = xy(title, "quarter", yTitle);
        timeAxis(chart, x);
        return chart;
    }

    /**
     * Makes the x axis of {@code chart} a time axis over {@code x}, labelled with periods. Runs of
     * up to {@value #EVERY_QUARTER} quarters label any quarter; longer ones only the quarter they
     * start in, in every year or every few years so that at most about eight labels are shown.
     * XChart spaces ticks until their labels differ, which the blank labels in between force.
     */
    static void timeAxis(XYChart chart, double[] x) {
        timeAxis(chart, x, 8);
    }

    /** As {@link #timeAxis(XYChart, double[])}, with at most about {@code labels} labels (a narrow plot). */
    static void timeAxis(XYChart chart, double[] x, int labels) {
        chart.getStyler().setXAxisMin(x[0]);
        chart.getStyler().setXAxisMax(x[x.length - 1]);
        long startQuarter = Math.floorMod(Math.round(x[0] * 4), 4);
        long startYear = (long) Math.floor(x[0]);
        boolean yearly = x.length > EVERY_QUARTER;
        long years = (long) Math.ceil(x[x.length - 1] - x[0]);
        long step = Math.max(1, (years + labels - 1) / labels);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(value -> {
            String label = periodLabel(value);
            long quarter = Math.round(value * 4);
            boolean wanted = !yearly || Math.floorMod(quarter, 4) == startQuarter
                    && Math.floorMod(Math.floorDiv(quarter, 4) - startYear, step) == 0;
            return wanted ? label : "";
        });
    }

    /** The x value of each period: its year plus the quarter's fraction (2021Q3 → 2021.5). */
    static double[] times(String[] periods) {
        double[] x = new double[periods.length];
        for (int i = 0; i < periods.length; i++) {
            Period p = Period.parse(periods[i]);
            x[i] = p.year() + (p.quarter() - 1) / 4.0;
        }
        return x;
    }

    /** The period at a tick, or nothing between quarters. */
    static String periodLabel(double x) {
        double quarters = x * 4;
        long q = Math.round(quarters);
        if (Math.abs(quarters - q) > 1e-6) {
            return "";
        }
        return new Period((int) Math.floorDiv(q, 4), (int) Math.floorMod(q, 4) + 1).toString();
    }

    /** Adds a solid (or dashed) line. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(dashed
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return s;
    }

    /** Adds a translucent band between {@code low} and {@code high}, left out of the legend. */
    static void band(XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = high[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = low[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA);
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * Makes the y axis of {@code chart} include zero, so that heights and gaps between lines are
     * read against zero rather than against a cut-off axis. Charts with values of both signs
     * include it already.
     */
    static void includeZero(XYChart chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                if (Double.isFinite(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (min > 0 || min == Double.POSITIVE_INFINITY) {
            chart.getStyler().setYAxisMin(0.0);
        } else if (max < 0) {
            chart.getStyler().setYAxisMax(0.0);
        }
    }

    /**
     * Sets {@code chart}'s title smaller, down to 10 points, until it fits the chart's width:
     * XChart neither wraps nor shortens a title, and cuts off both ends of one that is too long.
     */
    static void fitTitle(Chart<?, ?> chart) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        Font font = chart.getStyler().getChartTitleFont();
        while (font.getSize() > 10 && g.getFontMetrics(font).stringWidth(chart.getTitle()) > chart.getWidth() - 24) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        g.dispose();
        chart.getStyler().setChartTitleFont(font);
    }

    /** Writes {@code chart} as a PNG file with {@code caption} in a strip under it. */
    static void save(Chart<?, ?> chart, Path file, String caption) throws IOException {
        fitTitle(chart);
        write(captioned(BitmapEncoder.getBufferedImage(chart), caption), file);
    }

    /** Writes charts of equal size as one PNG file, {@code columns} to a row, with one caption under them. */
    static void saveGrid(List<? extends Chart<?, ?>> charts, int columns, Path file, String caption)
            throws IOException {
        int rows = (charts.size() + columns - 1) / columns;
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        BufferedImage grid = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            fitTitle(charts.get(i));
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        write(captioned(grid, caption), file);
    }

    /**
     * {@code image} with a strip of {@code caption} under it, left-aligned in the chart font; a
     * caption too long for the width is set smaller rather than cut.
     */
    static BufferedImage captioned(BufferedImage image, String caption) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + CAPTION_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xE0, 0xE0, 0xE0));
        g.drawLine(0, image.getHeight(), out.getWidth(), image.getHeight());
        int margin = 10;
        Font font = new Font(FONT, Font.ITALIC, 12);
        FontMetrics metrics = g.getFontMetrics(font);
        for (int size = 11; size >= 8 && metrics.stringWidth(caption) > out.getWidth() - 2 * margin; size--) {
            font = new Font(FONT, Font.ITALIC, size);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.setColor(CAPTION_TEXT);
        g.drawString(caption, margin, image.getHeight() + (CAPTION_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2);
        g.dispose();
        return out;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }
}
