package org.modesweep.core;

/**
 * What a dynamics reports: the final overlaps, the time reached, whether {@code max|dy/dt|} fell
 * under the tolerance, the plateau time (THEORY.md §5), the cost (right-hand-side evaluations for
 * {@code flow}, steps for {@code gd} and {@code sgd}) and an error message if the run failed.
 */
public record Run(State end, double tFinal, boolean converged, double plateauTime, long cost, String error) {
}
