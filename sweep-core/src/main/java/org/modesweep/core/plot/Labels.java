package org.modesweep.core.plot;

/** Axis labels, so one quantity reads the same in every figure. */
public final class Labels {
    public static final String R = "R = |μ*|";
    public static final String D = "d (dimension)";
    public static final String P_COLLAPSE = "P(collapse)";
    public static final String RC = "R_c (where P(collapse) reaches the level)";
    public static final String SHARE = "share of runs";

    private Labels() {
    }
}
