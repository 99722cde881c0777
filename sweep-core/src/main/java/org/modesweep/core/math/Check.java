package org.modesweep.core.math;

/** Argument checks whose messages name the offending parameter. */
public final class Check {
    private Check() {
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    public static double positive(String name, double value) {
        finite(name, value);
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    public static double nonNegative(String name, double value) {
        finite(name, value);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Finite and strictly below {@code bound}. */
    public static double below(String name, double value, double bound) {
        finite(name, value);
        if (value >= bound) {
            throw new IllegalArgumentException(name + " must be < " + bound + ", got " + value);
        }
        return value;
    }
}
