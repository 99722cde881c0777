package org.modesweep.core.stats;

import java.util.Locale;

/** Where one method puts the level crossing, and how it got there. */
record Crossing(double rc, String note) {

    /** A radius for a note: grid radii built by repeated addition print as 2.3499999999999996. */
    static String radius(double r) {
        return String.format(Locale.ROOT, "%.4g", r);
    }
}
