package org.modesweep.spark;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Runs a sweep end to end on Spark, in steps over typed data: the output takes the spec
 * ({@link RunPlan}), what earlier runs did is looked up ({@link Resume}), the other points are computed
 * chunk after chunk ({@link Chunks}), {@code R_c} is refined ({@link Adaptive}), copies are removed
 * ({@link Deduplication}), the tables and figures are aggregated ({@link SweepAggregation}) and the
 * report drawn ({@link Report}). Each step tells a {@link SweepListener}: the caller's (the console) and
 * the output's {@link RunLog}.
 *
 * <p>Points are never materialised on the driver, and a rerun computes only the points without rows;
 * readers deduplicate on {@code pointId}.
 */
public final class SweepRunner {

    /**
     * Options of a run. {@code listener} hears its steps (besides the output's run log);
     * {@code stopAfterChunks > 0} stops early (an interrupted sweep, for tests); {@code stopRequested}
     * is asked between chunks (an interrupt: the chunk in flight is cancelled by the caller or
     * finishes). {@code lock}: the output's lock if the caller took it, else the run takes it
     * ({@code breakLock}: breaking a stale one). {@code estimatedRate}: trajectories per second of wall time a
     * calibration expects (NaN if none); with it the first chunk is a full one ({@link ChunkSize#first}).
     */
    public record Options(SweepListener listener, int stopAfterChunks, long progressIntervalMs, OutputLock lock,
                          boolean breakLock, BooleanSupplier stopRequested, double estimatedRate) {
        public Options(SweepListener listener, int stopAfterChunks, long progressIntervalMs) {
            this(listener, stopAfterChunks, progressIntervalMs, null, false, () -> false, Double.NaN);
        }

        /** Progress on standard output every 10 s. */
        public static Options console() {
            return new Options(new ConsolePrinter(System.out), 0, 10_000);
        }

        /** Nothing but the output's run log, and no progress between chunks. */
        public static Options quiet() {
            return new Options(SweepListener.NONE, 0, Long.MAX_VALUE);
        }

        public Options stopAfter(int chunks) {
            return new Options(listener, chunks, progressIntervalMs, lock, breakLock, stopRequested, estimatedRate);
        }

        public Options locked(OutputLock heldLock) {
            return new Options(listener, stopAfterChunks, progressIntervalMs, heldLock, breakLock, stopRequested, estimatedRate);
        }

        public Options breakingStaleLock(boolean breakStale) {
            return new Options(listener, stopAfterChunks, progressIntervalMs, lock, breakStale, stopRequested, estimatedRate);
        }

        public Options stopWhen(BooleanSupplier requested) {
            return new Options(listener, stopAfterChunks, progressIntervalMs, lock, breakLock, requested, estimatedRate);
        }

        public Options estimating(double trajectoriesPerSecond) {
            return new Options(listener, stopAfterChunks, progressIntervalMs, lock, breakLock, stopRequested, trajectoriesPerSecond);
        }
    }

    /** What a run did. {@code computeSeconds} is the wall time of the chunks; {@code coreMillis} the summed trajectory time. */
    public record Result(String output, long points, long alreadyDone, long computed, int chunks, boolean completed,
                         double computeSeconds, double coreMillis, double totalSeconds, double steadyThroughput,
                         SweepAggregation.Tables tables, Adaptive.Outcome adaptive) {
        /** Trajectories per second of wall time while computing. */
        public double throughput() {
            return computeSeconds > 0 ? computed / computeSeconds : Double.NaN;
        }

        private static Result of(RunPlan plan, Resume resume, Computation c, long startNanos,
                                 SweepAggregation.Tables tables, Adaptive.Outcome adaptive) {
            return new Result(plan.output().root().toString(), plan.total(), resume.alreadyDone(), c.computed(), c.chunks(),
                tables != null, c.computeSeconds(), c.coreMillis(), (System.nanoTime() - startNanos) / 1e9,
                c.steadyThroughput(), tables, adaptive);
        }
    }

    private SweepRunner() {
    }

