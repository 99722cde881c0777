package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Densities on a square grid of the plane, side by side with one shared colour scale (e.g. a flow's
 * density at several points of training next to its target), each panel with the hyperplane
 * {@code x1 = 0} and circles of radius 1 around the two target modes {@code ±μ*}. PNG only: as SVG,
 * every grid cell is an element (about 27 MB for four panels of 120² cells).
 */
public final class DensityPanels {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int PANEL = 360;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color MARK = new Color(0xE15759);

    /** One panel: its label and the density at {@code x1 = grid[i], x2 = grid[j]} in {@code density[i][j]}. */
    public record Panel(String label, double[][] density) {
    }

    private DensityPanels() {
    }

    /**
     * Writes {@code base}.png.
     *
     * @param grid   the coordinates of the cells on both axes (ascending, evenly spaced)
     * @param modeR  {@code |μ*|}: the modes at {@code (±modeR, 0)} are circled
     */
    public static void write(Path base, String title, double[] grid, List<Panel> panels, double modeR) {
        if (panels.isEmpty() || grid.length < 2) {
            throw new IllegalArgumentException("need at least one panel and two grid values");
        }
        double max = 0;
        for (Panel p : panels) {
            for (double[] row : p.density()) {
                for (double v : row) {
                    max = Math.max(max, v);
                }
            }
        }
        LookupPaintScale scale = scale(max);
        NumberAxis y = axis("x2 (orthogonal to μ*)");
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(30);
        double cell = grid[1] - grid[0];
        for (Panel p : panels) {
            DefaultXYZDataset data = new DefaultXYZDataset();
            int n = grid.length;
            double[][] xyz = new double[3][n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    xyz[0][i * n + j] = grid[i];
                    xyz[1][i * n + j] = grid[j];
                    xyz[2][i * n + j] = p.density()[i][j];
                }
            }
            data.addSeries(p.label(), xyz);
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setBlockWidth(cell);
            renderer.setBlockHeight(cell);
            renderer.setPaintScale(scale);
            NumberAxis x = axis("x1 = x·μ*/R");
            x.setRange(grid[0] - cell / 2, grid[n - 1] + cell / 2);
            XYPlot plot = new XYPlot(data, x, null, renderer);
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlinePaint(Color.DARK_GRAY);
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            ValueMarker hyperplane = new ValueMarker(0, Color.GRAY,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
            plot.addDomainMarker(hyperplane);
            for (double m : new double[] {modeR, -modeR}) {
                plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(m - 1, -1, 2, 2),
                    new BasicStroke(1.5f), MARK));
            }
            XYTextAnnotation label = new XYTextAnnotation(p.label(), 0, grid[n - 1] - 0.6);
            label.setFont(LABEL);
            label.setBackgroundPaint(new Color(255, 255, 255, 200));
            plot.addAnnotation(label);
            combined.add(plot, 1);
        }
        y.setRange(grid[0] - cell / 2, grid[grid.length - 1] + cell / 2);
        JFreeChart chart = new JFreeChart(null, TITLE, combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle t = new TextTitle(title, TITLE);
        chart.setTitle(t);
        NumberAxis legendAxis = axis("density");
        legendAxis.setRange(0, max);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(40, 10, 40, 10));
        legend.setStripWidth(14);
        legend.setFrame(BlockBorder.NONE);
        chart.addSubtitle(legend);
        Path png = base.resolveSibling(base.getFileName() + ".png");
        try {
            if (png.getParent() != null) {
                Files.createDirectories(png.getParent());
            }
            ChartUtils.saveChartAsPNG(png.toFile(), chart, PANEL * panels.size() + 160, PANEL + 110);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
        return axis;
    }

    /** White to dark blue, linear in the density. */
    private static LookupPaintScale scale(double max) {
        double top = max > 0 ? max : 1;
        LookupPaintScale scale = new LookupPaintScale(0, top * 1.0000001, Color.WHITE);
        int levels = 64;
        Color dark = new Color(0x08306B);
        for (int k = 0; k < levels; k++) {
            double f = (double) k / (levels - 1);
            scale.add(top * k / levels, new Color(
                (int) Math.round(255 + f * (dark.getRed() - 255)),
                (int) Math.round(255 + f * (dark.getGreen() - 255)),
                (int) Math.round(255 + f * (dark.getBlue() - 255))));
        }
        return scale;
    }
}
