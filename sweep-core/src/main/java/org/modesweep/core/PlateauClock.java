package org.modesweep.core;

/** Accumulates the time spent on the plateau (both components beyond {@code alignCos} on one side). */
final class PlateauClock {
    private boolean inside;
    private double since;
    private double total;

    PlateauClock(double t0, boolean inside) {
        this.inside = inside;
        this.since = t0;
    }

    void toggle(double t, boolean entering) {
        if (inside && !entering) {
            total += t - since;
        }
        if (entering) {
            since = t;
        }
        inside = entering;
    }

    /** Adds {@code dt} if the state that held over it was on the plateau (discrete dynamics). */
    void advance(double dt, boolean onPlateau) {
        if (onPlateau) {
            total += dt;
        }
    }

    double total(double tEnd) {
        return inside ? total + (tEnd - since) : total;
    }
}
