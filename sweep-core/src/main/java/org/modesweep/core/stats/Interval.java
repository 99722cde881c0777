package org.modesweep.core.stats;

/** A closed interval {@code [low, high]}; NaN ends mean "no interval". */
public record Interval(double low, double high) {
    public Interval {
        if (low > high) {
            throw new IllegalArgumentException("interval low " + low + " exceeds high " + high);
        }
    }
}
