package org.modesweep.core;

/** Receives the state at {@code t = 0}, at every multiple of {@link #every()} and at the end. */
public interface Recorder {

    Recorder NONE = new Recorder() {
        @Override
        public double every() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public void record(double t, State y) {
        }
    };

    double every();

    void record(double t, State y);

    default boolean active() {
        return Double.isFinite(every());
    }
}
