package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.modesweep.spark.TrajectoryRows.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.modesweep.core.Recorder;
import org.modesweep.core.State;

/**
 * The {@code series/} table: the recorded states of the trajectories that {@code record} selects, one
 * row per (point, time), partitioned like {@code trajectories/} by {@code setup} and {@code d}.
 * Columns: {@code pointId, setup, R, d, wStar, seedIndex} (as in {@code trajectories/}), {@code t} and
 * the normalised state {@code m1, m2, q11, q22, q12, a, w1, w2}.
 *
 * <p>A chunk computes each trajectory once and writes its series before its trajectory rows: a point
 * counts as done only once its row exists, so a run killed between the two writes recomputes the
 * point and appends its series again. Readers therefore deduplicate on {@code (pointId, t)}, and a
 * completed run compacts the table.
 */
public final class SeriesRows {
    /** The recorded state at one time, as held in a chunk's rows before they are split into the two tables. */
    static final StructType SAMPLE = new StructType(new StructField[] {
        field("t", DoubleType, false),
        field("m1", DoubleType, true),
        field("m2", DoubleType, true),
        field("q11", DoubleType, true),
        field("q22", DoubleType, true),
        field("q12", DoubleType, true),
        field("a", DoubleType, true),
        field("w1", DoubleType, true),
        field("w2", DoubleType, true),
    });
    private static final String[] KEY = {"pointId", "setup", "R", "d", "wStar", "seedIndex"};
    public static final StructType SCHEMA = new StructType(Stream.concat(
        Arrays.stream(KEY).map(k -> TrajectoryRows.SCHEMA.apply(k)), Arrays.stream(SAMPLE.fields()))
        .toArray(StructField[]::new));
    /** The column of a chunk's rows that carries the series (empty when the point is not recorded). */
    static final String COLUMN = "series";
    /** The rows a chunk computes when the spec records series: a trajectory row plus its series. */
    static StructType chunk(StructType trajectories) {
        return trajectories.add(field(COLUMN, DataTypes.createArrayType(SAMPLE, false), false));
    }

    private SeriesRows() {
    }

    /** Collects the states a trajectory reports, as {@link #SAMPLE} rows. */
    static final class Collector implements Recorder {
        private final double every;
        private final List<Row> samples = new ArrayList<>();

        Collector(double every) {
            this.every = every;
        }

        @Override
        public double every() {
            return every;
        }

        @Override
        public void record(double t, State y) {
            samples.add(RowFactory.create(t, y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), y.a(), y.w1(), y.w2()));
        }

        List<Row> samples() {
            return samples;
        }
    }

    /** A chunk row: the trajectory row's values followed by the series. */
    static Row withSeries(Row trajectory, List<Row> series) {
        Object[] values = new Object[trajectory.length() + 1];
        for (int i = 0; i < trajectory.length(); i++) {
            values[i] = trajectory.get(i);
        }
        values[trajectory.length()] = series.toArray();
        return RowFactory.create(values);
    }

    /** Appends the series of a chunk's rows ({@link #chunk}) to {@code series/} (one Spark write job). */
    static void append(SweepOutput output, Dataset<Row> chunk, int files) {
        Column[] key = Arrays.stream(KEY).map(k -> col(k)).toArray(Column[]::new);
        Column[] flat = Stream.concat(Arrays.stream(KEY).map(k -> col(k)),
            Arrays.stream(SAMPLE.fieldNames()).map(f -> col("s." + f).as(f))).toArray(Column[]::new);
        chunk.filter(size(col(COLUMN)).gt(0))
            .select(Stream.concat(Arrays.stream(key), Stream.of(explode(col(COLUMN)).as("s"))).toArray(Column[]::new))
            .select(flat)
            .repartition(files, col("setup"), col("d"))
            .sortWithinPartitions("setup", "d", "R", "wStar", "seedIndex", "pointId", "t")
            .write().mode(SaveMode.Append).partitionBy(TrajectoryRows.PARTITIONS)
            .parquet(output.uri(SweepOutput.SERIES));
    }

    /** Reads {@code series/} with the explicit schema; {@code dedupe} keeps one row per {@code (pointId, t)}. */
    public static Dataset<Row> read(SparkSession spark, String path, boolean dedupe) {
        Dataset<Row> df = spark.read().schema(SCHEMA).parquet(path)
            .select(Arrays.stream(SCHEMA.fieldNames()).map(f -> col(f)).toArray(Column[]::new));
        return dedupe ? df.dropDuplicates(new String[] {"pointId", "t"}) : df;
    }

    /** Rewrites {@code series/} without duplicate (pointId, t) rows if it has any; returns how many were removed. */
    static long compact(SparkSession spark, SweepOutput output) {
        if (!output.hasParquet(SweepOutput.SERIES)) {
            return 0;
        }
        Dataset<Row> raw = read(spark, output.uri(SweepOutput.SERIES), false);
        long rows = raw.count();
        long distinct = raw.select("pointId", "t").distinct().count();
        if (rows == distinct) {
            return 0;
        }
        String tmp = SweepOutput.SERIES + "-dedup";
        output.delete(tmp);
        read(spark, output.uri(SweepOutput.SERIES), true).repartition(col("setup"), col("d"))
            .sortWithinPartitions("setup", "d", "R", "wStar", "seedIndex", "pointId", "t")
            .write().mode(SaveMode.Overwrite).partitionBy(TrajectoryRows.PARTITIONS).parquet(output.uri(tmp));
        output.replace(SweepOutput.SERIES, tmp);
        return rows - distinct;
    }
}
