package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.modesweep.core.sweep.PointSpace;

/** The second step of a run: which of the grid's {@code total} points earlier runs gave rows ({@code done}). */
public record Resume(DoneSet done, long total) {

    public long alreadyDone() {
        return done.count();
    }

    public long toCompute() {
        return total - done.count();
    }

    /** What the output holds of the plan's grid: nothing, everything (as the last run counted), or looked up. */
    static Resume detect(SparkSession spark, RunPlan plan) {
        long total = plan.total();
        OutputStatus status = plan.status();
        Manifest manifest = plan.manifest();
        if (status.complete() && manifest.completed() && manifest.trajectories() == status.rows()) {
            return new Resume(DoneSet.all(total), total); // the last run counted distinct ids: nothing to look up
        }
        return new Resume(status.rows() > 0 ? lookUp(spark, plan.output(), plan.space(), plan.partitions()) : DoneSet.NONE,
            total);
    }

    /**
     * Which positions already have rows: joins the ids of the whole grid (computed on executors)
     * with the ids found in {@code trajectories/}, and collects only per-block counts and the
     * positions in partly done blocks. Refuses rows whose ids are not in the grid.
     */
    private static DoneSet lookUp(SparkSession spark, SweepOutput output, PointSpace space, int partitions) {
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
}
