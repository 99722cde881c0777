package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The step after computing: every point has exactly one row. A row can be written twice only when two
 * runs wrote the same output at once (or a series row, when a run was killed between a chunk's two
 * writes); readers deduplicate anyway, and a completed run rewrites the tables once without the copies,
 * and {@code trajectories/} as one file per (setup, d) when the chunks left it in many small files.
 */
final class Deduplication {
    /** Below this many rows per file on average, a finished table is rewritten as one file per (setup, d). */
    static final long ROWS_PER_FILE = 100_000;

    private Deduplication() {
    }

    /**
     * Checks that {@code trajectories/} has rows for {@code expected} points, removes copies there and
     * in {@code series/}, and returns the number of points.
     *
     * @throws IllegalStateException if points are missing
     */
    static long oneRowPerPoint(SparkSession spark, RunPlan plan, long expected, SweepListener listener) {
        SweepOutput output = plan.output();
        Dataset<Row> raw = TrajectoryRows.read(spark, output.uri(SweepOutput.TRAJECTORIES), false);
        Row counts = raw.agg(count(lit(1)), countDistinct(col("pointId")), countDistinct(col("setup"), col("d"))).first();
        long rows = counts.getLong(0);
        long distinct = counts.getLong(1);
        long groups = counts.getLong(2);
        if (distinct != expected) {
            throw new IllegalStateException(output.uri(SweepOutput.TRAJECTORIES) + " has rows for " + distinct
                + " points after the run, expected " + expected);
        }
        int files = raw.inputFiles().length;
        // Chunks append a file per task and (setup, d): hundreds of small files, whose footers readers
        // (show, rc, plot, Python) then open one by one. A finished sweep keeps one file per (setup, d).
        boolean fragmented = files > 2 * groups && rows < (long) files * ROWS_PER_FILE;
        if (rows > distinct || fragmented) {
            String tmp = SweepOutput.TRAJECTORIES + "-dedup";
            output.delete(tmp);
            // Deduplicating keeps the first of every column per point, an aggregation that costs more than the
            // rewrite itself: only when there are copies.
            Dataset<Row> once = rows > distinct ? raw.dropDuplicates(new String[] {"pointId"}) : raw;
            // the columns' units and descriptions (read back without them) go into the new footers as in the first write
            Dataset<Row> described = once.select(TrajectoryRows.of(plan.spec()).columns());
            PartIdentity.tag(described, plan.spec()).repartition(col("setup"), col("d"))
                .sortWithinPartitions("setup", "d", "wStar", "R", "startM1", "startM2", "startS", "seedIndex")
                .write().mode(SaveMode.Overwrite).partitionBy(TrajectoryRows.PARTITIONS).parquet(output.uri(tmp));
            output.replace(SweepOutput.TRAJECTORIES, tmp);
            listener.message(rows > distinct
                ? String.format(Locale.ROOT, "note: removed %d duplicate rows from %s", rows - distinct,
                    output.uri(SweepOutput.TRAJECTORIES))
                : String.format(Locale.ROOT, "compacted %s: %,d files into %,d (one per setup and d)",
                    SweepOutput.TRAJECTORIES, files, groups));
        }
        long repeated = SeriesRows.compact(spark, output);
        if (repeated > 0) {
            listener.message(String.format(Locale.ROOT, "note: removed %d series rows written twice (a point recomputed"
                + " after an interruption)", repeated));
        }
        return distinct;
    }
}
