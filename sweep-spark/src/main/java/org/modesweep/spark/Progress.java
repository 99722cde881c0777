package org.modesweep.spark;

import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a run's chunks, told to a {@link SweepListener}: points done out of the grid, rate of this
 * run and points left. Task results reach the driver's accumulator when tasks finish, so a reading
 * goes out at every chunk end and, between chunks, every {@code intervalMs} when the count moved.
 */
final class Progress implements AutoCloseable {
    private final SweepListener listener;
    private final long total;
    private final long before;
    private final LongAccumulator computed;
    private final long intervalMs;
    private final long startNanos = System.nanoTime();
    private final Thread ticker;
    private long lastTold = -1;
    private long lastToldNanos = System.nanoTime();
    private volatile boolean running = true;

    Progress(SweepListener listener, long total, long before, LongAccumulator computed, long intervalMs) {
        this.listener = listener;
        this.total = total;
        this.before = before;
        this.computed = computed;
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
        listener.chunkDone(read(), new SweepListener.Chunk(number, count, seconds));
    }

    private SweepListener.Reading read() {
        long done = computed.value();
        lastTold = done;
        lastToldNanos = System.nanoTime();
        double elapsed = seconds();
        return new SweepListener.Reading(before + done, total, total - before - done, elapsed > 0 ? done / elapsed : 0,
            elapsed);
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
