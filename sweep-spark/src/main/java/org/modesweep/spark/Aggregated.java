package org.modesweep.spark;

/**
 * The aggregation step of a run: the {@code tables} of {@code trajectories} points (grid and refinement),
 * {@code wallSeconds} after the run started.
 */
public record Aggregated(SweepAggregation.Tables tables, long trajectories, double wallSeconds) {
}
