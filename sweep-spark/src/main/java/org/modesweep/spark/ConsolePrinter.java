package org.modesweep.spark;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/** A run on the console: what it plans, progress lines, throughput, the R_c table and where the results are. */
public final class ConsolePrinter implements SweepListener {
    private final PrintStream out;

    public ConsolePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void message(String line) {
        out.println(line);
    }

    @Override
    public void planned(RunPlan plan) {
        out.printf(Locale.ROOT, "sweep '%s': %,d trajectories = %s%n", plan.spec().name(), plan.total(),
            SweepRunner.describeGrid(plan.spec()));
        out.printf(Locale.ROOT, "  output %s (spec hash %s)%n", plan.output().root(), RunPlan.shortHash(plan.spec().hash()));
    }

    @Override
    public void started(RunPlan plan, Resume resume) {
        out.printf(Locale.ROOT, "  planned: driver heap %s%n", driverHeap());
        out.printf(Locale.ROOT, "  %,d already done, %,d to compute on %s (%d cores, %d partitions per chunk)%n",
            resume.alreadyDone(), resume.toCompute(), plan.master(), plan.cores(), plan.partitions());
    }

    @Override
    public void progress(Reading reading) {
        print(reading, "");
    }

    @Override
    public void chunkDone(Reading reading, Chunk chunk) {
        print(reading, String.format(Locale.ROOT, "  [chunk %d: %,d in %.1f s; driver heap %s]", chunk.number(),
            chunk.computed(), chunk.seconds(), driverHeap()));
    }

    private void print(Reading r, String suffix) {
        String eta = r.left() <= 0 ? "done" : Double.isNaN(r.leftSeconds()) ? "left ?" : "left ~" + clock(r.leftSeconds());
        out.printf(Locale.ROOT, "  %,d / %,d points (%5.1f%%)  %7.1f traj/s%s  elapsed %s  %s%s%n", r.done(), r.total(),
            100.0 * r.done() / r.total(), r.rate(), r.planned() ? " planned" : "", clock(r.elapsedSeconds()), eta, suffix);
        out.flush();
    }

    @Override
    public void computed(RunPlan plan, Computation c) {
        if (c.computed() > 0) {
            out.printf(Locale.ROOT, "computed %,d trajectories in %.1f s: %.1f traj/s on %d cores"
                    + " (%.1f ms of core time per trajectory, %.2f cores busy on average)%n",
                c.computed(), c.computeSeconds(), c.computed() / c.computeSeconds(), plan.cores(),
                c.coreMillis() / c.computed(), c.coreMillis() / 1000 / c.computeSeconds());
            if (c.chunks() > 1) {
                out.printf(Locale.ROOT, "  after the first chunk (which carries Spark's start-up): %.1f traj/s%n",
                    c.steadyThroughput());
            }
        }
        if (c.stop() == Computation.Stop.AFTER_CHUNKS) {
            out.printf(Locale.ROOT, "stopped after %d chunks as asked: %,d of %,d points have rows; rerun to finish%n",
                c.chunks(), c.rows(), plan.total());
        }
    }

    @Override
    public void aggregated(RunPlan plan, Aggregated aggregated) {
        if (aggregated.tables().failed() > 0) {
            out.printf("warning: %d trajectories FAILED; see: sweep show %s --where \"outcome = 'FAILED'\"%n",
                aggregated.tables().failed(), plan.output().uri(SweepOutput.TRAJECTORIES));
        }
    }

    @Override
    public void reported(RunPlan plan, Aggregated aggregated) {
        out.println();
        out.print(Aggregates.table(aggregated.tables().rc()));
        out.printf(Locale.ROOT, "%nresults in %s: %s (open it in a browser), trajectories/ probabilities/ rc/ %s plots/"
                + " (%d figures) %s %s %s%n", plan.output().root(), Report.FILE, SweepOutput.SUMMARY,
            aggregated.tables().plots().size(), SweepOutput.SPEC, SweepOutput.MANIFEST, RunLog.FILE);
    }

    /** Heap used / max of the driver JVM (the memory MXBean), e.g. "41 MB used of 512 MB". */
    static String driverHeap() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "%d MB used of %d MB", heap.getUsed() >> 20, heap.getMax() >> 20);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
