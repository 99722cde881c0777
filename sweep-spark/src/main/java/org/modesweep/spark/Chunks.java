package org.modesweep.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The third step of a run: the points without rows, chunk after chunk. A chunk is a range of positions
 * of the balanced order ({@link PointSpace#indexAt}) spread over the plan's partitions and sized by
 * {@link ChunkSize}; executors expand positions to points from the broadcast {@link PointSpace} and skip
 * those with rows. Each chunk is one Spark write job (append, committed by Spark's output committer), so
 * an interrupted sweep loses at most the chunk in flight.
 */
final class Chunks {
    private Chunks() {
    }

    /**
     * Computes what {@code resume} leaves, stopping between chunks when {@code options} ask.
     *
     * @throws OutputProblem if another run broke {@code lock}
     */
    static Computation compute(SparkSession spark, RunPlan plan, Resume resume, SweepRunner.Options options,
                               OutputLock lock, SweepListener listener) {
        long total = plan.total();
        DoneSet done = resume.done();
        LongAccumulator computed = spark.sparkContext().longAccumulator("trajectories");
        DoubleAccumulator wallMs = spark.sparkContext().doubleAccumulator("trajectoryMillis");
        Broadcast<PointSpace> space = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(plan.space());
        ChunkSize sizing = ChunkSize.of(plan, options.estimatedRate());
        int chunks = 0;
        Computation.Stop stop = Computation.Stop.NONE;
        try (Progress progress = new Progress(listener, total, resume.alreadyDone(), computed, wallMs, plan.cores(),
            options.estimatedRate(), options.progressIntervalMs())) {
            long size = sizing.first(resume.toCompute());
            long cursor = 0;
            while (resume.toCompute() > 0 && (cursor = done.nextMissing(cursor, total)) < total) {
                if (lock.lost()) {
                    throw new OutputProblem("the lock of " + plan.output().root() + " was broken by another run (--break-lock);"
                        + " stopped after " + chunks + " chunks");
                }
                stop = options.stopAfterChunks() > 0 && chunks >= options.stopAfterChunks() ? Computation.Stop.AFTER_CHUNKS
                    : options.stopRequested().getAsBoolean() ? Computation.Stop.REQUESTED : Computation.Stop.NONE;
                if (stop != Computation.Stop.NONE) {
                    break;
                }
                long end = Math.min(total, cursor + size);
                end = Math.min(total, end + done.countIn(cursor, end));
                long chunkStart = System.nanoTime();
                long countBefore = computed.value();
                double wallBefore = wallMs.value();
                write(spark, plan, space, done.slice(cursor, end), computed, wallMs, cursor, end);
                chunks++;
                double seconds = (System.nanoTime() - chunkStart) / 1e9;
                long count = computed.value() - countBefore;
                progress.chunkDone(chunks, count, seconds);
                size = sizing.next(size, chunks, count, seconds, (wallMs.value() - wallBefore) / 1000,
                    resume.toCompute() - computed.value());
                cursor = end;
            }
            return new Computation(resume.alreadyDone() + computed.value(), computed.value(), progress.seconds(),
                wallMs.value(), chunks, progress.firstChunkCount(), progress.firstChunkSeconds(), stop);
        }
    }

    private static void write(SparkSession spark, RunPlan plan, Broadcast<PointSpace> space, DoneSet done,
                              LongAccumulator computed, DoubleAccumulator wallMs, long start, long end) {
        SweepSpec spec = plan.spec();
        int parts = (int) Math.max(1, Math.min(plan.partitions(), end - start));
        boolean series = spec.record() != null;
        TrajectoryRows table = TrajectoryRows.of(spec);
        // One slot per task, the chunk's range in the function: Spark's generated code for range(start, end) holds its
        // bounds as literals, so every chunk compiled new classes that the JIT then recompiled (seconds per chunk).
        Dataset<Row> rows = spark.range(0, parts, 1, parts).mapPartitions(new ComputePartition(table, space, done, computed,
            wallMs, start, end, parts), Encoders.row(series ? SeriesRows.chunk(table.schema()) : table.schema()));
        spark.sparkContext().setJobDescription("sweep " + spec.name() + " points " + start + ".." + end);
        if (!series) {
            append(plan.output(), spec, rows, table);
            return;
        }
        // Computed once, written twice: series first, since a trajectory row is what marks a point done.
        Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SeriesRows.append(plan.output(), cached, files(spec, plan.partitions()));
            append(plan.output(), spec, cached, table);
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
     * CPU, and readers sort or aggregate anyway. Parts are not compressed: Snappy saves 4% on these columns
     * (mostly doubles) but a compressor per column and file made Parquet 13% of the default sweep's CPU while
     * computing (7% without); a finished sweep's compaction rewrites small parts compressed (large ones stay). Each part carries
     * the sweep identity ({@link PartIdentity}).
     */
    static void append(SweepOutput output, SweepSpec spec, Dataset<Row> rows, TrajectoryRows table) {
        DataFrameWriter<Row> writer = PartIdentity.tag(rows.select(table.columns()), spec).write().mode(SaveMode.Append)
            .partitionBy(TrajectoryRows.PARTITIONS).option("compression", "uncompressed");
        for (String column : table.perTrajectory()) {
            writer = writer.option("parquet.enable.dictionary#" + column, "false");
        }
        writer.parquet(output.uri(SweepOutput.TRAJECTORIES));
    }
}
