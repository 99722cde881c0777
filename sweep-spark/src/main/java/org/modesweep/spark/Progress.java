package org.modesweep.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.util.LongAccumulator;

/**
 * Console progress of a run (also a {@code progress} event in the run log): points done out of the grid, rate of this run and time left. Task
 * results reach the driver's accumulator when tasks finish, so a line is printed at every chunk
 * end and, between chunks, every {@code intervalMs} when the count moved.
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final long total;
    private final long before;
    private final LongAccumulator computed;
    private final long intervalMs;
    private final long startNanos = System.nanoTime();
    private final Thread ticker;
    private final RunLog log;
    private long lastPrinted = -1;
    private long lastPrintNanos = System.nanoTime();
    private volatile boolean running = true;

    Progress(PrintStream out, RunLog log, long total, long before, LongAccumulator computed, long intervalMs) {
        this.out = out;
        this.log = log;
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
            if ((System.nanoTime() - lastPrintNanos) / 1_000_000 >= intervalMs) {
                print("", false);
            }
        }
    }

    /** Prints a progress line (always if {@code force}, else only if the count moved). */
    synchronized void print(String suffix, boolean force) {
        long done = computed.value();
        if (!force && done == lastPrinted) {
            return;
        }
        lastPrinted = done;
        lastPrintNanos = System.nanoTime();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = total - before - done;
        String eta = rate > 0 && left > 0 ? "left ~" + clock(left / rate) : left <= 0 ? "done" : "left ?";
        out.printf(Locale.ROOT, "  %,d / %,d points (%5.1f%%)  %7.1f traj/s  elapsed %s  %s%s%n", before + done, total,
            100.0 * (before + done) / total, rate, clock(seconds), eta, suffix);
        out.flush();
        log.event("progress", RunLog.fields("done", before + done, "total", total, "rate", rate, "elapsedSeconds", seconds,
            "leftSeconds", rate > 0 ? Math.max(0, left / rate) : null));
    }

    long computed() {
        return computed.value();
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
