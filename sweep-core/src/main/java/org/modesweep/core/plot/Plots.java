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
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedRangeCategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
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

    /** Vertical distance between the crossings of neighbouring curves at one level, in probability. */
    private static final double CROSSING_DODGE = 0.015;

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
        ChartFiles.write(linesChart(title, notes, xLabel, yLabel, curves, logX, censored), pngOrBase);
    }

    static JFreeChart linesChart(String title, List<String> notes, String xLabel, String yLabel, List<Curve> curves,
                                 boolean logX, List<Censored> censored) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to plot");
        }
        XYPlot plot = new XYPlot();
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
        // Set once every dataset is in: a log axis refuses the empty range of a curve whose points are all censored.
        plot.setDomainAxis(logX ? logAxis(xLabel) : numberAxis(xLabel));
        // The default reverse order would draw the first curve on top of the rest.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        widenSingleX(plot, curves, logX);
        // All values equal (e.g. every R_c censored at the same bound): show a tenth of their size, not a sliver.
        double yMax = curves.stream().flatMapToDouble(c -> Arrays.stream(c.y())).filter(Double::isFinite)
            .map(Math::abs).max().orElse(0);
        yMax = Math.max(yMax, censored.stream().mapToDouble(c -> Math.abs(c.bound())).max().orElse(0));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(Math.max(1e-9, 0.1 * yMax));
        return ChartStyle.chart(title, notes, plot);
    }

    /**
     * With one x value (one d swept, points dodged around it; one R) the automatic range is a sliver and its
     * ticks repeat one label: show a factor 3 either side on a log axis, half the value on a linear one.
     */
    private static void widenSingleX(XYPlot plot, List<Curve> curves, boolean logX) {
        double min = curves.stream().flatMapToDouble(c -> Arrays.stream(c.x())).min().orElse(Double.NaN);
        double max = curves.stream().flatMapToDouble(c -> Arrays.stream(c.x())).max().orElse(Double.NaN);
        if (!(max <= min * 1.2) || !Double.isFinite(min)) {
            return;
        }
        double half = Math.max(Math.abs(min) / 2, 0.5);
        plot.getDomainAxis().setRange(logX ? min / 3 : min - half, logX ? max * 3 : max + half);
    }

    /** An R_c (or any crossing) of curve {@code curve}: at {@code (x, y)} with the interval {@code [xLow, xHigh]}. */
    public record Crossing(int curve, double x, double y, double xLow, double xHigh) {
    }

    /**
     * A probability figure: measured points with their bars (no joining lines), each curve's fit as a line
     * in the curve's colour and dash with its band shaded, horizontal reference lines at {@code levels},
     * and {@code crossings} as filled diamonds with horizontal interval bars (curves' crossings of one level
     * moved apart by {@value #CROSSING_DODGE} vertically). The y axis is [0, 1].
     * {@code fits.get(i)} belongs to {@code points.get(i)} (its yLow/yHigh are the band).
     */
    public static void probability(Path base, String title, List<String> notes, String xLabel, String yLabel,
                                   List<Curve> points, List<Curve> fits, double[] levels, List<Crossing> crossings) {
        ChartFiles.write(probabilityChart(title, notes, xLabel, yLabel, points, fits, levels, crossings), base);
    }

    static JFreeChart probabilityChart(String title, List<String> notes, String xLabel, String yLabel,
                                       List<Curve> points, List<Curve> fits, double[] levels, List<Crossing> crossings) {
        if (points.isEmpty() || fits.size() != points.size()) {
            throw new IllegalArgumentException("give one fit per curve of points, at least one");
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(numberAxis(xLabel));
        NumberAxis y = numberAxis(yLabel);
        y.setRange(0, 1);
        y.setTickUnit(new NumberTickUnit(0.1));
        plot.setRangeAxis(y);
        int n = points.size();
        LegendItemCollection legend = new LegendItemCollection();
        for (int i = 0; i < n; i++) {
            plot.setDataset(i, dataset(fits.get(i), false));
            DeviationRenderer band = new DeviationRenderer(true, false);
            band.setSeriesPaint(0, ChartStyle.paint(i));
            band.setSeriesFillPaint(0, ChartStyle.translucent(i, 255));
            band.setAlpha(0.16f);
            band.setSeriesStroke(0, ChartStyle.line(i));
            band.setDefaultSeriesVisibleInLegend(false);
            plot.setRenderer(i, band);
            plot.setDataset(n + i, dataset(points.get(i), false));
            XYErrorRenderer marks = renderer(points.get(i), i);
            marks.setDefaultLinesVisible(false);
            marks.setDefaultSeriesVisibleInLegend(false);
            plot.setRenderer(n + i, marks);
            legend.add(new LegendItem(points.get(i).label(), null, null, null, true, ChartStyle.shape(i), true,
                ChartStyle.paint(i), false, ChartStyle.paint(i), ChartStyle.LINE, true, new Line2D.Double(-14, 0, 14, 0),
                ChartStyle.line(i), ChartStyle.paint(i)));
        }
        if (!crossings.isEmpty()) {
            XYIntervalSeriesCollection marks = new XYIntervalSeriesCollection();
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDefaultLinesVisible(false);
            renderer.setDrawYError(false);
            renderer.setCapLength(8);
            renderer.setErrorStroke(new BasicStroke(2.5f));
            for (Crossing c : crossings) {
                if (c.curve() < 0 || c.curve() >= n) {
                    throw new IllegalArgumentException("crossing for curve " + c.curve() + " of " + n);
                }
                XYIntervalSeries one = new XYIntervalSeries("crossing " + marks.getSeriesCount());
                // Curves' crossings of one level are moved apart vertically so their bars do not cover each other.
                double y0 = c.y() + CROSSING_DODGE * (c.curve() - (n - 1) / 2.0);
                one.add(c.x(), Double.isFinite(c.xLow()) ? c.xLow() : c.x(), Double.isFinite(c.xHigh()) ? c.xHigh() : c.x(),
                    y0, y0, y0);
                int s = marks.getSeriesCount();
                marks.addSeries(one);
                renderer.setSeriesPaint(s, ChartStyle.paint(c.curve()));
                renderer.setSeriesShape(s, diamond(9));
            }
            renderer.setDefaultSeriesVisibleInLegend(false);
            plot.setDataset(2 * n, marks);
            plot.setRenderer(2 * n, renderer);
            legend.add(new LegendItem("R_c: where the fit reaches the level (bar: its interval)", null, null, null, true,
                diamond(7), true, Color.DARK_GRAY, false, Color.DARK_GRAY, ChartStyle.LINE, false, new Line2D.Double(),
                ChartStyle.LINE, Color.DARK_GRAY));
        }
        for (double level : levels) {
            ValueMarker line = new ValueMarker(level, ChartStyle.REFERENCE_PAINT, ChartStyle.REFERENCE);
            line.setLabel("level " + level);
            line.setLabelFont(ChartStyle.legendFont());
            line.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            line.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
            line.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            plot.addRangeMarker(line);
        }
        plot.setFixedLegendItems(legend);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        widenSingleX(plot, points, false);
        return ChartStyle.chart(title, notes, plot);
    }

    private static Shape diamond(double h) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, 0);
        p.lineTo(0, h);
        p.lineTo(-h, 0);
        p.closePath();
        return p;
    }

    /** One panel of a share figure: a title, the x categories, and per category name its share at each x. */
    public record SharePanel(String title, String[] x, Map<String, double[]> shares) {
    }

    /**
     * Stacked shares (e.g. outcome classes per R), one panel per {@code panels} entry side by side on a common
     * [0, 1] axis; categories stack in the order of {@code colours}, and only those that occur are drawn.
     */
    public static void shares(Path base, String title, List<String> notes, String xLabel, String yLabel,
                              List<SharePanel> panels, Map<String, Color> colours) {
        ChartFiles.write(sharesChart(title, notes, xLabel, yLabel, panels, colours), base,
            Math.max(ChartFiles.WIDTH, 420 * panels.size()), ChartFiles.HEIGHT);
    }

    static JFreeChart sharesChart(String title, List<String> notes, String xLabel, String yLabel,
                                  List<SharePanel> panels, Map<String, Color> colours) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to plot");
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 1);
        y.setTickUnit(new NumberTickUnit(0.1));
        CombinedRangeCategoryPlot combined = new CombinedRangeCategoryPlot(y);
        combined.setGap(12);
        Map<String, Color> used = new LinkedHashMap<>();
        for (SharePanel panel : panels) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            StackedBarRenderer renderer = new StackedBarRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setItemMargin(0);
            int s = 0;
            for (Map.Entry<String, Color> c : colours.entrySet()) {
                double[] share = panel.shares().get(c.getKey());
                if (share == null || Arrays.stream(share).allMatch(v -> v == 0)) {
                    continue;
                }
                for (int i = 0; i < panel.x().length; i++) {
                    data.addValue(share[i], c.getKey(), panel.x()[i]);
                }
                renderer.setSeriesPaint(s++, c.getValue());
                used.put(c.getKey(), c.getValue());
            }
            CategoryAxis x = new CategoryAxis(panels.size() > 1 ? xLabel + ", " + panel.title() : xLabel);
            x.setCategoryMargin(0.15);
            CategoryPlot plot = new CategoryPlot(data, x, null, renderer);
            ChartStyle.style(plot);
            combined.add(plot, 1);
        }
        ChartStyle.style(combined);
        // One legend entry per category, in stacking order (the panels would each repeat theirs).
        LegendItemCollection legend = new LegendItemCollection();
        colours.forEach((name, colour) -> {
            if (used.containsKey(name)) {
                legend.add(new LegendItem(name, null, null, null, cell(MARKER, MARKER), colour));
            }
        });
        combined.setFixedLegendItems(legend);
        y.setLabelFont(ChartStyle.labelFont());
        // several panels side by side: shown shrunk, so notes and legend at the size of the axis labels
        return ChartStyle.framed(title, notes, combined, panels.size() > 2 ? ChartStyle.labelFont() : ChartStyle.NOTE);
    }

    /**
     * A map of categorical outcomes on a grid (e.g. basins of attraction): one marker per point,
     * coloured by category, sized to the grid cell (square when the cell is) so a dense grid reads
     * as a picture. x and y are drawn in equal units (the picture's height fitted to them): both are
     * start cosines, and a round disk of starts must not read as an ellipse. The legend follows the iteration order of {@code colours} (pass a
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
     * {@link #outcomeMap} as a basin picture: cells in light colours, the boundaries between categories
     * as black contour lines through the midpoints between unlike neighbours, smoothed ({@link BasinBoundary}), and {@code tracks} drawn over it in
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
        // Start cosines (m1, m2) in equal units, so that the disk of realisable starts is round.
        int height = ChartFiles.equalAspectHeight(chart, plot);
        // The cell's size in pixels is known only once the chart is laid out.
        Rectangle2D area = ChartFiles.dataArea(chart, ChartFiles.WIDTH, height);
        Rectangle2D cell = cell(
                cellPixels(x, plot.getDomainAxis().getRange().getLength(), area.getWidth()),
                cellPixels(y, plot.getRangeAxis().getRange().getLength(), area.getHeight()));
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, cell);
        }
        ChartFiles.write(chart, base, ChartFiles.WIDTH, height);
    }

    /** Halfway to white: cells stay recognisable but tracks of the same colour stand out on them. */
    private static Color light(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /** The basin boundaries ({@link BasinBoundary#lines}) as one black path over the cells. */
    private static void boundaries(XYPlot plot, double[] x, double[] y, String[] category) {
        Path2D path = new Path2D.Double();
        for (BasinBoundary.Line line : BasinBoundary.lines(x, y, category)) {
            path.moveTo(line.x()[0], line.y()[0]);
            for (int i = 1; i < line.x().length; i++) {
                path.lineTo(line.x()[i], line.y()[i]);
            }
        }
        plot.addAnnotation(new XYShapeAnnotation(path,
            new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), Color.BLACK));
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
        renderer.setSeriesStroke(0, ChartStyle.line(index));
        return renderer;
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** Labelled at the powers of ten ({@link DecadeAxis}); LogAxis shows odd ticks (2.512) for short ranges. */
    private static LogarithmicAxis logAxis(String label) {
        return new DecadeAxis(label);
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
