package org.modesweep.core.realnvp;

/** Receives the measurements of a RealNVP training at step 0, every {@link #every()} steps and at the end. */
public interface FlowRecorder {

    FlowRecorder NONE = new FlowRecorder() {
        @Override
        public long every() {
            return 0;
        }

        @Override
        public void record(FlowMeasure m, RealNvp flow, double[] theta) {
        }
    };

    /** Interval in steps; 0 records nothing but the end. */
    long every();

    /** {@code theta} is the live parameter vector: copy it to keep it. */
    void record(FlowMeasure m, RealNvp flow, double[] theta);
}
