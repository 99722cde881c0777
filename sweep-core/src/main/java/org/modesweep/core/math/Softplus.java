package org.modesweep.core.math;

/** {@code softplus(x) = log(1 + e^x)}, without overflow for large |x|. */
public final class Softplus {
    private Softplus() {
    }

    public static double of(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
