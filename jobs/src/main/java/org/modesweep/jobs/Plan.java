package org.modesweep.jobs;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.modesweep.core.sweep.GridSpec;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.SweepRunner;

/**
 * What a sweep will cost before it runs: the grid, and for each setup a short calibration of its
 * dynamics at its most expensive point (its largest d, radii across the grid, seeds 0, 1, ...; tMax,
 * steps, batch and the other setup keys are the setup's own) on as many threads as the sweep has cores here,
 * timed in CPU time of each thread after one untimed run that warms the JIT. Core time is trajectories times the calibrated cost per trajectory; wall
 * time adds Spark's start-up and what follows the computing, both measured on a 2-core machine.
 */
record Plan(SweepSpec spec, List<SetupCost> setups, int cores) {
    /** The JVM and Spark's local start-up (4-6 s) and its first job's class loading and code generation (8-10 s), 2 cores. */
    static final double START_SECONDS = 13;
    /**
     * After computing (compaction, aggregation, tables, figures, report), fitted to runs on 2 cores from 32 to 10⁶ rows:
     * a fixed part, a part per (setup, d) (a folder of files, a group of tables and figures) and a part per row.
     */
    static final double AFTER_SECONDS = 6;
    static final double AFTER_SECONDS_PER_GROUP = 0.25;
    static final double AFTER_SECONDS_PER_ROW = 6e-5;
    /** Spark's own share: a warm sweep computes at 87-100% of the same trajectories on plain threads (bench W4 against W1x, W1p). */
    static final double EFFICIENCY = 0.85;
    /** Calibration time per setup, and in all. */
    static final double SETUP_BUDGET_SECONDS = 1.5;
    static final double TOTAL_BUDGET_SECONDS = 12;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** One setup (a variant's label names its swept values): its trajectories, where it was calibrated, how many runs and their mean time. */
    record SetupCost(String name, long trajectories, long d, double rMin, double rMax, int runs, double secondsPerRun) {
        double coreSeconds() {
            return trajectories * secondsPerRun;
        }
    }

    /** {@code quick}: a third of the time budget (the check before {@code sweep run}). */
    static Plan calibrate(SweepSpec spec, int cores, boolean quick) {
        PointSpace space = spec.points();
        GridSpec g = spec.grid();
        double budget = Math.min(SETUP_BUDGET_SECONDS, TOTAL_BUDGET_SECONDS / spec.setups().size()) / (quick ? 3 : 1);
        // As many threads as the sweep will keep busy here: two cores computing at once each run slower than one alone
        // (shared caches and memory: sgd 34 -> 51 ms per trajectory on the 2-core test machine, in one JVM or two).
        int threads = Math.max(1, Math.min(cores, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<SetupCost> costs = new ArrayList<>();
            for (int s = 0; s < spec.setups().size(); s++) {
                SetupSpec setup = spec.setups().get(s);
                long d = setup.dims(g).stream().max(Comparator.naturalOrder()).orElseThrow();
                int index = s;
                long gc0 = gcMillis();
                List<Future<long[]>> samples = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    samples.add(pool.submit(() -> sample(space, index, d, budget, first, threads)));
                }
                long runs = 0;
                long cpuNanos = 0;
                for (Future<long[]> sample : samples) {
                    runs += sample.get()[0];
                    cpuNanos += sample.get()[1];
                }
                // the collector's pauses stop every thread but count in none's CPU time (sgd: most of the gap to a sweep)
                cpuNanos += (gcMillis() - gc0) * 1_000_000L * threads;
                List<Double> radii = g.R();
                costs.add(new SetupCost(setup.label(), g.trajectories(setup), d, radii.get(0), radii.get(radii.size() - 1),
                    (int) runs, cpuNanos / 1e9 / runs));
            }
            return new Plan(spec, costs, cores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("calibration interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("calibration of " + spec.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Milliseconds this JVM's collectors have spent so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * One calibrating thread's runs of setup {@code s} at dimension {@code d} and their CPU time: radii in turn across
     * the grid (cost varies with R), seeds {@code first}, {@code first + stride}, ... at each, after one untimed run that
     * warms the JIT. The budget is this thread's CPU time (a loaded machine still gets its sample); the clock caps it at 4x.
     */
    private static long[] sample(PointSpace space, int s, long d, double budget, int first, int stride) {
        GridSpec g = space.spec().grid();
        List<Double> radii = g.R();
        var start = space.spec().setups().get(s).explicitStarts() ? g.starts().get(0) : null;
        double wStar = g.wStar().get(0);
        space.run(space.point(-1, s, radii.get(radii.size() - 1), d, wStar, start, first));
        int runs = 0;
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        while (runs < 200 && (runs == 0 || (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9 < budget
            && (System.nanoTime() - t0) / 1e9 < 4 * budget)) {
            double R = radii.get((int) ((long) runs * 7 % radii.size()));
            space.run(space.point(-1, s, R, d, wStar, start, first + stride * (runs / radii.size())));
            runs++;
        }
        return new long[] {runs, CPU.getCurrentThreadCpuTime() - cpu0};
    }

    /** Cores of a local master: N of local[N], else this machine's (a cluster's cores are not known here). */
    static int cores(String master) {
        if (master != null && master.matches("local\\[\\d+]")) {
            return Integer.parseInt(master.substring(6, master.length() - 1));
        }
        return Runtime.getRuntime().availableProcessors();
    }

    double coreSeconds() {
        return setups.stream().mapToDouble(SetupCost::coreSeconds).sum();
    }

    double wallSeconds() {
        return START_SECONDS + coreSeconds() / (cores * EFFICIENCY) + afterSeconds();
    }

    /** Compaction, aggregation, tables and figures once the trajectories are computed. */
    double afterSeconds() {
        long groups = spec.setups().stream().mapToLong(x -> x.dims(spec.grid()).size()).sum();
        return AFTER_SECONDS + AFTER_SECONDS_PER_GROUP * groups + AFTER_SECONDS_PER_ROW * spec.points().size();
    }

    String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sweep '%s': %,d trajectories = %s%n", spec.name(),
            spec.points().size(), SweepRunner.describeGrid(spec)));
        GridSpec g = spec.grid();
        b.append(String.format(Locale.ROOT, "  axes: R %s; d %s; wStar %s; %s%n", list(g.R()), g.d(), list(g.wStar()),
            g.explicit() ? g.starts().size() + " explicit starts" : g.seeds() + " seeds per point"));
        int w = Math.max(5, setups.stream().mapToInt(c -> c.name().length()).max().orElse(5));
        b.append(String.format(Locale.ROOT, "  %-" + w + "s %13s  %-32s %12s %11s%n", "setup", "trajectories",
            "calibrated at (this machine)", "per traj.", "core time"));
        for (SetupCost c : setups) {
            b.append(String.format(Locale.ROOT, "  %-" + w + "s %,13d  %-32s %12s %11s%n", c.name(), c.trajectories(),
                String.format(Locale.ROOT, "d = %d, R %s, %d runs", c.d(), c.rMin() == c.rMax() ? "= " + TextTable.cell(c.rMin())
                    : TextTable.cell(c.rMin()) + "-" + TextTable.cell(c.rMax()), c.runs()), duration(c.secondsPerRun()),
                clock(c.coreSeconds())));
        }
        b.append(String.format(Locale.ROOT, "  estimated core time %s; wall time on %d core%s about %s"
                + " (%.0f%% parallel efficiency, plus ~%.0f s of start-up and ~%s after computing: compaction, tables, figures)%n",
            clock(coreSeconds()), cores, cores == 1 ? "" : "s", clock(wallSeconds()), 100 * EFFICIENCY, START_SECONDS,
            clock(afterSeconds())));
        return b.toString();
    }

    private static String list(List<Double> values) {
        if (values.size() <= 6) {
            return values.stream().map(TextTable::cell).toList().toString();
        }
        return String.format(Locale.ROOT, "%s..%s (%d values)", TextTable.cell(values.get(0)),
            TextTable.cell(values.get(values.size() - 1)), values.size());
    }

    /** A cost per trajectory: microseconds, milliseconds or seconds. */
    static String duration(double seconds) {
        return seconds < 1e-3 ? String.format(Locale.ROOT, "%.0f µs", seconds * 1e6)
            : seconds < 1 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1e3) : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** A duration: seconds below a minute, else h:mm:ss or m:ss. */
    static String clock(double seconds) {
        if (seconds < 59.5) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
            : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
