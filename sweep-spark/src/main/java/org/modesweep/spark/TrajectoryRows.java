package org.modesweep.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.modesweep.core.Engine;
import org.modesweep.core.Outcome;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.Recorder;
import org.modesweep.core.Run;
import org.modesweep.core.Setup;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The {@code trajectories/} table: one row per trajectory, columns named after THEORY.md.
 * Written partitioned by {@code setup} and {@code d}.
 *
 * <ul>
 * <li>coordinates: {@code pointId, setup, R, d, wStar, seedIndex, seed}, explicit start axes
 *     {@code startM1, startM2, startS} (null for random starts);</li>
 * <li>setup: {@code init, dynamics} (canonical descriptions), {@code dynamicsType, weights, a0};</li>
 * <li>start: normalised overlaps {@code m1_0, m2_0, q11_0, q22_0, q12_0, a_0} ({@code M/R²},
 *     {@code Q/R²}) and the cosine between the means {@code s_0};</li>
 * <li>result: {@code outcome, collapse, mode, converged, tFinal, plateauTime}, the final state
 *     {@code m1, m2, q11, q22, q12, a, w1, w2}, {@code kl}, {@code cost} (right-hand-side
 *     evaluations or steps), {@code error};</li>
 * <li>bookkeeping: thresholds {@code weightEps, alignCos, klTol}, {@code engineVersion},
 *     {@code round} (adaptive refinement round: 0 for grid points), {@code wallMs} (wall time of the run);</li>
 * <li>realnvp (null for the other dynamics): the flow's mass on the {@code +μ*} side of {@code x·μ* = 0}
 *     {@code massPlus}, its mean projection {@code meanProj = E_q[x]·μ* / R}, and its classification
 *     thresholds {@code coverTol, collapseFrac}. A realnvp row has no overlaps, weights, init or
 *     {@code a0} (null), {@code kl} is the flow's KL estimate, {@code tFinal} and {@code cost} its steps.</li>
 * </ul>
 */
public final class TrajectoryRows {

    public static final StructType SCHEMA = new StructType(new StructField[] {
        field("pointId", StringType, false),
        field("setup", StringType, false),
        field("R", DoubleType, false),
        field("d", LongType, false),
        field("wStar", DoubleType, false),
        field("seedIndex", IntegerType, false),
        field("seed", LongType, false),
        field("startM1", DoubleType, true),
        field("startM2", DoubleType, true),
        field("startS", DoubleType, true),
        field("init", StringType, true),
        field("dynamics", StringType, true),
        field("dynamicsType", StringType, true),
        field("weights", StringType, true),
        field("a0", DoubleType, true),
        field("m1_0", DoubleType, true),
        field("m2_0", DoubleType, true),
        field("q11_0", DoubleType, true),
        field("q22_0", DoubleType, true),
        field("q12_0", DoubleType, true),
        field("a_0", DoubleType, true),
        field("s_0", DoubleType, true),
        field("outcome", StringType, false),
        field("collapse", BooleanType, false),
        field("mode", IntegerType, false),
        field("converged", BooleanType, false),
        field("tFinal", DoubleType, true),
        field("plateauTime", DoubleType, true),
        field("m1", DoubleType, true),
        field("m2", DoubleType, true),
        field("q11", DoubleType, true),
        field("q22", DoubleType, true),
        field("q12", DoubleType, true),
        field("a", DoubleType, true),
        field("w1", DoubleType, true),
        field("w2", DoubleType, true),
        field("kl", DoubleType, true),
        field("cost", LongType, true),
        field("error", StringType, true),
        field("weightEps", DoubleType, false),
        field("alignCos", DoubleType, false),
        field("klTol", DoubleType, false),
        field("engineVersion", StringType, false),
        field("round", IntegerType, false),
        field("wallMs", DoubleType, true),
        field("massPlus", DoubleType, true),
        field("meanProj", DoubleType, true),
        field("coverTol", DoubleType, true),
        field("collapseFrac", DoubleType, true),
    });

    /** Partition columns of {@code trajectories/}, in folder order. */
    public static final String[] PARTITIONS = {"setup", "d"};

    /**
     * Columns that differ from trajectory to trajectory: Parquet's dictionary encoding only costs
     * there (the dictionary fills up, then falls back to plain), about 5% of a fast sweep's time.
     */
    static final String[] PER_TRAJECTORY = {"pointId", "seedIndex", "seed", "m1_0", "m2_0", "q11_0", "q22_0", "q12_0", "s_0", "tFinal",
        "plateauTime", "m1", "m2", "q11", "q22", "q12", "a", "w1", "w2", "kl", "cost", "wallMs", "massPlus", "meanProj"};

    private TrajectoryRows() {
    }

    static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** Runs a point and returns its row; a run that throws becomes a {@code FAILED} row with the message. */
    public static Row compute(PointSpace space, GridPoint p) {
        return compute(space, p, 0);
    }

