package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every figure: white background, light grid, fonts readable when shrunk in a paper. */
final class ChartStyle {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Color GRID = new Color(0xD0D0D0);
    /**
     * Width in pixels that titles and notes are wrapped to: nine tenths of the narrowest figure (ChartFiles' 1000),
     * room for padding and for SVG viewers' fonts, up to a tenth wider than Java's.
     */
    static final double TEXT_WIDTH = 900;
    /**
     * Okabe and Ito's palette (Color Universal Design), ordered for lines on white: told apart with
     * the common colour-vision deficiencies; series also differ in marker and dash (below), so a
     * grey-scale print still separates them. Its yellow is too light for lines and left out.
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
    /** Dash patterns in pixels: solid, dashed, dotted, dash-dot, long dash. */
    private static final float[][] DASHES = {null, {9, 5}, {2, 4}, {10, 4, 2, 4}, {16, 6}};
    static final BasicStroke LINE = new BasicStroke(2f);
    /** Reference lines (levels): thin, grey, dashed. */
    static final BasicStroke REFERENCE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
        new float[] {6, 4}, 0);
    static final Color REFERENCE_PAINT = new Color(0x555555);

    private ChartStyle() {
    }

    static Paint paint(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static Shape shape(int index) {
        return SHAPES[index % SHAPES.length];
    }

    /** The line of series {@code index}: 2 px, its own dash pattern (the next colour cycle shifts it). */
    static BasicStroke line(int index) {
        float[] dash = DASHES[index % DASHES.length];
        return dash == null ? LINE : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, dash, 0);
    }

    /** The colour of series {@code index} with transparency {@code alpha} (0-255), for bands. */
    static Color translucent(int index, int alpha) {
        Color c = PALETTE[index % PALETTE.length];
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
    }

    static JFreeChart chart(String title, XYPlot plot) {
        style(plot);
        return framed(title, plot);
    }

    /** A chart around any plot (e.g. combined category panels) with the common title, legend and background. */
    static JFreeChart framed(String title, Plot plot) {
        JFreeChart chart = new JFreeChart(wrap(title, TITLE, TEXT_WIDTH), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(LEGEND);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    /** {@link #chart} with lines of explanation under the title (setup, sample sizes, rules). */
    static JFreeChart chart(String title, List<String> notes, XYPlot plot) {
        style(plot);
        return framed(title, notes, plot);
    }

    static JFreeChart framed(String title, List<String> notes, Plot plot) {
        return framed(title, notes, plot, NOTE);
    }

    /**
     * {@link #framed(String, List, Plot)} with notes and legend in {@code font}: a figure much wider than
     * {@link #TEXT_WIDTH} is shown shrunk, and its notes at the usual size would shrink out of reading.
     */
    static JFreeChart framed(String title, List<String> notes, Plot plot, Font font) {
        JFreeChart chart = framed(title, plot);
        if (font != NOTE) {
            chart.getLegend().setItemFont(font);
        }
        for (String note : notes) {
            TextTitle t = new TextTitle(wrap(note, font, TEXT_WIDTH), font);
            t.setPadding(1, 8, 1, 8);
            chart.addSubtitle(t);
        }
        return chart;
    }

    /**
     * {@code text} broken into lines of at most {@code width} pixels in {@code font}: between clauses ("; ") where
     * they fit, else between words; as evenly as that many lines allow (the narrowest width that needs no more
     * lines), so that a last clause does not stand alone. JFreeChart wraps a title only where it overflows the
     * picture, at any break opportunity ("P" / "(collapse)"), and an SVG viewer whose fallback font is wider than
     * Java's cuts it instead.
     */
    static String wrap(String text, Font font, double width) {
        int count = lines(text, font, width).size();
        double low = width / count;
        double high = width;
        for (int i = 0; i < 12 && count > 1; i++) {
            double mid = (low + high) / 2;
            if (lines(text, font, mid).size() <= count) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return String.join("\n", lines(text, font, high));
    }

    /** The lines of {@link #wrap} filled greedily up to {@code width}. */
    private static List<String> lines(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String clause : text.split("; ")) {
            String joined = line.isEmpty() ? clause : line + "; " + clause;
            if (width(joined, font) <= width) {
                line = joined;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line + ";");
            }
            line = "";
            for (String word : clause.split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(longer, font) > width) {
                    lines.add(line);
                    longer = word;
                }
                line = longer;
            }
        }
        lines.add(line);
        return lines;
    }

    static double width(String text, Font font) {
        return font.getStringBounds(text, new FontRenderContext(null, true, true)).getWidth();
    }

    /** The font of axis labels, for text that must read at their size. */
    static Font labelFont() {
        return LABEL;
    }

    static Font legendFont() {
        return LEGEND;
    }

    /** The look of a bar panel: white, horizontal grid lines only, the common fonts. */
    static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() != null) {
            plot.getDomainAxis().setLabelFont(LABEL);
            plot.getDomainAxis().setTickLabelFont(TICKS);
        }
        if (plot.getRangeAxis() != null) {
            styleAxis(plot.getRangeAxis());
        }
    }

    /** The look of one plot (also each panel of a combined plot). */
    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setOutlinePaint(Color.DARK_GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (plot.getDomainAxis() != null) {
            styleAxis(plot.getDomainAxis());
        }
        if (plot.getRangeAxis() != null) {
            styleAxis(plot.getRangeAxis());
        }
    }
}
