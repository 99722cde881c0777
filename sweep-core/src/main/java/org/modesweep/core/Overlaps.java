package org.modesweep.core;

/** A mixture trajectory's overlaps at its start and end, and its plateau time (THEORY.md §2, §5). */
public record Overlaps(State start, State end, double plateauTime) {
}
