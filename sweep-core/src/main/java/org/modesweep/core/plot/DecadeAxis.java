package org.modesweep.core.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis labelled at the powers of ten only (10, 10², ..., {@link Labels#decade}), with unlabelled minor ticks at
 * 2..9 times them. LogarithmicAxis alone labels some minor ticks (20, 30, 200) in some decades and writes large values
 * out (1000000). When fewer than two powers of ten fall in the range (a single d, a short sweep) 2 and 5 times a power
 * are labelled too, in {@link #label}'s notation, so that the axis never has fewer than two labels.
 */
final class DecadeAxis extends LogarithmicAxis {
    DecadeAxis(String label) {
        super(label);
        setMinorTickMarksVisible(true);
    }

    /** The label of tick {@code k · 10^n} (k = 1..9), as {@link Labels}: 10ⁿ, else the digits. */
    static String label(int k, int n) {
        if (k == 1) {
            return Labels.decade(n);
        }
        return new java.math.BigDecimal(k).scaleByPowerOfTen(n).stripTrailingZeros().toPlainString();
    }

    /** The ticks within {@code [lower, upper]}: majors at powers of ten (and 2, 5 times them in a short range). */
    static List<NumberTick> ticks(double lower, double upper, boolean vertical) {
        int first = (int) Math.floor(Math.log10(lower)) - 1;
        int last = (int) Math.ceil(Math.log10(upper)) + 1;
        long decades = java.util.stream.IntStream.rangeClosed(first, last)
            .filter(n -> inside(Math.pow(10, n), lower, upper)).count();
        List<NumberTick> ticks = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            for (int k = 1; k <= 9; k++) {
                double v = k * Math.pow(10, n);
                if (inside(v, lower, upper)) {
                    boolean major = k == 1 || (decades < 2 && (k == 2 || k == 5));
                    TextAnchor anchor = vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER;
                    ticks.add(new NumberTick(major ? TickType.MAJOR : TickType.MINOR, v, major ? label(k, n) : "",
                        anchor, anchor, 0));
                }
            }
        }
        return ticks;
    }

    private static boolean inside(double v, double lower, double upper) {
        // a relative slack, so that a bound of exactly 10ⁿ computed as 999.9999 keeps its tick
        return v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(getLowerBound(), getUpperBound(), false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(getLowerBound(), getUpperBound(), true);
    }
}
