package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Stacked panels sharing one x axis (e.g. overlaps against time for a few seeds), as PNG and SVG. */
public final class Panels {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {9f, 6f}, 0f);
    private static final int PANEL_HEIGHT = 270;
    private static final int FRAME_HEIGHT = 190;
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    /** A line in palette colour {@code colour}, solid or dashed; x values may repeat (steps). */
    public record Line(String label, double[] x, double[] y, int colour, boolean dashed) {
        public Line {
            if (x.length != y.length) {
                throw new IllegalArgumentException("line '" + label + "': " + x.length + " x but " + y.length + " y values");
            }
        }
    }

    /**
     * One panel: the label of its y axis, a caption written in its top left corner (e.g. which seed it
     * shows), its lines (labels unique), and a y range ({@code NaN}: the lines' range with head room
     * above them for the caption, so that it hides no line).
     */
    public record Panel(String yLabel, String caption, List<Line> lines, double yMin, double yMax) {
    }

    /** Share of an automatic y range left free above the lines for the caption. */
    static final double CAPTION_ROOM = 0.2;

    private Panels() {
    }

    /** The y range of a panel: its own if given, else the lines' range with {@link #CAPTION_ROOM} on top. */
    static double[] yRange(Panel panel) {
        if (Double.isFinite(panel.yMin()) && Double.isFinite(panel.yMax())) {
            return new double[] {panel.yMin(), panel.yMax()};
        }
        double low = panel.lines().stream().flatMapToDouble(l -> Arrays.stream(l.y())).filter(Double::isFinite)
            .min().orElse(0);
        double high = panel.lines().stream().flatMapToDouble(l -> Arrays.stream(l.y())).filter(Double::isFinite)
            .max().orElse(1);
        double bottom = low - 0.04 * Math.max(high - low, 1e-9);
        return new double[] {bottom, high + CAPTION_ROOM / (1 - CAPTION_ROOM) * (high - bottom)};
    }

    /** Dashed lines (e.g. a theory drawn over a simulation in the same colour) are darker, to show on top of solid ones. */
    static Color colour(Line line) {
        Color c = (Color) ChartStyle.paint(line.colour());
        return line.dashed() ? c.darker() : c;
    }

    /**
     * Draws the panels top to bottom. With {@code legendPerPanel} each panel carries its own legend
     * (when labels hold per-panel counts); otherwise one legend lists each label once.
     */
    public static void draw(Path base, String title, List<String> notes, String xLabel, List<Panel> panels,
                            boolean legendPerPanel) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to draw");
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(14);
        LegendItemCollection legend = new LegendItemCollection();
        Set<String> listed = new HashSet<>();
        for (Panel panel : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            for (int i = 0; i < panel.lines().size(); i++) {
                Line line = panel.lines().get(i);
                XYSeries series = new XYSeries(line.label(), false, true);
                for (int k = 0; k < line.x().length; k++) {
                    series.add(line.x()[k], line.y()[k]);
                }
                data.addSeries(series);
                renderer.setSeriesPaint(i, colour(line));
                renderer.setSeriesStroke(i, line.dashed() ? DASHED : ChartStyle.LINE);
            }
            NumberAxis y = new NumberAxis(panel.yLabel());
            double[] range = yRange(panel);
            y.setRange(range[0], range[1]);
            XYPlot plot = new XYPlot(data, null, y, renderer);
            ChartStyle.style(plot);
            TextTitle caption = new TextTitle(panel.caption(), CAPTION);
            caption.setBackgroundPaint(new Color(255, 255, 255, 225));
            caption.setPadding(2, 4, 2, 4);
            plot.addAnnotation(new XYTitleAnnotation(0.01, 0.97, caption, RectangleAnchor.TOP_LEFT));
            combined.add(plot, 1);
            if (legendPerPanel) {
                // one entry per row: a row of entries as wide as the panel would cover the caption
                LegendTitle own = new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement());
                own.setItemFont(ChartStyle.legendFont());
                own.setBackgroundPaint(new Color(255, 255, 255, 225));
                own.setFrame(new BlockBorder(Color.GRAY));
                plot.addAnnotation(new XYTitleAnnotation(0.99, 0.97, own, RectangleAnchor.TOP_RIGHT));
            } else {
                for (int i = 0; i < panel.lines().size(); i++) {
                    if (listed.add(panel.lines().get(i).label())) {
                        legend.add(renderer.getLegendItem(0, i));
                    }
                }
            }
        }
        ChartStyle.style(combined);
        if (!legendPerPanel) {
            combined.setFixedLegendItems(legend);
        }
        JFreeChart chart = ChartStyle.chart(title, notes, combined);
        if (legendPerPanel) {
            chart.removeLegend();
        }
        ChartFiles.write(chart, base, ChartFiles.WIDTH, FRAME_HEIGHT + PANEL_HEIGHT * panels.size());
    }
}
