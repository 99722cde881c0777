package org.modesweep.core.plot;

import java.util.Objects;

/** One labelled line; {@code yLow}/{@code yHigh} are both null (no error bars) or both given. */
public record Curve(String label, double[] x, double[] y, double[] yLow, double[] yHigh) {
    public Curve {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if ((yLow == null) != (yHigh == null)) {
            throw new IllegalArgumentException(
                    "curve '" + label + "': give both yLow and yHigh or neither");
        }
        for (double[] column : new double[][] {y, yLow, yHigh}) {
            if (column != null && column.length != x.length) {
                throw new IllegalArgumentException("curve '" + label + "': " + x.length
                        + " x values but a y column of length " + column.length);
            }
        }
    }

    /** A curve without error bars. */
    public Curve(String label, double[] x, double[] y) {
        this(label, x, y, null, null);
    }

    public boolean hasErrorBars() {
        return yLow != null;
    }
}
