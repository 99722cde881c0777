package org.modesweep.core;

import org.modesweep.core.math.Check;
import org.hipparchus.util.FastMath;

/**
 * One VI problem (THEORY.md §1): the target {@code w* φ(x − μ*) + (1 − w*) φ(x + μ*)} in {@code R^d}
 * with {@code |μ*| = R}, fitted by a two-component mixture whose weights are fixed or trainable.
 */
public record Problem(double R, long d, double wStar, Weights weights) {

    public Problem {
        Check.positive("R", R);
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        Check.finite("wStar", wStar);
        if (!(wStar > 0 && wStar < 1)) {
            throw new IllegalArgumentException("wStar must lie in (0, 1), got " + wStar);
        }
        if (weights == null) {
            throw new IllegalArgumentException("weights must be given");
        }
    }

    /** {@code h* = ½ ln(w* / (1 − w*))}. */
    public double hStar() {
        return 0.5 * targetLogit();
    }

    /** {@code ln(w* / (1 − w*))}: the logit {@code a} of the fixed weights. */
    public double targetLogit() {
        return FastMath.log(wStar / (1 - wStar));
    }

    public boolean trainable() {
        return weights == Weights.TRAINABLE;
    }
}