    /** {@link #compute(PointSpace, GridPoint)} for a point of an adaptive refinement round (the {@code round} column). */
    public static Row compute(PointSpace space, GridPoint p, int round) {
        return compute(space, p, round, Recorder.NONE);
    }

    /** {@link #compute(PointSpace, GridPoint, int)}, handing the states over time to {@code recorder}. */
    static Row compute(PointSpace space, GridPoint p, int round, Recorder recorder) {
        long t0 = System.nanoTime();
        Setup setup = null;
        try {
            setup = space.setup(p);
            Trajectory t = space.run(p, recorder);
            return row(space.spec(), p, setup, t, round, (System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            return failed(space.spec(), p, setup, e, round, (System.nanoTime() - t0) / 1e6);
        }
    }

    static Row row(SweepSpec spec, GridPoint p, Setup setup, Trajectory t, int round, double wallMs) {
        if (setup.dynamics() instanceof RealNvpDynamics nvp) {
            return flowRow(spec, p, nvp, t, round, wallMs);
        }
        State s0 = t.start();
        Run run = t.run();
        State y = run.end();
        Outcome outcome = t.classification().outcome();
        return RowFactory.create(p.pointId(), p.setup(), p.R(), p.d(), p.wStar(), p.seedIndex(), p.seed(),
            startM1(p), startM2(p), startS(p),
            setup.init().describe(), setup.dynamics().describe(), setup.dynamics().type(),
            setup.weights().label(), setup.a0(),
            s0.m1(), s0.m2(), s0.q11(), s0.q22(), s0.q12(), s0.a(), s0.q12() / Math.sqrt(s0.q11() * s0.q22()),
            outcome.name(), outcome.isCollapse(), t.classification().mode(), run.converged(), run.tFinal(),
            run.plateauTime(), y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), y.a(), y.w1(), y.w2(), t.kl(),
            run.cost(), run.error(),
            spec.classify().weightEps(), spec.classify().alignCos(), spec.classify().klTol(),
            Engine.version(), round, wallMs, null, null, null, null);
    }

    private static Row flowRow(SweepSpec spec, GridPoint p, RealNvpDynamics nvp, Trajectory t, int round, double wallMs) {
        Run run = t.run();
        Outcome outcome = t.classification().outcome();
        FlowMeasure end = t.flow().end();
        return RowFactory.create(p.pointId(), p.setup(), p.R(), p.d(), p.wStar(), p.seedIndex(), p.seed(),
            null, null, null, null, nvp.describe(), nvp.type(), null, null,
            null, null, null, null, null, null, null,
            outcome.name(), outcome.isCollapse(), t.classification().mode(), run.converged(), run.tFinal(), null,
            null, null, null, null, null, null, null, null, t.kl(), run.cost(), run.error(),
            spec.classify().weightEps(), spec.classify().alignCos(), spec.classify().klTol(),
            Engine.version(), round, wallMs, end.massPlus(), end.meanProj(), nvp.coverTol(), nvp.collapseFrac());
    }

    static Row failed(SweepSpec spec, GridPoint p, Setup setup, RuntimeException e, int round, double wallMs) {
        double nan = Double.NaN;
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return RowFactory.create(p.pointId(), p.setup(), p.R(), p.d(), p.wStar(), p.seedIndex(), p.seed(),
            startM1(p), startM2(p), startS(p),
            setup == null || setup.weights() == null ? null : setup.init().describe(),
            setup == null ? null : setup.dynamics().describe(),
            setup == null ? null : setup.dynamics().type(),
            setup == null || setup.weights() == null ? null : setup.weights().label(),
            setup == null ? null : setup.a0(),
            nan, nan, nan, nan, nan, nan, nan,
            Outcome.FAILED.name(), false, 0, false, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
            0L, message,
            spec.classify().weightEps(), spec.classify().alignCos(), spec.classify().klTol(),
            Engine.version(), round, wallMs, null, null,
            setup != null && setup.dynamics() instanceof RealNvpDynamics n ? n.coverTol() : null,
            setup != null && setup.dynamics() instanceof RealNvpDynamics n ? n.collapseFrac() : null);
    }

    private static Double startM1(GridPoint p) {
        return p.start() == null ? null : p.start().m1();
    }

    private static Double startM2(GridPoint p) {
        return p.start() == null ? null : p.start().m2();
    }

    private static Double startS(GridPoint p) {
        return p.start() == null ? null : p.start().s();
    }

    /** Column objects in schema order. */
    static Column[] columns() {
        return Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
    }

    /**
     * Reads {@code trajectories/} with the explicit schema (so {@code d} is a long whatever the
     * folder names look like), columns in schema order; {@code dedupe} keeps one row per
     * {@code pointId} (rows are pure functions of their point, so any copy is the same row).
     */
    public static Dataset<Row> read(SparkSession spark, String path, boolean dedupe) {
        Dataset<Row> df = spark.read().schema(SCHEMA).parquet(path).select(columns());
        return dedupe ? df.dropDuplicates(new String[] {"pointId"}) : df;
    }
}
