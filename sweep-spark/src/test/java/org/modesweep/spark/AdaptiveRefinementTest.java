package org.modesweep.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Aggregates.RcRow;

/** Adaptive refinement: rounds add radii inside the R_c interval, with grid ids and seeds, and resume. */
class AdaptiveRefinementTest extends LocalSparkTest {

    static final String SPEC = """
        name: adaptive
        seed: 3
        grid: {R: {from: 2.0, to: 3.0, step: 0.25}, d: 1000, wStar: 0.6667, seeds: 30}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 400}}
        threshold: {level: 0.5, bootstrap: 200, targetWidth: 0.1, maxRounds: 3}
        spark: {partitions: 4}
        """;

    @TempDir
    Path dir;

    @Test
    void roundsRefineInsideTheIntervalAndARerunComputesNothing() {
        SweepSpec spec = SparkTestSupport.spec(SPEC, dir.resolve("a").toString());
        String[] log = new String[1];
        SweepRunner.Result first = SparkTestSupport.run(spark, spec, 0, log);
        assertTrue(first.completed());
        assertEquals(150, first.computed());
        Adaptive.Outcome a = first.adaptive();
        assertTrue(a.rounds() > 0, log[0]);
        assertEquals(a.refinedPoints(), a.computed());
        assertTrue(log[0].contains("round 1 (from rows of rounds < 1)"), log[0]);

        List<Row> rows = SparkTestSupport.rawRows(spark, spec);
        assertEquals(150 + a.refinedPoints(), rows.size());
        assertEquals(rows.size(), new HashSet<>(SparkTestSupport.ids(rows)).size());
        Set<Double> grid = new HashSet<>(spec.grid().R());
        Map<Double, Integer> refinedCounts = new TreeMap<>();
        for (Row r : rows) {
            int round = r.getInt(r.fieldIndex("round"));
            double radius = r.getDouble(r.fieldIndex("R"));
            assertEquals(round == 0, grid.contains(radius), "round " + round + " at R = " + radius);
            if (round > 0) {
                assertTrue(round <= a.rounds());
                refinedCounts.merge(radius, 1, Integer::sum);
                // same id and seed as a grid point at that radius
                SweepSpec single = SpecParser.parse(SPEC.replace("{from: 2.0, to: 3.0, step: 0.25}", "[" + radius + "]")
                    .replace(", targetWidth: 0.1, maxRounds: 3", ""), "t.yaml", false);
                GridPoint p = single.points().point(r.getInt(r.fieldIndex("seedIndex")));
                assertEquals(p.pointId(), r.getString(r.fieldIndex("pointId")));
                assertEquals(p.seed(), r.getLong(r.fieldIndex("seed")));
            }
        }
        assertFalse(refinedCounts.isEmpty());
        refinedCounts.forEach((radius, n) -> assertEquals(30, n, "seeds at R = " + radius));

        // the interval narrows versus round 0
        SweepOutput out = new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output());
        Dataset<Row> round0 = TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), true).filter(col("round").equalTo(0));
        RcRow before = Aggregates.rc(Aggregates.probabilities(round0, List.of(), 0.95, List.of("fixed-flow")), spec.threshold(),
            spec.seed()).get(0);
        RcRow after = first.tables().rc().get(0);
        assertFalse(before.censored());
        assertFalse(after.censored());
        assertTrue(after.rcHigh() - after.rcLow() < before.rcHigh() - before.rcLow(),
            "before " + before + ", after " + after);
        assertEquals(150 + a.refinedPoints(), after.trajectories());

        // a rerun re-plans the same rounds and computes nothing
        SweepRunner.Result second = SparkTestSupport.run(spark, spec, 0, log);
        assertTrue(second.completed());
        assertEquals(0, second.computed());
        assertEquals(0, second.adaptive().computed());
        assertEquals(a.rounds(), second.adaptive().rounds());
        assertEquals(a.refinedPoints(), second.adaptive().refinedPoints());
        assertEquals(rows.size(), SparkTestSupport.rawRows(spark, spec).size());
        assertEquals(after, second.tables().rc().get(0));

        // rows of the last round lost (a run killed during it): the rerun re-plans that round and
        // computes exactly its points again, to the same rows
        int last = a.rounds();
        long lastCount = rows.stream().filter(r -> r.getInt(r.fieldIndex("round")) == last).count();
        PartIdentity.tag(TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), false).filter(col("round").lt(last)), spec)
            .write().partitionBy(TrajectoryRows.PARTITIONS).parquet(out.uri("trajectories-cut")); // the sweep's own rows, fewer
        out.delete(SweepOutput.TRAJECTORIES);
        out.rename("trajectories-cut", SweepOutput.TRAJECTORIES);
        SweepRunner.Result third = SparkTestSupport.run(spark, spec, 0, log);
        assertEquals(0, third.computed());
        assertEquals(lastCount, third.adaptive().computed(), log[0]);
        assertEquals(a.refinedPoints(), third.adaptive().refinedPoints());
        List<Row> again = SparkTestSupport.rawRows(spark, spec);
        assertEquals(rows.size(), again.size());
        assertEquals(new HashSet<>(rows.stream().map(AdaptiveRefinementTest::withoutWallTime).toList()),
            new HashSet<>(again.stream().map(AdaptiveRefinementTest::withoutWallTime).toList()));
        assertEquals(after, third.tables().rc().get(0));
    }

    /** A row without its (irreproducible) wall time. */
    static List<Object> withoutWallTime(Row r) {
        List<Object> values = new java.util.ArrayList<>();
        for (int i = 0; i < r.length(); i++) {
            if (!r.schema().fieldNames()[i].equals("wallMs")) {
                values.add(r.get(i));
            }
        }
        return values;
    }
}
