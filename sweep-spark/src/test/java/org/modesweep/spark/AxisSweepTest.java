package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SweepSpec;

/** Swept setup keys end to end: one column per key in every table, probabilities and R_c grouped by them. */
class AxisSweepTest extends LocalSparkTest {

    static final String SPEC = """
        name: axes-it
        seed: 11
        grid: {R: [1.5, 2.5, 3.5], d: 10, wStar: 0.6667, seeds: 4}
        setups:
          - {name: gd, weights: fixed, dynamics: {type: gd, eta: [0.1, 0.2], tMax: 60}, init: {r0: [1.0, 2.0]}}
          - {name: flow, weights: fixed, dynamics: {type: flow, tMax: 60}}
        threshold: {level: 0.5, bootstrap: 10}
        spark: {partitions: 2}
        """;

    @TempDir
    static Path dir;

    @Test
    void rowsCarryOneColumnPerSweptKeyAndTablesGroupByThem() {
        SweepSpec spec = SparkTestSupport.spec(SPEC, dir.resolve("out").toString());
        SweepRunner.Result result = SparkTestSupport.run(spark, spec, 0, null);
        assertTrue(result.completed());
        // read back by Spark's own Parquet reader, schema from the files
        List<Row> rows = spark.read().parquet(dir.resolve("out/trajectories").toString()).collectAsList();
        assertEquals((2 * 2 + 1) * 3 * 4, rows.size());
        Map<String, GridPoint> points = SparkTestSupport.pointsById(spec);
        Set<String> ids = new HashSet<>();
        for (Row r : rows) {
            assertTrue(ids.add(r.getAs("pointId")), "one row per point");
            GridPoint p = points.get(r.<String>getAs("pointId"));
            if (r.getAs("setup").equals("gd")) {
                double eta = r.getAs("eta");
                double r0 = r.getAs("r0");
                assertTrue(r.<String>getAs("dynamics").contains("eta=" + eta), r.<String>getAs("dynamics"));
                assertTrue(r.<String>getAs("init").contains(Double.toString(r0)), r.<String>getAs("init"));
                Trajectory t = spec.points().run(p);
                assertEquals(t.overlaps().orElseThrow().end().m1(), r.<Double>getAs("m1"));
            } else {
                assertNull(r.getAs("eta"), "flow has no step size");
                assertNull(r.getAs("r0"), "flow's sphere start has no r0 given");
            }
        }
        List<Row> probabilities = spark.read().parquet(dir.resolve("out/probabilities").toString()).collectAsList();
        assertEquals((2 * 2 + 1) * 3, probabilities.size());
        assertTrue(probabilities.stream().allMatch(r -> r.<Long>getAs("n") == 4));
        List<Row> rc = spark.read().parquet(dir.resolve("out/rc").toString()).collectAsList();
        Set<List<Object>> groups = new HashSet<>();
        rc.forEach(r -> groups.add(List.of(r.getAs("setup"), String.valueOf(r.<Double>getAs("eta")),
            String.valueOf(r.<Double>getAs("r0")))));
        assertEquals(2 * 2 + 1, groups.size(), "R_c is read along R for each combination of the other axes");
    }
}
