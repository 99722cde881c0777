package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.RealNvpTrajectory;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.sweep.SweepSpec;

/** A realnvp setup next to a mixture setup in one sweep: rows, their flow columns, and aggregation. */
class FlowSweepTest extends LocalSparkTest {

    static final String SPEC = """
        name: nvp-it
        seed: 5
        grid: {R: [2.0, 3.1], d: 2, wStar: 0.3333, seeds: 3}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 100}}
          - {name: nvp, dynamics: {type: realnvp, steps: 20, layers: 2, width: 4, batch: 16, evalBatch: 128}}
        threshold: {level: 0.5, bootstrap: 10}
        spark: {partitions: 2}
        """;

    @TempDir
    static Path dir;

    @Test
    void flowRowsCarryTheirMassesAndReproduceDirectRuns() {
        SweepSpec spec = SparkTestSupport.spec(SPEC, dir.resolve("out").toString());
        SweepRunner.Result result = SparkTestSupport.run(spark, spec, 0, null);
        assertTrue(result.completed());
        List<Row> rows = SparkTestSupport.rawRows(spark, spec);
        assertEquals(12, rows.size());
        RealNvpDynamics nvp = spec.setup("nvp").dynamics().realnvp().orElseThrow();
        for (Row r : rows) {
            if (r.getAs("setup").equals("nvp")) {
                RealNvpTrajectory t = nvp.trajectory(r.getAs("R"), r.getAs("d"), r.getAs("wStar"), r.getAs("seed"),
                    FlowRecorder.NONE);
                assertEquals("realnvp", r.getAs("dynamicsType"));
                assertEquals(t.outcome().name(), r.getAs("outcome"));
                assertEquals(t.training().end().massPlus(), r.<Double>getAs("massPlus"));
                assertEquals(t.training().end().meanProj(), r.<Double>getAs("meanProj"));
                assertEquals(t.kl(), r.<Double>getAs("kl"));
                assertEquals(nvp.coverTol(), r.<Double>getAs("coverTol"));
                assertEquals(20L, r.<Long>getAs("cost"));
                assertNull(r.getAs("m1"));
                assertNull(r.getAs("weights"));
            } else {
                assertNull(r.getAs("massPlus"));
                assertNull(r.getAs("coverTol"));
                assertNotNull(r.getAs("m1"));
            }
            assertNull(r.getAs("error"));
        }
        long nvpPoints = result.tables().probabilities().stream().filter(p -> p.setup().equals("nvp")).count();
        assertEquals(2, nvpPoints);
    }
}
