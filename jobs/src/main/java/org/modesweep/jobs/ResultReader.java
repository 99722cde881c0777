package org.modesweep.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;
import org.modesweep.spark.ExistingSweep;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepAggregation;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.TrajectoryRows;

/**
 * An existing sweep and its tables, read by DuckDB in this JVM or by Spark (see {@link TableEngine}): the
 * commands that look at results are written once against this.
 */
final class ResultReader implements AutoCloseable {
    private final ExistingSweep sweep;
    private final LocalTables db;
    private final SparkSession spark;

    private ResultReader(ExistingSweep sweep, LocalTables db, SparkSession spark) {
        this.sweep = sweep;
        this.db = db;
        this.spark = spark;
    }

    /** Opens the sweep at {@code path} with DuckDB when the engine allows and Spark is not {@code needsSpark}. */
    static ResultReader open(TableEngine engine, String path, String name, boolean needsSpark) {
        if (!needsSpark && engine.duckdb(path)) {
            LocalTables db = LocalTables.open();
            try {
                return new ResultReader(ExistingSweep.open(TableEngine.output(path), db.footers()), db, null);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        SparkSession spark = Sessions.open(name, engine.master, "local[*]", false);
        try {
            return new ResultReader(ExistingSweep.open(spark.sparkContext().hadoopConfiguration(), path), null, spark);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    ExistingSweep sweep() {
        return sweep;
    }

    SweepOutput output() {
        return sweep.output();
    }

    /** The Spark session, or null when DuckDB reads. */
    SparkSession spark() {
        return spark;
    }

    boolean hasSavedTables() {
        return output().hasParquet(SweepOutput.PROBABILITIES) && output().hasParquet(SweepOutput.RC);
    }

    /** The saved {@code probabilities/}. */
    List<Probability> probabilities() {
        return db != null ? db.readProbabilities(output()) : Aggregates.readProbabilities(spark, output().uri(SweepOutput.PROBABILITIES));
    }

    /** The saved {@code rc/}. */
    List<RcRow> rc() {
        return db != null ? db.readRc(output()) : Aggregates.readRc(spark, output().uri(SweepOutput.RC));
    }

    /** Probabilities counted from {@code trajectories/} (deduplicated), setups in spec order. */
    List<Probability> aggregate(double confidence) {
        List<String> order = SweepAggregation.setupOrder(sweep.spec());
        List<String> axes = sweep.spec().axisNames();
        return db != null ? db.probabilities(output(), axes, confidence, order)
            : Aggregates.probabilities(TrajectoryRows.read(spark, output().uri(SweepOutput.TRAJECTORIES), true), axes,
                confidence, order);
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }
}
