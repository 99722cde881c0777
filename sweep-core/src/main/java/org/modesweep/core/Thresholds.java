package org.modesweep.core;

import org.modesweep.core.math.Check;

/**
 * The classification thresholds of THEORY.md §5, recorded with every result.
 *
 * @param weightEps {@code VANISHING_WEIGHT} when {@code min(w1, w2)} is below it
 * @param alignCos  the magnitude {@code min(|m1|, |m2|)} that decides runs that did not converge,
 *                  and the plateau threshold
 * @param klTol     {@code COVERAGE} below it, {@code MISWEIGHTED} at or above it
 */
public record Thresholds(double weightEps, double alignCos, double klTol) {

    public static final Thresholds DEFAULT = new Thresholds(1e-3, 0.5, 1e-3);

    /** The bounds hold for spec keys and {@code sweep trajectory} options alike (both build this record). */
    public Thresholds {
        Check.below("weightEps", Check.positive("weightEps", weightEps), 0.5); // both weights cannot vanish
        Check.below("alignCos", Check.nonNegative("alignCos", alignCos), 1);   // |m_k| <= 1
        Check.positive("klTol", klTol);
    }
}
