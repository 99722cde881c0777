package org.modesweep.spark;

import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a run's chunks, told to a {@link SweepListener}: points done out of the grid, the rate and
 * the points left. Task results reach the driver's accumulator when tasks finish, so a reading
 * goes out at every chunk end and, between chunks, every {@code intervalMs} when the count moved.
 *
 * <p>The rate leaves out the first chunk, which carries Spark's start-up and the JIT's warm-up (a fresh
 * 10^5-trajectory run read 10 traj/s after its first chunk, "left ~3:00:00", and finished 12 s later).
 * Until a later chunk has rows, it is the rate of the measured trajectory time on all cores, and before any
 * trajectory has ended, the calibration's rate if there is one (a first chunk of 20 s ends its first tasks after 5 s or more).
 */
final class Progress implements AutoCloseable {
    private final SweepListener listener;
    private final long total;
    private final long before;
    private final LongAccumulator computed;
    private final DoubleAccumulator trajectoryMillis;
    private final int cores;
    private final double plannedRate;
    private final long intervalMs;
    private final long startNanos = System.nanoTime();
    private final Thread ticker;
    private long lastTold = -1;
    private long lastToldNanos = System.nanoTime();
    private long firstChunkCount = -1; // trajectories of the first chunk and the seconds at its end, once it ended
    private double firstChunkSeconds;
    private volatile boolean running = true;

    Progress(SweepListener listener, long total, long before, LongAccumulator computed, DoubleAccumulator trajectoryMillis,
             int cores, double plannedRate, long intervalMs) {
        this.listener = listener;
        this.total = total;
        this.before = before;
        this.computed = computed;
        this.trajectoryMillis = trajectoryMillis;
        this.cores = cores;
        this.plannedRate = plannedRate;
        this.intervalMs = intervalMs;
        this.ticker = new Thread(this::tick, "sweep-progress");
        this.ticker.setDaemon(true);
        this.ticker.start();
    }

    private void tick() {
        while (running) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            if ((System.nanoTime() - lastToldNanos) / 1_000_000 >= intervalMs) {
                moved();
            }
        }
    }

    private synchronized void moved() {
        if (computed.value() != lastTold) {
            listener.progress(read());
        }
    }

    /** Tells the listener that chunk {@code number} computed {@code count} trajectories in {@code seconds}. */
    synchronized void chunkDone(int number, long count, double seconds) {
        SweepListener.Reading reading = read();
        if (number == 1) {
            firstChunkCount = reading.done() - before;
            firstChunkSeconds = reading.elapsedSeconds();
        }
        listener.chunkDone(reading, new SweepListener.Chunk(number, count, seconds));
    }

    private SweepListener.Reading read() {
        long done = computed.value();
        lastTold = done;
        lastToldNanos = System.nanoTime();
        double elapsed = seconds();
        boolean planned = done == 0 && plannedRate > 0;
        return new SweepListener.Reading(before + done, total, total - before - done,
            planned ? plannedRate : rate(done, elapsed), elapsed, planned);
    }

    private double rate(long done, double elapsed) {
        if (firstChunkCount >= 0 && done > firstChunkCount && elapsed > firstChunkSeconds) {
            return (done - firstChunkCount) / (elapsed - firstChunkSeconds);
        }
        double coreSeconds = trajectoryMillis.value() / 1000;
        return coreSeconds > 0 ? cores * done / coreSeconds : 0;
    }

    /** Trajectories the first chunk computed (0 before it ended). */
    synchronized long firstChunkCount() {
        return Math.max(0, firstChunkCount);
    }

    /** Seconds from the start to the first chunk's end (0 before it ended). */
    synchronized double firstChunkSeconds() {
        return firstChunkSeconds;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
