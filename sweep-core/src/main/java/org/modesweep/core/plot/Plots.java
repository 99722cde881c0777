package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.general.SeriesException;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Figures of sweep results, each written as a PNG and an SVG with the same base name. */
public final class Plots {
    static {
        // Batch jobs and Spark executors have no display.
        System.setProperty("java.awt.headless", "true");
    }

    /** Marker side in pixels for legends, and for a map axis with a single value. */
    private static final double MARKER = 10;

    private Plots() {
    }

    /**
     * Lines with markers, one per curve in legend order, with vertical error bars where a curve
     * has them. Points with a non-finite y (e.g. a censored R_c) are left out, and a non-finite
     * bar end (e.g. an unbounded interval) is drawn as no bar on that side.
     */
    public static void lines(Path pngOrBase, String title, String xLabel, String yLabel,
                             List<Curve> curves, boolean logX) {
        lines(pngOrBase, title, List.of(), xLabel, yLabel, curves, logX, List.of());
    }

    /**
     * A value known only to lie beyond {@code bound} (above it if {@code above}, else below), e.g. an
     * R_c whose level was not reached in the searched radii: drawn at {@code (x, bound)} as an open
     * triangle pointing away from the range, in the colour of curve {@code curve}, never joined by lines.
     */
    public record Censored(int curve, double x, double bound, boolean above) {
    }

