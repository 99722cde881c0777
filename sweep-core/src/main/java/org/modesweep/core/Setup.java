package org.modesweep.core;

import org.modesweep.core.math.Check;

/**
 * Everything about a trajectory except its grid coordinates {@code (R, d, w*)} and its seed:
 * weights mode, initialisation, dynamics, classification thresholds and the starting logit of
 * trainable weights ({@code a0}, 0 unless configured).
 */
public record Setup(String name, Weights weights, InitialCondition init, Dynamics dynamics,
                    Thresholds thresholds, double a0) {

    public Setup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setup needs a name");
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
