package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The step after computing: every point has exactly one row. A row can be written twice only when two
 * runs wrote the same output at once (or a series row, when a run was killed between a chunk's two
 * writes); readers deduplicate anyway, and a completed run rewrites the tables once without the copies.
 */
final class Deduplication {
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
        long rows = raw.count();
        long distinct = raw.select("pointId").distinct().count();
        if (distinct != expected) {
            throw new IllegalStateException(output.uri(SweepOutput.TRAJECTORIES) + " has rows for " + distinct
                + " points after the run, expected " + expected);
        }
        if (rows > distinct) {
            String tmp = SweepOutput.TRAJECTORIES + "-dedup";
            output.delete(tmp);
            PartIdentity.tag(raw.dropDuplicates(new String[] {"pointId"}), plan.spec()).repartition(col("setup"), col("d"))
                .sortWithinPartitions("setup", "d", "wStar", "R", "startM1", "startM2", "startS", "seedIndex")
                .write().mode(SaveMode.Overwrite).partitionBy(TrajectoryRows.PARTITIONS).parquet(output.uri(tmp));
            output.rename(SweepOutput.TRAJECTORIES, SweepOutput.TRAJECTORIES + "-old");
            output.rename(tmp, SweepOutput.TRAJECTORIES);
            output.delete(SweepOutput.TRAJECTORIES + "-old");
            listener.message(String.format(Locale.ROOT, "note: removed %d duplicate rows from %s", rows - distinct,
                output.uri(SweepOutput.TRAJECTORIES)));
        }
        long repeated = SeriesRows.compact(spark, output);
        if (repeated > 0) {
            listener.message(String.format(Locale.ROOT, "note: removed %d series rows written twice (a point recomputed"
                + " after an interruption)", repeated));
        }
        return distinct;
    }
}
