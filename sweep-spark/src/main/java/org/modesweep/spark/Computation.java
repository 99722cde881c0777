package org.modesweep.spark;

/**
 * The third step of a run, the chunks: after them {@code rows} points of the grid have rows,
 * {@code computed} of them computed now in {@code computeSeconds} of wall time and {@code coreMillis} of
 * summed trajectory time, over {@code chunks} chunks, the first of which computed
 * {@code firstChunkComputed} in {@code firstChunkSeconds}; {@code stop} says whether the run stopped
 * between two chunks.
 */
public record Computation(long rows, long computed, double computeSeconds, double coreMillis, int chunks,
                          long firstChunkComputed, double firstChunkSeconds, Stop stop) {

    /** Why the chunks ended. */
    public enum Stop {
        /** Every point of the grid has a row. */
        NONE,
        /** After {@code stopAfterChunks} chunks, as asked (an interrupted sweep, for tests). */
        AFTER_CHUNKS,
        /** The caller asked between two chunks (an interrupt). */
        REQUESTED
    }

    public boolean stopped() {
        return stop != Stop.NONE;
    }

    /** Trajectories per second after the first chunk, which carries Spark's start-up (NaN with one chunk). */
    public double steadyThroughput() {
        return chunks > 1 && computeSeconds > firstChunkSeconds
            ? (computed - firstChunkComputed) / (computeSeconds - firstChunkSeconds) : Double.NaN;
    }
}
