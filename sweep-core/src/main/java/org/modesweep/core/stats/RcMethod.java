package org.modesweep.core.stats;

/** How the level crossing of P(R) is located (THEORY.md section 6). */
public enum RcMethod {
    /** Maximum-likelihood logistic in R, fitted only on the radii around the crossing. */
    LOGISTIC,
    /** Isotonic (pool-adjacent-violators) fit of P(R), crossing by linear interpolation. */
    MONOTONE
}
