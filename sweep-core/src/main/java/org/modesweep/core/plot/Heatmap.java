package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A probability over two swept parameters as a grid of cells, one per pair of values, each printed with its
 * value to the precision its count supports ({@link #decimals}) and its count, unless all cells share it: then
 * the subtitle gives it. The axes are categorical (a cell per value, in value order), so uneven grids such as
 * {@code tau = 10, 30, 100, 300} get cells of equal size; the colour scale is fixed to [0, 1] and
 * perceptually uniform (viridis), so maps of different runs compare by eye, and continuous, so cells that differ
 * by less than their noise do not fall into different bands.
 */
public final class Heatmap {
    /** Viridis at eleven stops, 0, 0.1, ..., 1: dark to yellow. */
    private static final int[] VIRIDIS = {0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884,
        0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725};

    private Heatmap() {
    }

    /** One cell: its position (indices into the axes' values), its probability and its number of runs. */
    public record Cell(int x, int y, double p, long n) {
    }

    /**
     * A value the whole map is compared with (e.g. P(collapse) without annealing beside a map over the schedule's
     * parameters), drawn as a row of its own under the map, set off by a gap, labelled {@code label} on the y axis.
     */
    public record Reference(String label, double p, long n) {
    }

    public static void write(Path base, String title, List<String> notes, String xLabel, List<String> xValues,
                             String yLabel, List<String> yValues, String zLabel, List<Cell> cells) {
        write(base, title, notes, xLabel, xValues, yLabel, yValues, zLabel, cells, null);
    }

    /** {@link #write(Path, String, List, String, List, String, List, String, List)} with a reference row (null: none). */
    public static void write(Path base, String title, List<String> notes, String xLabel, List<String> xValues,
                             String yLabel, List<String> yValues, String zLabel, List<Cell> given, Reference reference) {
        List<Cell> cells = given;
        if (reference != null) { // the map moves up a row; the reference takes row 0, a cell per column
            cells = new ArrayList<>(given.stream().map(c -> new Cell(c.x(), c.y() + 1, c.p(), c.n())).toList());
            for (int x = 0; x < xValues.size(); x++) {
                cells.add(new Cell(x, 0, reference.p(), reference.n()));
            }
            yValues = new ArrayList<>(yValues);
            yValues.add(0, reference.label());
        }
        double[][] data = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            data[0][i] = cells.get(i).x();
            data[1][i] = cells.get(i).y();
            data[2][i] = cells.get(i).p();
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(zLabel, data);
        PaintScale scale = new Viridis();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, new SymbolAxis(xLabel, xValues.toArray(String[]::new)),
            new SymbolAxis(yLabel, yValues.toArray(String[]::new)), renderer);
        // P alone fits a cell at any grid size; n goes to the subtitle when the cells share it, else on a
        // second, smaller line under P
        long[] counts = cells.stream().mapToLong(Cell::n).distinct().toArray();
        boolean sameN = counts.length == 1;
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, given.size() > 64 ? 11 : 14);
        Font small = font.deriveFont(Font.PLAIN, font.getSize2D() - 2);
        for (Cell c : reference == null ? cells : cells.subList(0, given.size())) {
            annotate(plot, c, c.x(), sameN, font, small);
        }
        if (reference != null) { // one value for the row, written once in its middle, under a white gap
            annotate(plot, cells.get(given.size()), (xValues.size() - 1) / 2.0, sameN, font, small);
            plot.addAnnotation(new XYLineAnnotation(-0.5, 0.5, xValues.size() - 0.5, 0.5, new BasicStroke(8f),
                Color.WHITE));
        }
        List<String> captions = new ArrayList<>(notes);
        captions.add(sameN ? String.format(Locale.ROOT, "each cell: %s of its %d runs, to %d decimal%s (standard error "
                + "up to %.2g)", zLabel, counts[0], decimals(counts[0]), decimals(counts[0]) == 1 ? "" : "s",
                standardError(counts[0]))
            : "each cell: " + zLabel + " and its number of runs n, to the decimal of its standard error (up to 1/(2√n))");
        JFreeChart chart = ChartStyle.chart(title, captions, plot);
        chart.removeLegend();
        NumberAxis scaleAxis = new NumberAxis(zLabel);
        scaleAxis.setRange(0, 1);
        scaleAxis.setTickUnit(new NumberTickUnit(0.1));
        ChartStyle.styleAxis(scaleAxis); // the fonts of the plot's axes, not JFreeChart's small default
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(18);
        chart.addSubtitle(legend);
        ChartFiles.write(chart, base);
    }

    /** A cell's value (and its n when the cells' counts differ) at {@code (x, c.y())}, in ink that shows on its colour. */
    private static void annotate(XYPlot plot, Cell c, double x, boolean sameN, Font font, Font small) {
        Color ink = c.p() > 0.6 ? Color.BLACK : Color.WHITE;
        plot.addAnnotation(label(String.format(Locale.ROOT, "%." + decimals(c.n()) + "f", c.p()), x,
            sameN ? c.y() : c.y() + 0.15, font, ink));
        if (!sameN) {
            plot.addAnnotation(label("n=" + c.n(), x, c.y() - 0.2, small, ink));
        }
    }

    /** The colour of a probability: viridis interpolated between its stops. */
    static Color colour(double p) {
        double at = Math.min(Math.max(p, 0), 1) * (VIRIDIS.length - 1);
        int i = Math.min((int) at, VIRIDIS.length - 2);
        double f = at - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
            (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
            (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** {@link #colour} on [0, 1], for the cells and the colour bar. */
    private record Viridis() implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return colour(value);
        }
    }

    /**
     * Decimals a proportion of {@code n} runs is printed with: down to the first significant digit of its
     * largest standard error, 1/(2√n) at p = 1/2 (2 decimals for 25 < n ≤ 2500, 3 up to 250,000), since
     * further digits are noise. The worst case rather than the Wilson interval at the estimate: that narrows
     * near 0 and 1 and would print more digits for some cells of a map than for others with the same n.
     */
    static int decimals(long n) {
        return Math.max(1, (int) Math.ceil(-Math.log10(standardError(n))));
    }

    private static double standardError(long n) {
        return 0.5 / Math.sqrt(n);
    }

    private static XYTextAnnotation label(String text, double x, double y, Font font, Color ink) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, y);
        a.setFont(font);
        a.setPaint(ink);
        return a;
    }
}
