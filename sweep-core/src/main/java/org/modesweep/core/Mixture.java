package org.modesweep.core;

import org.modesweep.core.math.Check;

/**
 * The two-component mixture the reduced family trains (THEORY.md §1): whether its weights are fixed or trained,
 * how its means start, and the starting logit {@code a0} of trainable weights (0 unless configured).
 */
public record Mixture(Weights weights, InitialCondition init, double a0) {

    public Mixture {
        if (weights == null || init == null) {
            throw new IllegalArgumentException("a mixture needs its weights mode and its start");
        }
        Check.finite("a0", a0);
        if (weights == Weights.FIXED && a0 != 0) {
            throw new IllegalArgumentException("a0 (the starting weight logit) applies to trainable weights only, got " + a0
                + " with fixed weights");
        }
    }

    public Problem problem(double R, long d, double wStar) {
        return new Problem(R, d, wStar, weights);
    }
}
