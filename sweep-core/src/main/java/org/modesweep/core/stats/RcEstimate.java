package org.modesweep.core.stats;

/**
 * A critical radius at one probability level.
 *
 * <p>When {@code censored}, {@code rc} is NaN and {@code [rcLow, rcHigh]} says on which side of
 * the searched radii the crossing lies: {@code [largest radius, +inf]} if P(R) never reaches the
 * level, {@code [-inf, smallest radius]} if it is reached already at the smallest radius.
 * {@code maxProbability} is the largest value of the monotone fit of P(R).
 */
public record RcEstimate(double rc, double rcLow, double rcHigh, RcMethod method, double level,
                         long trajectories, boolean censored, double maxProbability, String note) {
}
