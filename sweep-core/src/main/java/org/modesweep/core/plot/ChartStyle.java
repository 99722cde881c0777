package org.modesweep.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every figure: white background, light grid, fonts readable when shrunk in a paper. */
final class ChartStyle {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Color GRID = new Color(0xD0D0D0);
    /** Tableau 10: distinct on white and for common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Shape[] SHAPES = DefaultDrawingSupplier.createStandardSeriesShapes();
    static final BasicStroke LINE = new BasicStroke(2f);

    private ChartStyle() {
    }

    static Paint paint(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static Shape shape(int index) {
        return SHAPES[index % SHAPES.length];
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICKS);
    }

    static JFreeChart chart(String title, XYPlot plot) {
        style(plot);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(LEGEND);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    /** {@link #chart} with lines of explanation under the title (setup, sample sizes, rules). */
    static JFreeChart chart(String title, List<String> notes, XYPlot plot) {
        JFreeChart chart = chart(title, plot);
        for (String note : notes) {
            TextTitle t = new TextTitle(note, NOTE);
            t.setPadding(1, 8, 1, 8);
            chart.addSubtitle(t);
        }
        return chart;
    }

    static Font legendFont() {
        return LEGEND;
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
