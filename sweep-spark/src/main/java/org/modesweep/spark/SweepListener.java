package org.modesweep.spark;

/**
 * What a run reports as it goes, step by step ({@link SweepRunner#run}): the console
 * ({@link ConsolePrinter}) and the output's {@code run-log.jsonl} ({@link RunLog}) are two listeners,
 * in the manner of Spark's own {@code SparkListener}. Every method has a no-op default, so a
 * listener implements only what it shows. {@link #progress} comes from a ticker thread, never at the
 * same time as {@link #chunkDone}.
 */
public interface SweepListener {

    /** Hears nothing. */
    SweepListener NONE = new SweepListener() {
    };

    /**
     * A progress reading: {@code done} of {@code total} points have rows, {@code left} are still to compute;
     * {@code rate} is the rate that the time left assumes (0 when none is known yet), see {@link Progress};
     * {@code planned}: it is the calibration's, no trajectory having ended yet.
     */
    record Reading(long done, long total, long left, double rate, double elapsedSeconds, boolean planned) {
        /** Seconds still to compute at {@code rate}, NaN when no rate is known. */
        public double leftSeconds() {
            return left <= 0 ? 0 : rate > 0 ? left / rate : Double.NaN;
        }
    }

    /** The {@code number}-th chunk of this run computed {@code computed} trajectories in {@code seconds}. */
    record Chunk(int number, long computed, double seconds) {
    }

    /** A line of its own (a note, a refinement round, a step starting). */
    default void message(String line) {
    }

    /** The output took the spec ({@link RunPlan}); what it already holds is being looked up. */
    default void planned(RunPlan plan) {
    }

    /** What is done and what is left is known; computing starts. */
    default void started(RunPlan plan, Resume resume) {
    }

    /** Between chunks, every progress interval when the count moved. */
    default void progress(Reading reading) {
    }

    /** A chunk is committed. */
    default void chunkDone(Reading reading, Chunk chunk) {
    }

    /** The chunks are done, or the run stopped between two ({@link Computation#stop}). */
    default void computed(RunPlan plan, Computation computation) {
    }

    /** Probabilities, R_c and figures are written and the manifest says the sweep is complete. */
    default void aggregated(RunPlan plan, Aggregated aggregated) {
    }

    /** {@code report.html} is written: the run is over. */
    default void reported(RunPlan plan, Aggregated aggregated) {
    }

    /** This listener, then {@code next}. */
    default SweepListener and(SweepListener next) {
        SweepListener first = this;
        return new SweepListener() {
            @Override
            public void message(String line) {
                first.message(line);
                next.message(line);
            }

            @Override
            public void planned(RunPlan plan) {
                first.planned(plan);
                next.planned(plan);
            }

            @Override
            public void started(RunPlan plan, Resume resume) {
                first.started(plan, resume);
                next.started(plan, resume);
            }

            @Override
            public void progress(Reading reading) {
                first.progress(reading);
                next.progress(reading);
            }

            @Override
            public void chunkDone(Reading reading, Chunk chunk) {
                first.chunkDone(reading, chunk);
                next.chunkDone(reading, chunk);
            }

            @Override
            public void computed(RunPlan plan, Computation computation) {
                first.computed(plan, computation);
                next.computed(plan, computation);
            }

            @Override
            public void aggregated(RunPlan plan, Aggregated aggregated) {
                first.aggregated(plan, aggregated);
                next.aggregated(plan, aggregated);
            }

            @Override
            public void reported(RunPlan plan, Aggregated aggregated) {
                first.reported(plan, aggregated);
                next.reported(plan, aggregated);
            }
        };
    }
}