    /**
     * Runs (or resumes, or extends, or only re-aggregates) the sweep of {@code spec} into
     * {@code spec.output()}, holding the output's lock.
     *
     * @throws IllegalArgumentException if the output is not a sweep output, or holds rows the spec would change
     * @throws OutputProblem if the output is locked, or {@code trajectories/} holds foreign or damaged files
     */
    public static Result run(SparkSession spark, SweepSpec spec, Options options) {
        SweepOutput output = new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output());
        if (options.lock() != null) {
            return runLocked(spark, spec, options, output, options.lock());
        }
        try (OutputLock lock = OutputLock.acquire(output, "sweep run " + spec.name(), options.breakLock())) {
            return runLocked(spark, spec, options, output, lock);
        }
    }

    private static Result runLocked(SparkSession spark, SweepSpec spec, Options options, SweepOutput output,
                                    OutputLock lock) {
        long startNanos = System.nanoTime();
        SweepListener listener = options.listener().and(new RunLog(output));
        RunPlan plan = RunPlan.of(spark, spec, output, listener);
        listener.planned(plan);
        Resume resume = Resume.detect(spark, plan);
        listener.started(plan, resume);
        Computation computation = Chunks.compute(spark, plan, resume, options, lock, listener);
        listener.computed(plan, computation);
        if (computation.stopped()) {
            plan.recordProgress(computation.rows());
            return Result.of(plan, resume, computation, startNanos, null, null);
        }
        Adaptive.Outcome refined = spec.threshold().adaptive() ? Adaptive.refine(spark, plan, listener) : null;
        long expected = plan.total() + (refined == null ? 0 : refined.refinedPoints());
        // the Spark UI and event log name the jobs after computing by their step, not by the last chunk
        spark.sparkContext().setJobDescription("sweep " + spec.name() + ": one row per point, compaction");
        long points = Deduplication.oneRowPerPoint(spark, plan, expected, listener);
        spark.sparkContext().setJobDescription("sweep " + spec.name() + ": aggregation, tables, figures");
        Aggregated aggregated = aggregate(spark, plan, points, startNanos, listener);
        Report.write(output, spec, aggregated.tables().probabilities(), aggregated.tables().rc());
        listener.reported(plan, aggregated);
        return Result.of(plan, resume, computation, startNanos, aggregated.tables(), refined);
    }

    /** Probabilities, R_c, figures; then the manifest says the sweep is complete. */
    private static Aggregated aggregate(SparkSession spark, RunPlan plan, long points, long startNanos,
                                        SweepListener listener) {
        listener.message("aggregating ...");
        SweepAggregation.Tables tables = SweepAggregation.aggregate(spark, plan.output(), plan.spec(), plan.spec().threshold(),
            true, true);
        plan.recordComplete(points, plan.spec().threshold());
        Aggregated aggregated = new Aggregated(tables, points, (System.nanoTime() - startNanos) / 1e9);
        listener.aggregated(plan, aggregated);
        return aggregated;
    }

    /** The grid in words: "2 setups x 9 R x 2 d x 1 wStar x 50 seeds". */
    public static String describeGrid(SweepSpec spec) {
        var g = spec.grid();
        boolean uniform = spec.setups().stream().allMatch(s -> s.d() == null
            && g.trajectories(s) == g.trajectories(spec.setups().get(0)));
        if (!uniform) { // per-setup dimensions or seeds, or random-start setups beside explicit ones
            return String.format(Locale.ROOT, "%d R x %d wStar x (%s)", g.R().size(), g.wStar().size(),
                String.join(" + ", spec.setups().stream().map(s -> s.name() + ": " + s.dims(g).size() + " d x "
                    + (g.startCount(s) > 1 ? g.startCount(s) + " explicit starts x " : "") + g.seeds(s) + " seeds").toList()));
        }
        String starts = g.explicit() ? g.starts().size() + " explicit starts" + (g.seeds() > 1 ? " x " + g.seeds() + " seeds" : "")
            : g.seeds() + " seeds";
        return String.format(Locale.ROOT, "%d setups x %d R x %d d x %d wStar x %s", spec.setups().size(), g.R().size(),
            g.d().size(), g.wStar().size(), starts);
    }
}
