package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.modesweep.core.Engine;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Runs a sweep end to end on Spark: grid points → partitions → core engine → Parquet, then
 * aggregation. See {@link #run}.
 *
 * <p>Points are never materialised on the driver: each chunk is a range of positions of the
 * balanced order ({@link PointSpace#indexAt}), spread over more partitions than cores; executors
 * expand positions to points from the broadcast {@link PointSpace}. Each chunk is one Spark write
 * job (append, committed by Spark's output committer), so an interrupted sweep loses at most the
 * chunks in flight; a rerun finds which points have rows (by {@code pointId}) and computes only the
 * others, and readers deduplicate on {@code pointId}.
 */
public final class SweepRunner {

    /**
     * Options of a run. {@code stopAfterChunks > 0} stops early (an interrupted sweep, for tests);
     * {@code stopRequested} is asked between chunks (an interrupt: the chunk in flight is cancelled by
     * the caller or finishes). {@code lock}: the output's lock if the caller took it, else the run
     * takes it ({@code breakLock}: breaking a stale one).
     */
    public record Options(PrintStream out, int stopAfterChunks, long progressIntervalMs, OutputLock lock,
                          boolean breakLock, BooleanSupplier stopRequested) {
        public Options(PrintStream out, int stopAfterChunks, long progressIntervalMs) {
            this(out, stopAfterChunks, progressIntervalMs, null, false, () -> false);
        }

        public static Options console() {
            return new Options(System.out, 0, 10_000);
        }

        public Options stopAfter(int chunks) {
            return new Options(out, chunks, progressIntervalMs, lock, breakLock, stopRequested);
        }

        public Options locked(OutputLock heldLock) {
            return new Options(out, stopAfterChunks, progressIntervalMs, heldLock, breakLock, stopRequested);
        }

        public Options breakingStaleLock(boolean breakStale) {
            return new Options(out, stopAfterChunks, progressIntervalMs, lock, breakStale, stopRequested);
        }

        public Options stopWhen(BooleanSupplier requested) {
            return new Options(out, stopAfterChunks, progressIntervalMs, lock, breakLock, requested);
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
    }

    private static final String[] SORT = {"setup", "d", "wStar", "R", "startM1", "startM2", "startS", "seedIndex"};

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
        long t0 = System.nanoTime();
        PrintStream out = options.out();
        PointSpace space = spec.points();
        long total = space.size();
        String hash = spec.hash();
        Manifest manifest = prepare(spark, spec, output, out);
        OutputStatus status = OutputStatus.of(output, spec, manifest).requireSound();
        RunLog log = new RunLog(output);

        int cores = spark.sparkContext().defaultParallelism();
        int partitions = spec.spark().partitions() != null ? spec.spark().partitions() : 4 * cores;
        out.printf(Locale.ROOT, "sweep '%s': %,d trajectories = %s%n", spec.name(), total, describeGrid(spec));
        out.printf(Locale.ROOT, "  output %s (spec hash %s)%n", output.root(), shortHash(hash));

        DoneSet done = DoneSet.NONE;
        if (status.complete() && manifest.completed() && manifest.trajectories() == status.rows()) {
            done = DoneSet.all(total); // the last run counted distinct ids: nothing to look up
        } else if (status.rows() > 0) {
            done = detectDone(spark, output, space, partitions);
        }
        long before = done.count();
        out.printf(Locale.ROOT, "  planned: driver heap %s%n", driverHeap());
        long missing = total - before;
        out.printf(Locale.ROOT, "  %,d already done, %,d to compute on %s (%d cores, %d partitions per chunk)%n",
            before, missing, spark.sparkContext().master(), cores, partitions);

        log.event("start", RunLog.fields("sweep", spec.name(), "specHash", hash, "points", total, "alreadyDone", before,
            "toCompute", missing, "master", spark.sparkContext().master(), "cores", cores, "engineVersion", Engine.version()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator computed = spark.sparkContext().longAccumulator("trajectories");
        DoubleAccumulator wallMs = spark.sparkContext().doubleAccumulator("trajectoryMillis");
        Broadcast<PointSpace> broadcast = jsc.broadcast(space);
        int chunks = 0;
        boolean stopped = false;
        double computeSeconds = 0;
        double[] firstChunk = {0, 0};
        try (Progress progress = new Progress(out, log, total, before, computed, options.progressIntervalMs())) {
            long cursor = 0;
            long chunkSize = spec.spark().chunk() != null ? spec.spark().chunk() : Math.max(8L * partitions, 16);
            while (missing > 0) {
                while (cursor < total && done.isDone(cursor)) { // skip what earlier runs did
                    cursor = done.blockFull(cursor) ? (cursor / DoneSet.BLOCK + 1) * DoneSet.BLOCK : cursor + 1;
                }
                if (cursor >= total) {
                    break;
                }
                if (lock.lost()) {
                    throw new OutputProblem("the lock of " + output.root() + " was broken by another run (--break-lock);"
                        + " stopped after " + chunks + " chunks");
                }
                if (options.stopAfterChunks() > 0 && chunks >= options.stopAfterChunks() || options.stopRequested().getAsBoolean()) {
                    stopped = true;
                    break;
                }
                long end = Math.min(total, cursor + chunkSize);
                end = Math.min(total, end + done.countIn(cursor, end));
                long chunkStart = System.nanoTime();
                long computedBefore = computed.value();
                double wallBefore = wallMs.value();
                writeChunk(spark, output, broadcast, done.slice(cursor, end), computed, wallMs, cursor, end,
                    partitions, spec);
                chunks++;
                double seconds = (System.nanoTime() - chunkStart) / 1e9;
                long chunkCount = computed.value() - computedBefore;
                progress.print(String.format(Locale.ROOT, "  [chunk %d: %,d in %.1f s; driver heap %s]", chunks, chunkCount,
                    seconds, driverHeap()), true);
                cursor = end;
                if (chunks == 1) {
                    firstChunk = new double[] {chunkCount, seconds};
                }
                if (spec.spark().chunk() == null && chunkCount > 0) {
                    // The first chunk carries Spark's start-up: size the next from the measured core time instead.
                    double ideal = 0.8 * cores * chunkCount / ((wallMs.value() - wallBefore) / 1000);
                    double rate = chunks == 1 ? Math.max(chunkCount / seconds, ideal) : chunkCount / seconds;
                    chunkSize = adaptChunk(rate, total - before - computed.value(), partitions);
                }
            }
            computeSeconds = progress.seconds();
        }
        long computedCount = computed.value();
        log.event("computed", RunLog.fields("computed", computedCount, "computeSeconds", computeSeconds,
            "coreSeconds", wallMs.value() / 1000, "cores", cores, "chunks", chunks, "stopped", stopped));
        if (computedCount > 0) {
            out.printf(Locale.ROOT, "computed %,d trajectories in %.1f s: %.1f traj/s on %d cores"
                    + " (%.1f ms of core time per trajectory, %.2f cores busy on average)%n",
                computedCount, computeSeconds, computedCount / computeSeconds, cores, wallMs.value() / computedCount,
                wallMs.value() / 1000 / computeSeconds);
            if (chunks > 1) {
                out.printf(Locale.ROOT, "  after the first chunk (which carries Spark's start-up): %.1f traj/s%n",
                    steady(computedCount, computeSeconds, chunks, firstChunk));
            }
        }
        if (stopped) {
            output.writeManifest(manifest.withProgress(false, before + computedCount, Instant.now().toString()));
            if (options.stopAfterChunks() > 0 && chunks >= options.stopAfterChunks()) {
                out.printf(Locale.ROOT, "stopped after %d chunks as asked: %,d of %,d points have rows; rerun to finish%n",
                    chunks, before + computedCount, total);
            }
            return new Result(output.root().toString(), total, before, computedCount, chunks, false, computeSeconds,
                wallMs.value(), (System.nanoTime() - t0) / 1e9, steady(computedCount, computeSeconds, chunks, firstChunk), null, null);
        }

        Adaptive.Outcome adaptive = null;
        long expected = total;
        if (spec.threshold().adaptive()) {
            adaptive = Adaptive.refine(spark, output, spec, space, partitions, out);
            expected = total + adaptive.refinedPoints();
        }
        long distinct = checkComplete(spark, output, spec, expected);
        long repeated = SeriesRows.compact(spark, output);
        if (repeated > 0) {
            out.printf(Locale.ROOT, "note: removed %d series rows written twice (a point recomputed after an interruption)%n",
                repeated);
        }
        out.println("aggregating ...");
        SweepAggregation.Tables tables = SweepAggregation.aggregate(spark, output, spec, spec.threshold(), true, true);
        output.writeManifest(manifest.withProgress(true, distinct, Instant.now().toString())
            .withAggregation(SweepAggregation.settings(spec.threshold()), Instant.now().toString()));
        SweepAggregation.report(out, tables, output);
        log.event("aggregated", RunLog.fields("trajectories", distinct, "plots", tables.plots().size(),
            "wallSeconds", (System.nanoTime() - t0) / 1e9));
        Report.write(output, spec, tables.probabilities(), tables.rc());
        out.println();
        out.print(Aggregates.table(tables.rc()));
        out.printf(Locale.ROOT, "%nresults in %s: %s (open it in a browser), trajectories/ probabilities/ rc/ %s plots/"
                + " (%d figures) %s %s %s%n", output.root(), Report.FILE, SweepOutput.SUMMARY, tables.plots().size(),
            SweepOutput.SPEC, SweepOutput.MANIFEST, RunLog.FILE);
        return new Result(output.root().toString(), total, before, computedCount, chunks, true, computeSeconds,
            wallMs.value(), (System.nanoTime() - t0) / 1e9, steady(computedCount, computeSeconds, chunks, firstChunk), tables, adaptive);
    }

    /**
     * The output's manifest for this run, after the checks that the output can take the spec: a new
     * output gets a fresh one; a lost or unreadable one is rebuilt from the data and {@code spec.yaml};
     * another spec is accepted only if it extends the output's ({@link SpecChange}). Then leftovers of
     * interrupted writes are removed and {@code spec.yaml} and the manifest written.
     */
    private static Manifest prepare(SparkSession spark, SweepSpec spec, SweepOutput output, PrintStream out) {
        String now = Instant.now().toString();
        Manifest manifest = output.manifest();
        SweepSpec previous = output.exists(SweepOutput.SPEC) ? SpecParser.parse(output.read(SweepOutput.SPEC),
            output.path(SweepOutput.SPEC).toString(), true) : null;
        if (manifest == null && previous != null && output.hasParquet(SweepOutput.TRAJECTORIES)) {
            OutputStatus found = OutputStatus.of(output, previous, null).requireSound();
            manifest = Manifest.rebuilt(previous, found, spark.version(), now);
            out.printf(Locale.ROOT, "note: %s was missing or unreadable; rebuilt from trajectories/ and %s (%s)%n",
                SweepOutput.MANIFEST, SweepOutput.SPEC, found.describe());
        } else if (manifest == null) {
            if (output.hasParquet(SweepOutput.TRAJECTORIES) || output.exists(SweepOutput.MANIFEST)) {
                throw new IllegalArgumentException(output.root() + " holds rows but no readable " + SweepOutput.MANIFEST
                    + " and no " + SweepOutput.SPEC + ": it cannot be checked against this spec; put the spec it was"
                    + " run with back as " + SweepOutput.SPEC + " and run `sweep repair " + output.root() + "`, or choose another output");
            }
            if (!output.isEmpty()) {
                throw new IllegalArgumentException(output.root() + " exists and is not a sweep output (no "
                    + SweepOutput.MANIFEST + "); choose another output");
            }
            manifest = Manifest.fresh(spec, spark.version(), now);
        }
        if (!spec.hash().equals(manifest.specHash())) {
            if (previous == null) {
                throw new IllegalArgumentException(output.root() + " holds sweep '" + manifest.name() + "' of another spec "
                    + "(spec hash " + shortHash(manifest.specHash()) + ", this spec " + shortHash(spec.hash())
                    + ") and no " + SweepOutput.SPEC + " to compare with; use another --output");
            }
            SpecChange.requireExtension(previous, spec, output.root().toString());
            out.printf(Locale.ROOT, "note: the spec extends the sweep in this output (%,d points before, %,d now): "
                + "existing rows are kept, only new points are computed%n", previous.trajectories(), spec.trajectories());
            manifest = manifest.withSpec(spec.name(), spec.hash(), spec.trajectories(),
                spec.setups().stream().map(SetupSpec::name).distinct().toList(), now);
        }
        if (!Engine.version().equals(manifest.engineVersion())) {
            // Not refused: the physics may be unchanged, and every row records its engineVersion.
            out.printf(Locale.ROOT, "note: this output was started by engine %s; rows computed now come from %s%n",
                manifest.engineVersion(), Engine.version());
        }
        for (String table : new String[] {SweepOutput.TRAJECTORIES, SweepOutput.SERIES}) {
            output.cleanStaging(table);
        }
        output.requireSoundTable(SweepOutput.SERIES);
        output.write(SweepOutput.SPEC, spec.toYaml());
        output.writeManifest(manifest.withProgress(false, manifest.trajectories(), now));
        return manifest;
    }

    /** Heap used / max of the driver JVM (the memory MXBean), e.g. "41 MB used of 512 MB". */
    static String driverHeap() {
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return String.format(Locale.ROOT, "%d MB used of %d MB", heap.getUsed() >> 20, heap.getMax() >> 20);
    }

    private static double steady(long computed, double seconds, int chunks, double[] first) {
        return chunks > 1 && seconds > first[1] ? (computed - first[0]) / (seconds - first[1]) : Double.NaN;
    }

    /**
     * Chunks of about 20-120 s (a fifteenth of the estimated time left), so progress and resume stay
     * fine-grained while a chunk's fixed cost (a Spark job, a Parquet writer per task, the commit:
     * about 0.3 s on 2 cores) stays small.
     */
    static long adaptChunk(double rate, long left, int partitions) {
        double targetSeconds = Math.max(20, Math.min(120, left / rate / 15));
        return Math.max(4L * partitions, Math.min(10_000_000L, Math.round(rate * targetSeconds)));
    }

    private static void writeChunk(SparkSession spark, SweepOutput output, Broadcast<PointSpace> space, DoneSet done,
                                   LongAccumulator computed, DoubleAccumulator wallMs, long start, long end,
                                   int partitions, SweepSpec spec) {
        int parts = (int) Math.max(1, Math.min(partitions, end - start));
        boolean series = spec.record() != null;
        TrajectoryRows table = TrajectoryRows.of(spec);
        Dataset<Row> rows = spark.range(start, end, 1, parts).mapPartitions(new ComputePartition(table, space, done, computed,
            wallMs), Encoders.row(series ? SeriesRows.chunk(table.schema()) : table.schema()));
        spark.sparkContext().setJobDescription("sweep " + spec.name() + " points " + start + ".." + end);
        if (!series) {
            append(output, spec, rows, table);
            return;
        }
        // Computed once, written twice: series first, since a trajectory row is what marks a point done.
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SeriesRows.append(output, cached, files(spec, partitions));
            append(output, spec, cached, table);
        } finally {
            cached.unpersist();
        }
    }

    private static int files(SweepSpec spec, int partitions) {
        long setupDims = spec.setups().stream().mapToLong(x -> x.dims(spec.grid()).size()).sum();
        return (int) Math.max(1, Math.min(setupDims, 2 * partitions));
    }

    /**
     * Appends computed rows to {@code trajectories/} (one Spark write job). Each computing task writes
     * its own rows, one file per (setup, d) it holds: a shuffle to fewer, larger files would serialise
     * every row once more and, with few (setup, d), leave the writing to one core after the computing.
     * Rows are not sorted (a file holds them in the balanced order): sorting cost ~3% of a fast sweep's
     * CPU, and readers sort or aggregate anyway. Each part carries the sweep identity ({@link PartIdentity}).
     */
    static void append(SweepOutput output, SweepSpec spec, Dataset<Row> rows, TrajectoryRows table) {
        DataFrameWriter<Row> writer = PartIdentity.tag(rows.select(table.columns()), spec).write().mode(SaveMode.Append)
            .partitionBy(TrajectoryRows.PARTITIONS);
        for (String column : table.perTrajectory()) {
            writer = writer.option("parquet.enable.dictionary#" + column, "false");
        }
        writer.parquet(output.uri(SweepOutput.TRAJECTORIES));
    }

    /**
     * Which positions already have rows: joins the ids of the whole grid (computed on executors)
     * with the ids found in {@code trajectories/}, and collects only per-block counts and the
     * positions in partly done blocks. Refuses rows whose ids are not in the grid.
     */
    static DoneSet detectDone(SparkSession spark, SweepOutput output, PointSpace space, int partitions) {
        long total = space.size();
        // Rows of adaptive refinement rounds (round > 0) are not grid points: Adaptive resumes those.
        Dataset<Row> ids = TrajectoryRows.read(spark, output.uri(SweepOutput.TRAJECTORIES), false)
            .filter(col("round").equalTo(0)).select("pointId").distinct().cache();
        try {
            long existing = ids.count();
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<PointSpace> b = jsc.broadcast(space);
            StructType schema = new StructType()
                .add("position", DataTypes.LongType, false).add("pointId", DataTypes.StringType, false);
            MapPartitionsFunction<Long, Row> toIds = (Iterator<Long> it) -> {
                PointSpace s = b.value();
                return new Iterator<Row>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Row next() {
                        long p = it.next();
                        return RowFactory.create(p, s.pointAt(p).pointId());
                    }
                };
            };
            Dataset<Row> matched = spark.range(0, total, 1, Math.max(partitions, (int) Math.min(4096, total / 100_000 + 1)))
                .mapPartitions(toIds, Encoders.row(schema))
                .join(ids, "pointId")
                .select(col("position"), expr("position div " + DoneSet.BLOCK).as("block"))
                .cache();
            try {
                long found = matched.count();
                if (found < existing) {
                    throw new IllegalArgumentException(output.uri(SweepOutput.TRAJECTORIES) + " holds " + (existing - found)
                        + " point ids that are not in this spec's grid: it mixes sweeps; use another output");
                }
                BitSet full = new BitSet();
                List<Long> partialBlocks = new ArrayList<>();
                for (Row r : matched.groupBy("block").count().collectAsList()) {
                    long block = r.getLong(0);
                    long size = Math.min(DoneSet.BLOCK, total - block * DoneSet.BLOCK);
                    if (r.getLong(1) == size) {
                        full.set(Math.toIntExact(block));
                    } else {
                        partialBlocks.add(block);
                    }
                }
                long[] positions = partialBlocks.isEmpty() ? new long[0]
                    : matched.filter(col("block").isin(partialBlocks.toArray())).select("position")
                        .as(Encoders.LONG()).collectAsList().stream().mapToLong(Long::longValue).toArray();
                return new DoneSet(full, positions, found);
            } finally {
                matched.unpersist();
            }
        } finally {
            ids.unpersist();
        }
    }

    /**
     * Checks that every point has a row; if a row was written twice (only possible when two runs
     * wrote the same output at once), rewrites the table with one row per point.
     */
    private static long checkComplete(SparkSession spark, SweepOutput output, SweepSpec spec, long total) {
        Dataset<Row> raw = TrajectoryRows.read(spark, output.uri(SweepOutput.TRAJECTORIES), false);
        long rows = raw.count();
        long distinct = raw.select("pointId").distinct().count();
        if (distinct != total) {
            throw new IllegalStateException(output.uri(SweepOutput.TRAJECTORIES) + " has rows for " + distinct
                + " points after the run, expected " + total);
        }
        if (rows > distinct) {
            String tmp = SweepOutput.TRAJECTORIES + "-dedup";
            output.delete(tmp);
            PartIdentity.tag(raw.dropDuplicates(new String[] {"pointId"}), spec).repartition(col("setup"), col("d"))
                .sortWithinPartitions(SORT[0], java.util.Arrays.copyOfRange(SORT, 1, SORT.length))
                .write().mode(SaveMode.Overwrite).partitionBy(TrajectoryRows.PARTITIONS).parquet(output.uri(tmp));
            output.rename(SweepOutput.TRAJECTORIES, SweepOutput.TRAJECTORIES + "-old");
            output.rename(tmp, SweepOutput.TRAJECTORIES);
            output.delete(SweepOutput.TRAJECTORIES + "-old");
            System.err.printf("note: removed %d duplicate rows from %s%n", rows - distinct, output.uri(SweepOutput.TRAJECTORIES));
        }
        return distinct;
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

    static String shortHash(String hash) {
        return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
    }
}
