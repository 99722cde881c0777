package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.Refinement;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.core.sweep.ThresholdSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * Adaptive refinement of {@code R_c} (spec {@code threshold.targetWidth}), after the grid (round 0)
 * has rows. Round {@code r} is planned on the driver from the rows of rounds {@code < r} only: per
 * (setup, d, wStar), every level whose {@code R_c} is crossed inside the range and whose interval
 * ({@link Refinement#interval}) is wider than {@code targetWidth} asks for {@code radiiPerRound}
 * new radii inside it ({@link Refinement#radii}), each with {@code grid.seeds} seeds; when the
 * interval has no free radius left (spacing {@code targetWidth / 4}), the binomial noise decides it,
 * and {@code grid.seeds} more seeds (the next seed indices) go to up to {@code radiiPerRound}
 * measured radii inside it ({@link Refinement#reseed}). Ids and seeds
 * follow the grid's recipe ({@link PointSpace#point(long, int, double, long, double,
 * org.modesweep.core.sweep.StartCosines, int)}), rows carry {@code round = r}. Rows are pure
 * functions of their points and the plan a pure function of earlier rounds' rows, so a rerun after
 * an interruption re-plans the same rounds and computes only the points without rows.
 *
 * <p>Stops when no group needs refinement, when a round would take the total (grid included) above
 * {@code budget}, or after {@code maxRounds} rounds.
 */
final class Adaptive {
    private Adaptive() {
    }

    /** What refinement did: rounds run, points added over all rounds (with or without earlier rows), computed now. */
    record Outcome(int rounds, long refinedPoints, long computed, String stopReason) {
    }

    private record Group(String setup, Map<String, Double> axes, long d, double wStar) {
        String series() {
            return org.modesweep.core.sweep.Axis.label(setup, axes);
        }
    }

    /** The refinement step of a run, after the grid's chunks. */
    static Outcome refine(SparkSession spark, RunPlan run, SweepListener listener) {
        SweepOutput output = run.output();
        SweepSpec spec = run.spec();
        PointSpace space = run.space();
        int partitions = run.partitions();
        ThresholdSpec t = spec.threshold();
        List<String> order = spec.setups().stream().map(SetupSpec::name).toList();
        Dataset<Row> all = TrajectoryRows.read(spark, output.uri(SweepOutput.TRAJECTORIES), true).cache();
        Set<String> have = new HashSet<>(all.filter(col("round").gt(0)).select("pointId").as(Encoders.STRING())
            .collectAsList());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<PointSpace> broadcast = jsc.broadcast(space);
        long used = space.size();
        long refined = 0;
        long computed = 0;
        int rounds = 0;
        String stop = "maxRounds = " + t.maxRounds() + " reached";
        listener.message(String.format(Locale.ROOT, "adaptive refinement: targetWidth %s, %d radii per round x %d seeds,"
            + " at most %d rounds%s", t.targetWidth(), t.radiiPerRound(), spec.grid().seeds(), t.maxRounds(),
            t.budget() > 0 ? String.format(Locale.ROOT, ", budget %,d trajectories", t.budget()) : ""));
        try {
            for (int r = 1; r <= t.maxRounds(); r++) {
                List<Probability> probabilities = Aggregates.probabilities(all.filter(col("round").lt(r)),
                    spec.axisNames(), t.confidence(), order);
                List<RcRow> rc = Aggregates.primary(Aggregates.rc(probabilities, t, spec.seed()), t);
                Map<Group, Refinement.Span> spans = new LinkedHashMap<>();
                List<String> reseeded = new ArrayList<>();
                Map<Group, TreeMap<Double, Integer>> plan = plan(probabilities, rc, t, spans, reseeded);
                List<GridPoint> points = points(space, spec, plan);
                listener.message(String.format(Locale.ROOT, "round %d (from rows of rounds < %d): %s", r, r,
                    describe(rc, probabilities)));
                if (points.isEmpty()) {
                    stop = "every R_c interval is narrower than " + t.targetWidth() + " (or censored)";
                    break;
                }
                if (t.budget() > 0 && used + points.size() > t.budget()) {
                    stop = String.format(Locale.ROOT, "budget: round %d would take %,d + %,d trajectories above %,d",
                        r, used, points.size(), t.budget());
                    break;
                }
                List<GridPoint> missing = points.stream().filter(p -> !have.contains(p.pointId())).toList();
                if (!missing.isEmpty()) {
                    compute(spark, jsc, output, spec, broadcast, missing, r, partitions);
                    missing.forEach(p -> have.add(p.pointId()));
                    all.unpersist();
                    all = TrajectoryRows.read(spark, output.uri(SweepOutput.TRAJECTORIES), true).cache();
                }
                used += points.size();
                refined += points.size();
                computed += missing.size();
                rounds = r;
                StringBuilder radii = new StringBuilder();
                plan.forEach((g, m) -> {
                    List<String> list = new ArrayList<>();
                    m.forEach((R, first) -> list.add(first == 0 ? String.valueOf(R)
                        : String.format(Locale.ROOT, "%s (seeds %d..%d)", R, first, first + spec.grid().seeds() - 1)));
                    radii.append(String.format(Locale.ROOT, " %s d=%d w*=%.4g span [%.4f, %.4f] -> R=%s;", g.setup(),
                        g.d(), g.wStar(), spans.get(g).low(), spans.get(g).high(), list));
                });
                if (!reseeded.isEmpty()) {
                    radii.append(" more seeds (no free radius left in the interval) for ").append(reseeded).append(';');
                }
                listener.message(String.format(Locale.ROOT, "  refined %d groups: %,d new points (%,d computed now,"
                    + " %,d had rows), %,d trajectories in all;%s", plan.size(), points.size(), missing.size(),
                    points.size() - missing.size(), used, radii));
            }
        } finally {
            all.unpersist();
        }
        listener.message(String.format(Locale.ROOT, "adaptive refinement stopped after %d rounds: %s; %,d refined points,"
            + " %,d trajectories in all", rounds, stop, refined, used));
        return new Outcome(rounds, refined, computed, stop);
    }

    /**
     * The plan of a round per group: radius -> first new seed index (0 for a new radius; the seeds
     * measured so far when a group's interval has no free radius left, so it gets more seeds there).
     * A pure function of the aggregated rows.
     */
    static Map<Group, TreeMap<Double, Integer>> plan(List<Probability> probabilities, List<RcRow> rc, ThresholdSpec t,
                                                     Map<Group, Refinement.Span> spans, List<String> reseeded) {
        Map<Group, Map<Double, Long>> measured = new LinkedHashMap<>();
        for (Probability p : probabilities) {
            measured.computeIfAbsent(new Group(p.setup(), p.axes(), p.d(), p.wStar()), k -> new TreeMap<>()).merge(p.R(), p.n(), Long::sum);
        }
        Map<Group, TreeMap<Double, Integer>> plan = new LinkedHashMap<>();
        for (RcRow row : rc) {
            Group g = new Group(row.setup(), row.axes(), row.d(), row.wStar());
            Map<Double, Long> counts = measured.getOrDefault(g, Map.of());
            Refinement.Span span = Refinement.interval(row.rc(), row.rcLow(), row.rcHigh(), row.censored());
            if (span != null) {
                spans.merge(g, span, (a, b) -> new Refinement.Span(Math.min(a.low(), b.low()), Math.max(a.high(), b.high())));
            }
            if (span == null || span.width() <= t.targetWidth()) {
                continue;
            }
            TreeMap<Double, Integer> groupPlan = plan.computeIfAbsent(g, k -> new TreeMap<>());
            List<Double> taken = new ArrayList<>(counts.keySet());
            taken.addAll(groupPlan.keySet());
            List<Double> chosen = Refinement.radii(span, t.targetWidth(), t.radiiPerRound(), taken);
            if (chosen.isEmpty()) {
                // no free radius left: the binomial noise decides the interval, so add seeds instead
                reseeded.add(String.format(Locale.ROOT, "%s d=%d w*=%.4g level %.3g", g.series(), g.d(), g.wStar(),
                    row.level()));
                for (double r : Refinement.reseed(span, t.radiiPerRound(), counts.keySet())) {
                    groupPlan.putIfAbsent(r, Math.toIntExact(counts.get(r)));
                }
            } else {
                chosen.forEach(r -> groupPlan.putIfAbsent(r, 0));
            }
        }
        plan.values().removeIf(Map::isEmpty);
        return plan;
    }

    private static List<GridPoint> points(PointSpace space, SweepSpec spec, Map<Group, TreeMap<Double, Integer>> plan) {
        List<GridPoint> points = new ArrayList<>();
        for (Map.Entry<Group, TreeMap<Double, Integer>> e : plan.entrySet()) {
            Group g = e.getKey();
            int setupIndex = spec.setupIndex(g.setup(), g.axes());
            for (Map.Entry<Double, Integer> r : e.getValue().entrySet()) {
                for (int seed = r.getValue(); seed < r.getValue() + spec.grid().seeds(); seed++) {
                    points.add(space.point(-1, setupIndex, r.getKey(), g.d(), g.wStar(), null, seed));
                }
            }
        }
        return points;
    }

    private static void compute(SparkSession spark, JavaSparkContext jsc, SweepOutput output, SweepSpec spec,
                                Broadcast<PointSpace> space, List<GridPoint> missing, int round, int partitions) {
        int parts = Math.max(1, Math.min(partitions, missing.size()));
        TrajectoryRows table = TrajectoryRows.of(spec);
        JavaRDD<Row> rows = jsc.parallelize(missing, parts).map(p -> table.compute(space.value(), p, round));
        spark.sparkContext().setJobDescription("sweep " + spec.name() + " refinement round " + round);
        Chunks.append(output, spec, spark.createDataFrame(rows, table.schema()), table);
    }

    private static String describe(List<RcRow> rc, List<Probability> probabilities) {
        StringBuilder b = new StringBuilder();
        for (RcRow row : rc) {
            long radii = probabilities.stream().filter(p -> p.series().equals(row.series()) && p.d() == row.d()
                && p.wStar() == row.wStar()).count();
            b.append(String.format(Locale.ROOT, "%s d=%d w*=%.4g level %.3g: ", row.series(), row.d(), row.wStar(),
                row.level()));
            if (row.censored()) {
                b.append("censored");
            } else {
                b.append(String.format(Locale.ROOT, "R_c %.4f [%.4f, %.4f] width %.4f", row.rc(), row.rcLow(),
                    row.rcHigh(), row.rcHigh() - row.rcLow()));
            }
            b.append(String.format(Locale.ROOT, " (%d radii, %,d trajectories); ", radii, row.trajectories()));
        }
        return b.toString();
    }
}
