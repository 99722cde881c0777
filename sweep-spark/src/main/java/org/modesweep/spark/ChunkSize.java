package org.modesweep.spark;

/**
 * How many trajectories the next chunk computes: {@code spark.chunk} when the spec fixes it, else chunks of
 * about 20-120 s (a fifteenth of the estimated time left), so progress and resume stay fine-grained while a
 * chunk's fixed cost (a Spark job, a Parquet writer per task, the commit: about 0.3 s on 2 cores) stays small.
 * Without a calibrated rate the first chunk is 8 tasks' worth, to measure one.
 */
record ChunkSize(Integer fixed, int partitions, int cores, double estimatedRate) {

    static ChunkSize of(RunPlan plan, double estimatedRate) {
        return new ChunkSize(plan.spec().spark().chunk(), plan.partitions(), plan.cores(), estimatedRate);
    }

    /**
     * The first chunk, with {@code left} to compute. A calibrated rate sizes it as any other (a separate small chunk
     * was 0.4 s of a warm 7.6-s sweep of 10^5 flows on 2 cores: its job, commit and the gap after it).
     */
    long first(long left) {
        if (fixed != null) {
            return fixed;
        }
        return estimatedRate > 0 ? adapt(estimatedRate, left, partitions) : Math.max(8L * partitions, 16);
    }

    /**
     * The size after chunk {@code number} computed {@code computed} trajectories in {@code seconds}
     * of wall time and {@code coreSeconds} of summed trajectory time, with {@code left} still to compute.
     */
    long next(long current, int number, long computed, double seconds, double coreSeconds, long left) {
        if (fixed != null || computed == 0) {
            return current;
        }
        // The first chunk carries Spark's start-up: size the next from the measured core time instead.
        double ideal = 0.8 * cores * computed / coreSeconds;
        double rate = number == 1 ? Math.max(computed / seconds, ideal) : computed / seconds;
        return adapt(rate, left, partitions);
    }

    static long adapt(double rate, long left, int partitions) {
        double targetSeconds = Math.max(20, Math.min(120, left / rate / 15));
        long size = Math.max(4L * partitions, Math.min(10_000_000L, Math.round(rate * targetSeconds)));
        // a remainder under half a chunk joins this one: a job of its own would cost its fixed part for a few rows
        // (a fresh 2,000-trajectory run ended with a chunk of 241 in 0.6 s)
        return left - size < size / 2 ? Math.max(size, left) : size;
    }
}
