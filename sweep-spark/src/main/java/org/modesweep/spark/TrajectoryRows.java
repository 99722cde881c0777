package org.modesweep.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.modesweep.core.Engine;
import org.modesweep.core.Mixture;
import org.modesweep.core.Outcome;
import org.modesweep.core.Overlaps;
import org.modesweep.core.Recorder;
import org.modesweep.core.Setup;
import org.modesweep.core.SideMassRule;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The {@code trajectories/} table: one row per trajectory, columns named after THEORY.md, each
 * declared once in {@link #FIXED} (name, type, unit, description, value; the unit and description
 * travel in the Parquet footer's Spark schema), then a spec's own columns ({@link #of}).
 * Written partitioned by {@code setup} and {@code d}. A run that threw is a {@code FAILED} row with
 * NaN results and its message in {@code error}.
 *
 * <ul>
 * <li>coordinates: {@code pointId, setup, R, d, wStar, seedIndex, seed}, explicit start axes
 *     {@code startM1, startM2, startS} (null for random starts);</li>
 * <li>setup: {@code init, dynamics} (canonical descriptions), {@code dynamicsType, weights, a0}, and the
 *     annealing schedule {@code schedule, beta0, tau} (THEORY §9; {@code none, 1, 0} without annealing: the
 *     schedule that is at {@code β = 1} from the start);</li>
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
 * <li>swept setup keys ({@link org.modesweep.core.sweep.Axis}): one column per key a setup sweeps ({@code eta},
 *     {@code batch}, {@code r0}, ...), after the others, holding the row's value (null for a setup without that
 *     key); a key that is a column already ({@code a0}) is not repeated.</li>
 * </ul>
 */
public final class TrajectoryRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double NAN = Double.NaN;
    private static final String OVERLAP = "1 (normalised by R^2)";

    /** The fixed columns, in order: the one declaration of the table (see the class comment). */
    public static final List<TrajectoryColumn> FIXED = List.of(
        col("pointId", StringType, false, "", "identity of the grid point: a hash of setup, R, d, wStar, start and seed index", true,
            c -> c.point().pointId()),
        col("setup", StringType, false, "", "setup name (partition column)", false, c -> c.point().setup()),
        col("R", DoubleType, false, "1", "separation |mu*| of the target's means", false, c -> c.point().R()),
        col("d", LongType, false, "1", "dimension (partition column)", false, c -> c.point().d()),
        col("wStar", DoubleType, false, "1", "target weight w* of the +mu* mode", false, c -> c.point().wStar()),
        col("seedIndex", IntegerType, false, "", "index of the start among the point's seeds", true, c -> c.point().seedIndex()),
        col("seed", LongType, false, "", "seed of the trajectory's generator, derived from the point's identity", true,
            c -> c.point().seed()),
        col("startM1", DoubleType, true, "1", "explicit start: cosine of mu1 with mu* (null for random starts)", false,
            c -> c.point().start() == null ? null : c.point().start().m1()),
        col("startM2", DoubleType, true, "1", "explicit start: cosine of mu2 with mu* (null for random starts)", false,
            c -> c.point().start() == null ? null : c.point().start().m2()),
        col("startS", DoubleType, true, "1", "explicit start: cosine between mu1 and mu2 (null for random starts)", false,
            c -> c.point().start() == null ? null : c.point().start().s()),
        col("init", StringType, true, "", "initialisation scheme, canonical description (null for realnvp)", false,
            c -> c.mixture(x -> x.init().describe())),
        col("dynamics", StringType, true, "", "training dynamics, canonical description", false,
            c -> c.setup() == null ? null : c.setup().dynamics().describe()),
        col("dynamicsType", StringType, true, "", "training dynamics: flow, gd, sgd, reduced-sgd, realnvp, ...", false,
            c -> c.setup() == null ? null : c.setup().dynamics().type()),
        col("weights", StringType, true, "", "mixture weights: fixed or trainable (null for realnvp)", false,
            c -> c.mixture(x -> x.weights().label())),
        col("a0", DoubleType, true, "1", "initial weight logit offset of the setup (null for realnvp)", false,
            c -> c.mixture(Mixture::a0)),
        col("schedule", StringType, false, "", "annealing schedule (THEORY 9): none, linear or geometric", false,
            c -> c.anneal().schedule().label()),
        col("beta0", DoubleType, false, "1", "annealing: initial inverse temperature (1 without annealing)", false,
            c -> c.anneal().beta0()),
        col("tau", DoubleType, false, "training time (steps for realnvp)",
            "annealing: time at which beta reaches 1 (0 without annealing)", false, c -> c.anneal().tau()),
        col("m1_0", DoubleType, true, OVERLAP, "start overlap M1 = mu1.mu*", true, c -> c.start(State::m1)),
        col("m2_0", DoubleType, true, OVERLAP, "start overlap M2 = mu2.mu*", true, c -> c.start(State::m2)),
        col("q11_0", DoubleType, true, OVERLAP, "start overlap Q11 = |mu1|^2", true, c -> c.start(State::q11)),
        col("q22_0", DoubleType, true, OVERLAP, "start overlap Q22 = |mu2|^2", true, c -> c.start(State::q22)),
        col("q12_0", DoubleType, true, OVERLAP, "start overlap Q12 = mu1.mu2", true, c -> c.start(State::q12)),
        col("a_0", DoubleType, true, "1", "start weight logit a = a1 - a2", true, c -> c.start(State::a)),
        col("s_0", DoubleType, true, "1", "start cosine between mu1 and mu2, Q12 / sqrt(Q11 Q22)", true,
            c -> c.start(y -> y.q12() / Math.sqrt(y.q11() * y.q22()))),
        col("outcome", StringType, false, "", "classification: COLLAPSE_PLUS, COLLAPSE_MINUS, COVERAGE, MISWEIGHTED, ... or FAILED",
            false, c -> c.run(t -> t.outcome().name(), Outcome.FAILED.name())),
        col("collapse", BooleanType, false, "", "the outcome is a collapse", false, c -> c.run(t -> t.outcome().isCollapse(), false)),
        col("mode", IntegerType, false, "", "mode collapsed onto: +1, -1, or 0", false, c -> c.run(t -> t.classification().mode(), 0)),
        col("converged", BooleanType, false, "", "the run met its convergence tolerance before tMax", false,
            c -> c.run(Trajectory::converged, false)),
        col("tFinal", DoubleType, true, "training time (steps for realnvp)", "time at which the run stopped", true,
            c -> c.run(Trajectory::tFinal, NAN)),
        col("plateauTime", DoubleType, true, "training time", "time spent with both components on one side (null for realnvp)",
            true, c -> c.overlaps(Overlaps::plateauTime)),
        col("m1", DoubleType, true, OVERLAP, "final overlap M1", true, c -> c.end(State::m1)),
        col("m2", DoubleType, true, OVERLAP, "final overlap M2", true, c -> c.end(State::m2)),
        col("q11", DoubleType, true, OVERLAP, "final overlap Q11", true, c -> c.end(State::q11)),
        col("q22", DoubleType, true, OVERLAP, "final overlap Q22", true, c -> c.end(State::q22)),
        col("q12", DoubleType, true, OVERLAP, "final overlap Q12", true, c -> c.end(State::q12)),
        col("a", DoubleType, true, "1", "final weight logit a = a1 - a2", true, c -> c.end(State::a)),
        col("w1", DoubleType, true, "1", "final weight of component 1, sigmoid(a)", true, c -> c.end(State::w1)),
        col("w2", DoubleType, true, "1", "final weight of component 2", true, c -> c.end(State::w2)),
        col("kl", DoubleType, true, "nats", "final KL(q||p) (realnvp: the flow's estimate)", true, c -> c.run(Trajectory::kl, NAN)),
        col("cost", LongType, true, "rhs evaluations or steps", "work of the run: right-hand-side evaluations or steps", true,
            c -> c.run(Trajectory::cost, 0L)),
        col("error", StringType, true, "", "why the run failed or stopped early (null if it did not)", false,
            ComputedPoint::errorMessage),
        col("weightEps", DoubleType, false, "1", "classification threshold: a weight below it is a dead component", false,
            c -> c.spec().classify().weightEps()),
        col("alignCos", DoubleType, false, "1", "classification threshold: cosine for a component to sit on a mode", false,
            c -> c.spec().classify().alignCos()),
        col("klTol", DoubleType, false, "nats", "classification threshold: KL below it is coverage", false,
            c -> c.spec().classify().klTol()),
        col("engineVersion", StringType, false, "", "version of the engine that computed the row", false, c -> Engine.version()),
        col("round", IntegerType, false, "", "adaptive refinement round (0 for grid points)", false, ComputedPoint::round),
        col("wallMs", DoubleType, true, "ms", "wall time of the run", true, ComputedPoint::wallMs),
        col("massPlus", DoubleType, true, "1", "realnvp: the flow's mass on the +mu* side of x.mu* = 0 (null otherwise)", true,
            c -> c.sideMasses(FlowMeasure::massPlus)),
        col("meanProj", DoubleType, true, "1", "realnvp: E_q[x].mu* / R (null otherwise)", true,
            c -> c.sideMasses(FlowMeasure::meanProj)),
        col("coverTol", DoubleType, true, "1", "realnvp classification threshold: side mass for coverage (null otherwise)", false,
            c -> c.sideMassRule(SideMassRule::coverTol)),
        col("collapseFrac", DoubleType, true, "1", "realnvp classification threshold: side mass for collapse (null otherwise)",
            false, c -> c.sideMassRule(SideMassRule::collapseFrac)));

    /** The fixed columns' schema: what every sweep's {@code trajectories/} holds. */
    public static final StructType SCHEMA = schema(FIXED);

    /** Partition columns of {@code trajectories/}, in folder order. */
    public static final String[] PARTITIONS = {"setup", "d"};

    private final List<TrajectoryColumn> columns;
    private final StructType schema;

    /** The fixed columns followed by {@code extra} (spec-dependent columns, e.g. swept setup parameters). */
    public TrajectoryRows(List<TrajectoryColumn> extra) {
        this.columns = Stream.concat(FIXED.stream(), extra.stream()).toList();
        this.schema = schema(columns);
    }

    /** The rows of a sweep of {@code spec}: the fixed columns and one per swept setup key not among them. */
    public static TrajectoryRows of(SweepSpec spec) {
        List<TrajectoryColumn> extra = new ArrayList<>();
        for (String axis : spec.axisNames()) {
            if (!SCHEMA.getFieldIndex(axis).isDefined()) {
                // by setup index, so rows look the value up instead of resolving the setup again
                Double[] bySetup = spec.setups().stream().map(s -> s.coordinate(axis)).toArray(Double[]::new);
                extra.add(TrajectoryColumn.ofDouble(axis, "", "swept setup key " + axis + " (null: the setup has none)",
                    c -> bySetup[c.point().setupIndex()]));
            }
        }
        return new TrajectoryRows(extra);
    }

    public StructType schema() {
        return schema;
    }

    private static TrajectoryColumn col(String name, DataType type, boolean nullable, String unit, String description,
                                        boolean perTrajectory, TrajectoryColumn.Value value) {
        return new TrajectoryColumn(name, type, nullable, unit, description, perTrajectory, value);
    }

    private static StructType schema(List<TrajectoryColumn> columns) {
        return new StructType(columns.stream().map(TrajectoryColumn::field).toArray(StructField[]::new));
    }

    static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /**
     * Columns that differ from trajectory to trajectory: Parquet's dictionary encoding only costs
     * there (the dictionary fills up, then falls back to plain), about 5% of a fast sweep's time.
     */
    List<String> perTrajectory() {
        return columns.stream().filter(TrajectoryColumn::perTrajectory).map(TrajectoryColumn::name).toList();
    }

    /** Runs a point and returns its row; a run that throws becomes a {@code FAILED} row with the message. */
    public Row compute(PointSpace space, GridPoint p) {
        return compute(space, p, 0);
    }

    /** {@link #compute(PointSpace, GridPoint)} for a point of an adaptive refinement round (the {@code round} column). */
    public Row compute(PointSpace space, GridPoint p, int round) {
        return compute(space, p, round, Recorder.NONE);
    }

    /** {@link #compute(PointSpace, GridPoint, int)}, handing the states over time to {@code recorder}. */
    Row compute(PointSpace space, GridPoint p, int round, Recorder recorder) {
        long t0 = System.nanoTime();
        Setup setup = null;
        Trajectory t = null;
        RuntimeException error = null;
        try {
            setup = space.setup(p);
            t = space.run(p, recorder);
        } catch (RuntimeException e) {
            error = e;
        }
        return row(new ComputedPoint(space.spec(), p, setup, t, error, round, (System.nanoTime() - t0) / 1e6));
    }

    Row row(ComputedPoint c) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().of(c);
        }
        return RowFactory.create(values);
    }

    /**
     * Column objects in schema order, with their unit and description (Spark's row encoder drops a
     * schema's metadata: selecting these puts it back before a write).
     */
    Column[] columns() {
        return Arrays.stream(schema.fields()).map(f -> functions.col(f.name()).as(f.name(), f.metadata()))
            .toArray(Column[]::new);
    }

    /**
     * Reads {@code trajectories/}: the fixed columns with their declared types (so {@code d} is a long
     * whatever the folder names look like), then any spec-dependent columns the files hold;
     * {@code dedupe} keeps one row per {@code pointId} (rows are pure functions of their point, so any
     * copy is the same row).
     */
    public static Dataset<Row> read(SparkSession spark, String path, boolean dedupe) {
        List<StructField> fields = new ArrayList<>(List.of(SCHEMA.fields()));
        for (StructField f : spark.read().parquet(path).schema().fields()) {
            if (!SCHEMA.getFieldIndex(f.name()).isDefined()) {
                fields.add(f);
            }
        }
        StructType schema = new StructType(fields.toArray(StructField[]::new));
        Dataset<Row> df = spark.read().schema(schema).parquet(path)
            .select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new));
        return dedupe ? df.dropDuplicates(new String[] {"pointId"}) : df;
    }
}
