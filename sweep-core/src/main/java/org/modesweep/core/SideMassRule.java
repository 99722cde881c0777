package org.modesweep.core;

import org.modesweep.core.realnvp.FlowMeasure;

/**
 * The realnvp family's classifier (THEORY.md §7): a trained flow by the mass it puts on each side of
 * {@code x·μ* = 0}. Its thresholds are part of the dynamics and recorded with every row.
 *
 * @param coverTol     {@code COVERAGE} when {@code |mass₊ − w*| ≤ coverTol · min(w*, 1 − w*)}
 * @param collapseFrac collapse ({@code VANISHING_WEIGHT}) when a side's mass is below {@code collapseFrac} times its
 *                     target mass
 */
public record SideMassRule(double coverTol, double collapseFrac) {

    /**
     * {@code FAILED} for non-finite measurements; collapse onto the other mode when a side's mass is
     * below {@code collapseFrac} times its target ({@code w*} on the {@code +μ*} side, {@code 1 − w*}
     * on the other), reported as {@code VANISHING_WEIGHT}, the flow's analogue of a mixture component
     * whose weight vanished, with the survivor's mode; {@code COVERAGE} when both masses are within
     * {@code coverTol · min(w*, 1 − w*)} of their targets; {@code UNRESOLVED} in between.
     */
    public Classification classify(FlowMeasure m, String error, double wStar) {
        if (error != null || !m.isFinite()) {
            return new Classification(Outcome.FAILED, 0);
        }
        if (m.massPlus() < collapseFrac * wStar) {
            return new Classification(Outcome.VANISHING_WEIGHT, -1);
        }
        if (m.massMinus() < collapseFrac * (1 - wStar)) {
            return new Classification(Outcome.VANISHING_WEIGHT, 1);
        }
        if (Math.abs(m.massPlus() - wStar) <= coverTol * Math.min(wStar, 1 - wStar)) {
            return new Classification(Outcome.COVERAGE, 0);
        }
        return new Classification(Outcome.UNRESOLVED, 0);
    }
}
