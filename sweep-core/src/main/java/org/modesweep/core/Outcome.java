package org.modesweep.core;

/** Outcome classes of THEORY.md §5, in the order the rules are tried. */
public enum Outcome {
    FAILED, VANISHING_WEIGHT, MEAN_ALIGNMENT, COVERAGE, MISWEIGHTED, UNRESOLVED;

    /** Collapse = mean alignment or vanishing weight. */
    public boolean isCollapse() {
        return this == MEAN_ALIGNMENT || this == VANISHING_WEIGHT;
    }
}