    /** Open triangle pointing up (values above the bound) or down. */
    private static Shape arrowhead(boolean up) {
        double h = 9;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, up ? -h : h);
        p.lineTo(-h, up ? h / 2 : -h / 2);
        p.lineTo(h, up ? h / 2 : -h / 2);
        p.closePath();
        return p;
    }

    /**
     * {@link #lines(Path, String, String, String, List, boolean)} with {@code notes} under the title and
     * {@code censored} values as open triangles at their bounds (one legend entry per direction that occurs).
     */
    public static void lines(Path pngOrBase, String title, List<String> notes, String xLabel, String yLabel,
                             List<Curve> curves, boolean logX, List<Censored> censored) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to plot");
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(logX ? logAxis(xLabel) : numberAxis(xLabel));
        plot.setRangeAxis(numberAxis(yLabel));
        for (int i = 0; i < curves.size(); i++) {
            plot.setDataset(i, dataset(curves.get(i), logX));
            plot.setRenderer(i, renderer(curves.get(i), i));
        }
        if (!censored.isEmpty()) {
            LegendItemCollection legend = plot.getLegendItems();
            XYSeriesCollection marks = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
            for (Censored c : censored) {
                if (c.curve() < 0 || c.curve() >= curves.size()) {
                    throw new IllegalArgumentException("censored value for curve " + c.curve() + " of " + curves.size());
                }
                XYSeries one = new XYSeries("censored " + marks.getSeriesCount());
                one.add(finite("censored x", marks.getSeriesCount(), c.x()), finite("censored bound", 0, c.bound()));
                int s = marks.getSeriesCount();
                marks.addSeries(one);
                renderer.setSeriesPaint(s, ChartStyle.paint(c.curve()));
                renderer.setSeriesShape(s, arrowhead(c.above()));
                renderer.setSeriesShapesFilled(s, false);
                renderer.setSeriesStroke(s, ChartStyle.LINE);
            }
            renderer.setUseOutlinePaint(false);
            renderer.setDrawOutlines(true);
            renderer.setDefaultSeriesVisibleInLegend(false);
            int index = curves.size();
            plot.setDataset(index, marks);
            plot.setRenderer(index, renderer);
            for (boolean above : new boolean[] {true, false}) {
                if (censored.stream().anyMatch(c -> c.above() == above)) {
                    LegendItem item = new LegendItem(above ? "beyond the end of the searched range (open ▲ there)"
                        : "below the start of the searched range (open ▼ there)", null, null, null, true, arrowhead(above),
                        false, Color.DARK_GRAY, true, Color.DARK_GRAY, ChartStyle.LINE, false, new Line2D.Double(),
                        ChartStyle.LINE, Color.DARK_GRAY);
                    legend.add(item);
                }
            }
            plot.setFixedLegendItems(legend);
        }
        // The default reverse order would draw the first curve on top of the rest.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartFiles.write(ChartStyle.chart(title, notes, plot), pngOrBase);
    }

    /**
     * A map of categorical outcomes on a grid (e.g. basins of attraction): one marker per point,
     * coloured by category, sized to the grid cell (square when the cell is) so a dense grid reads
     * as a picture. The legend follows the iteration order of {@code colours} (pass a
     * LinkedHashMap to choose it) and lists only categories that occur.
     */
    public static void outcomeMap(Path base, String title, String xLabel, String yLabel,
                                  double[] x, double[] y, String[] category,
                                  Map<String, Color> colours) {
        map(base, title, List.of(), xLabel, yLabel, x, y, category, colours, List.of(), null);
    }

    /** A path over the map, e.g. the projected overlaps of one trajectory, coloured by its category. */
    public record Track(double[] x, double[] y, String category) {
        public Track {
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("a track needs equally many x and y values, at least one");
            }
        }
    }

    /**
     * {@link #outcomeMap} as a basin picture: cells in light colours with a black line wherever two
     * neighbouring cells differ in category (the basin boundary), and {@code tracks} drawn over it in
     * the full colour of their category, an open circle at the start and a filled square at the end.
     * {@code trackLabel} names the tracks in the legend; {@code notes} go under the title.
     */
    public static void basinMap(Path base, String title, List<String> notes, String xLabel, String yLabel,
                                double[] x, double[] y, String[] category, Map<String, Color> colours,
                                List<Track> tracks, String trackLabel) {
        map(base, title, notes, xLabel, yLabel, x, y, category, colours, tracks, trackLabel);
    }

    private static void map(Path base, String title, List<String> notes, String xLabel, String yLabel,
                            double[] x, double[] y, String[] category, Map<String, Color> colours,
                            List<Track> tracks, String trackLabel) {
        if (x.length != y.length || x.length != category.length) {
            throw new IllegalArgumentException("x, y and category differ in length: " + x.length
                    + ", " + y.length + ", " + category.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("no points to plot");
        }
        boolean basins = trackLabel != null;
        Map<String, XYSeries> byCategory = new LinkedHashMap<>();
        colours.keySet().forEach(name -> byCategory.put(name, new XYSeries(name, false, true)));
        for (int i = 0; i < x.length; i++) {
            XYSeries series = byCategory.get(category[i]);
            if (series == null) {
                throw new IllegalArgumentException("no colour for category '" + category[i] + "'");
            }
            series.add(finite("x", i, x[i]), finite("y", i, y[i]));
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (XYSeries series : byCategory.values()) {
            if (series.getItemCount() > 0) {
                int s = dataset.getSeriesCount();
                dataset.addSeries(series);
                Color colour = colours.get((String) series.getKey());
                renderer.setSeriesPaint(s, basins ? light(colour) : colour);
                renderer.setLegendShape(s, cell(MARKER, MARKER));
            }
        }
        XYPlot plot = new XYPlot(dataset, numberAxis(xLabel), numberAxis(yLabel), renderer);
        if (basins) {
            boundaries(plot, x, y, category);
            tracks(plot, tracks, colours, trackLabel);
        }
        JFreeChart chart = ChartStyle.chart(title, notes, plot);
        // The cell's size in pixels is known only once the chart is laid out.
        Rectangle2D area = ChartFiles.dataArea(chart);
        Rectangle2D cell = cell(
                cellPixels(x, plot.getDomainAxis().getRange().getLength(), area.getWidth()),
                cellPixels(y, plot.getRangeAxis().getRange().getLength(), area.getHeight()));
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, cell);
        }
        ChartFiles.write(chart, base);
    }

    /** Halfway to white: cells stay recognisable but tracks of the same colour stand out on them. */
    private static Color light(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /** A segment on the edge between each pair of grid neighbours of different category. */
    private static void boundaries(XYPlot plot, double[] x, double[] y, String[] category) {
        double[] xs = Arrays.stream(x).distinct().sorted().toArray();
        double[] ys = Arrays.stream(y).distinct().sorted().toArray();
        String[][] grid = new String[xs.length][ys.length];
        for (int i = 0; i < x.length; i++) {
            grid[Arrays.binarySearch(xs, x[i])][Arrays.binarySearch(ys, y[i])] = category[i];
        }
        BasicStroke edge = new BasicStroke(2.2f);
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                String here = grid[i][j];
                if (here == null) {
                    continue;
                }
                double left = i > 0 ? (xs[i] - xs[i - 1]) / 2 : (xs.length > 1 ? (xs[1] - xs[0]) / 2 : 0.5);
                double right = i + 1 < xs.length ? (xs[i + 1] - xs[i]) / 2 : left;
                double down = j > 0 ? (ys[j] - ys[j - 1]) / 2 : (ys.length > 1 ? (ys[1] - ys[0]) / 2 : 0.5);
                double up = j + 1 < ys.length ? (ys[j + 1] - ys[j]) / 2 : down;
                if (i + 1 < xs.length && grid[i + 1][j] != null && !here.equals(grid[i + 1][j])) {
                    plot.addAnnotation(new XYLineAnnotation(xs[i] + right, ys[j] - down, xs[i] + right, ys[j] + up,
                        edge, Color.BLACK));
                }
                if (j + 1 < ys.length && grid[i][j + 1] != null && !here.equals(grid[i][j + 1])) {
                    plot.addAnnotation(new XYLineAnnotation(xs[i] - left, ys[j] + up, xs[i] + right, ys[j] + up,
                        edge, Color.BLACK));
                }
            }
        }
    }

    /** The tracks as a second layer of lines and a third of start and end markers, out of the legend but one entry. */
    private static void tracks(XYPlot plot, List<Track> tracks, Map<String, Color> colours, String trackLabel) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection ends = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
        Shape start = new Ellipse2D.Double(-5, -5, 10, 10);
        Shape end = cell(9, 9);
        for (int k = 0; k < tracks.size(); k++) {
            Track t = tracks.get(k);
            Color colour = colours.get(t.category());
            if (colour == null) {
                throw new IllegalArgumentException("no colour for category '" + t.category() + "'");
            }
            XYSeries line = new XYSeries("track " + k, false, true);
            for (int i = 0; i < t.x().length; i++) {
                line.add(t.x()[i], t.y()[i]);
            }
            lines.addSeries(line);
            lineRenderer.setSeriesPaint(k, colour.darker());
            lineRenderer.setSeriesStroke(k, ChartStyle.LINE);
            XYSeries first = new XYSeries("start " + k);
            first.add(t.x()[0], t.y()[0]);
            XYSeries last = new XYSeries("end " + k);
            last.add(t.x()[t.x().length - 1], t.y()[t.y().length - 1]);
            ends.addSeries(first);
            ends.addSeries(last);
            for (int s = 2 * k; s <= 2 * k + 1; s++) {
                endRenderer.setSeriesPaint(s, colour.darker());
                endRenderer.setSeriesShape(s, s == 2 * k ? start : end);
                endRenderer.setSeriesShapesFilled(s, s != 2 * k);
            }
        }
        lineRenderer.setDefaultSeriesVisibleInLegend(false);
        endRenderer.setDefaultSeriesVisibleInLegend(false);
        endRenderer.setUseOutlinePaint(false);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        plot.setDataset(2, ends);
        plot.setRenderer(2, endRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        LegendItemCollection legend = plot.getLegendItems();
        LegendItem item = new LegendItem(trackLabel, null, null, null, new Line2D.Double(-12, 0, 12, 0),
            ChartStyle.LINE, Color.DARK_GRAY);
        legend.add(item);
        plot.setFixedLegendItems(legend);
    }

    /** The smallest spacing of the grid on one axis, in pixels, plus one so no seams show. */
    private static double cellPixels(double[] values, double axisLength, double pixels) {
        double[] grid = Arrays.stream(values).distinct().sorted().toArray();
        if (grid.length < 2) {
            return MARKER;
        }
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < grid.length; i++) {
            step = Math.min(step, grid[i] - grid[i - 1]);
        }
        return step / axisLength * pixels + 1;
    }

    private static YIntervalSeriesCollection dataset(Curve curve, boolean logX) {
        YIntervalSeries series = new YIntervalSeries(curve.label(), true, false);
        double[] x = curve.x();
        double[] y = curve.y();
        for (int i = 0; i < x.length; i++) {
            finite("x", i, x[i]);
            if (logX && x[i] <= 0) {
                throw new IllegalArgumentException("log x axis needs x > 0, curve '"
                        + curve.label() + "' has x[" + i + "] = " + x[i]);
            }
            if (!Double.isFinite(y[i])) {
                continue;
            }
            double low = curve.hasErrorBars() && Double.isFinite(curve.yLow()[i])
                    ? curve.yLow()[i] : y[i];
            double high = curve.hasErrorBars() && Double.isFinite(curve.yHigh()[i])
                    ? curve.yHigh()[i] : y[i];
            try {
                series.add(x[i], y[i], low, high);
            } catch (SeriesException e) {
                throw new IllegalArgumentException("curve '" + curve.label()
                        + "' repeats x = " + x[i], e);
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);
        return dataset;
    }

    private static XYErrorRenderer renderer(Curve curve, int index) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setDrawYError(curve.hasErrorBars());
        renderer.setCapLength(8);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setSeriesPaint(0, ChartStyle.paint(index));
        renderer.setSeriesShape(0, ChartStyle.shape(index));
        renderer.setSeriesStroke(0, ChartStyle.LINE);
        return renderer;
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /**
     * LogarithmicAxis rather than LogAxis: it labels 2, 3, 5, 20, ... within and across decades,
     * where LogAxis shows unlabelled or odd ticks (2.512) for the short ranges of a sweep.
     */
    private static LogarithmicAxis logAxis(String label) {
        return new LogarithmicAxis(label);
    }

    private static Rectangle2D cell(double width, double height) {
        return new Rectangle2D.Double(-width / 2, -height / 2, width, height);
    }

    private static double finite(String name, int index, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + "[" + index + "] is not finite: " + value);
        }
        return value;
    }
}
