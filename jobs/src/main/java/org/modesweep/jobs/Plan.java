package org.modesweep.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * dynamics across its grid (each of its d, radii across the grid, seeds 0, 1, ...; tMax,
 * steps, batch and the other setup keys are the setup's own) on as many threads as the sweep has cores here,
 * timed in CPU time of each thread after untimed runs that warm the JIT. Core time is trajectories times the calibrated cost per trajectory; wall
 * time adds Spark's start-up and what follows the computing, both measured on a 2-core machine.
 */
record Plan(SweepSpec spec, List<SetupCost> setups, int cores) {
    /** The JVM and Spark's local start-up (4-6 s) and its first job's class loading and code generation (8-10 s), 2 cores. */
    static final double START_SECONDS = 13;
    /**
     * After computing (compaction, aggregation, tables, figures, report), fitted to runs on 2 cores from 40 to 10⁶ rows
     * (6.7-31 s after computing, within 30%): a fixed part, a part per (setup, d) (a folder of files, a group of tables and figures) and a part per row.
     */
    static final double AFTER_SECONDS = 8;
    static final double AFTER_SECONDS_PER_GROUP = 0.25;
    static final double AFTER_SECONDS_PER_ROW = 2.5e-5;
    /** Spark's own share: a warm sweep computes at 87-100% of the same trajectories on plain threads (bench W4 against W1x, W1p). */
    static final double EFFICIENCY = 0.85;
    /** Calibration time per setup, and in all. */
    static final double SETUP_BUDGET_SECONDS = 1.5;
    static final double TOTAL_BUDGET_SECONDS = 12;
    /** CPU time a calibrating thread runs a dynamics family untimed before timing it, for the JIT. */
    static final long WARMUP_NANOS = 1_000_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** One setup (a variant's label names its swept values): its trajectories, where it was calibrated, how many runs and their mean time. */
    record SetupCost(String name, long trajectories, long dMin, long dMax, double rMin, double rMax, int runs,
                     double secondsPerRun) {
        double coreSeconds() {
            return trajectories * secondsPerRun;
        }
    }

    /** {@code quick}: a third of the time budget and warm-up (the check before {@code sweep run}; it may read high). */
    static Plan calibrate(SweepSpec spec, int cores, boolean quick) {
        PointSpace space = spec.points();
        GridSpec g = spec.grid();
        double budget = Math.min(SETUP_BUDGET_SECONDS, TOTAL_BUDGET_SECONDS / spec.setups().size()) / (quick ? 3 : 1);
        // As many threads as the sweep will keep busy here: two cores computing at once each run slower than one alone
        // (shared caches and memory: sgd 57 -> 85-88 ms per trajectory on the 2-core test machine, in one JVM or two).
        int threads = Math.max(1, Math.min(cores, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<SetupCost> costs = new ArrayList<>();
            Set<String> warmed = new HashSet<>();
            for (int s = 0; s < spec.setups().size(); s++) {
                SetupSpec setup = spec.setups().get(s);
                List<Long> dims = setup.dims(g).stream().sorted().toList();
                int index = s;
                // the JIT's work is shared by the setups of a dynamics family: their first warms it up
                long warmUpNanos = warmed.add(setup.dynamics().type()) ? WARMUP_NANOS / (quick ? 3 : 1) : 0;
                List<Future<long[][]>> samples = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    samples.add(pool.submit(() -> sample(space, index, dims, budget, warmUpNanos, first, threads)));
                }
                long[] runs = new long[dims.size()];
                long[] cpuNanos = new long[dims.size()];
                for (Future<long[][]> sample : samples) {
                    for (int i = 0; i < dims.size(); i++) {
                        runs[i] += sample.get()[0][i];
                        cpuNanos[i] += sample.get()[1][i];
                    }
                }
                // Every d has as many trajectories in the grid: the cost is the mean over d of each d's mean run.
                double mean = 0;
                for (int i = 0; i < dims.size(); i++) {
                    mean += cpuNanos[i] / 1e9 / runs[i] / dims.size();
                }
                List<Double> radii = g.R();
                costs.add(new SetupCost(setup.label(), g.trajectories(setup), dims.get(0), dims.get(dims.size() - 1),
                    radii.get(0), radii.get(radii.size() - 1), (int) Arrays.stream(runs).sum(), mean));
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

    /**
     * One calibrating thread's runs of setup {@code s} and their CPU time, per dimension of {@code dims}: each d in turn
     * (a flow at d = 10⁶ can cost twice one at d = 10; every d at least once), radii in turn across the grid (cost varies
     * with R), seeds {@code first}, {@code first + stride}, ... The budget is this thread's CPU time (a loaded machine
     * still gets its sample); the clock caps it at 4x. Untimed runs come first: {@code warmUpNanos} of CPU time (the first
     * 2,000 runs of a 100 µs flow, about a second, average 4x its speed), and at least one.
     */
    private static long[][] sample(PointSpace space, int s, List<Long> dims, double budget, long warmUpNanos, int first,
                                   int stride) {
        GridSpec g = space.spec().grid();
        List<Double> radii = g.R();
        var start = space.spec().setups().get(s).explicitStarts() ? g.starts().get(0) : null;
        double wStar = g.wStar().get(0);
        int[] run = {0};
        Runnable next = () -> {
            int r = run[0]++;
            space.run(space.point(-1, s, radii.get((int) ((long) r * 7 % radii.size())), dims.get(dims.size() - 1 - r % dims.size()),
                wStar, start, first + stride * (r / radii.size())));
        };
        long warm = CPU.getCurrentThreadCpuTime();
        do {
            next.run();
        } while (CPU.getCurrentThreadCpuTime() - warm < warmUpNanos);
        long[][] sums = new long[2][dims.size()];
        long t0 = System.nanoTime();
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long cpu = cpu0;
        for (int timed = 0; timed < Math.max(200, dims.size()) && (timed < dims.size()
            || (cpu - cpu0) / 1e9 < budget && (System.nanoTime() - t0) / 1e9 < 4 * budget); timed++) {
            int i = dims.size() - 1 - run[0] % dims.size();
            next.run();
            long now = CPU.getCurrentThreadCpuTime();
            sums[0][i]++;
            sums[1][i] += now - cpu;
            cpu = now;
        }
        return sums;
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

    /** Trajectories per second of wall time while computing, at the calibrated costs (the first chunk's size). */
    double rate() {
        return spec.points().size() * cores * EFFICIENCY / coreSeconds();
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
                String.format(Locale.ROOT, "d %s, R %s, %d runs", c.dMin() == c.dMax() ? "= " + c.dMin() : c.dMin() + "-" + c.dMax(),
                    c.rMin() == c.rMax() ? "= " + TextTable.cell(c.rMin())
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
