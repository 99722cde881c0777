package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Recorder;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.SweepSpec;

/** Rows of annealed setups carry their schedule; unannealed rows say none, 1, 0; both reproduce direct runs. */
class AnnealRowsTest extends LocalSparkTest {

    static final String SPEC = """
        name: anneal-it
        seed: 3
        grid: {R: 3.0, d: 1000, wStar: 0.6667, seeds: 3}
        setups:
          - {name: plain, weights: fixed, dynamics: {type: flow, tMax: 300}}
          - {name: hot, weights: fixed, dynamics: {type: flow, tMax: 300, anneal: {schedule: geometric, beta0: [0.05, 0.5], tau: 100}}}
        threshold: {level: 0.5, bootstrap: 10}
        spark: {partitions: 2}
        """;

    @TempDir
    static Path dir;

    @Test
    void rowsCarryTheScheduleAndReproduceDirectRuns() {
        SweepSpec spec = SparkTestSupport.spec(SPEC, dir.resolve("out").toString());
        assertTrue(SparkTestSupport.run(spark, spec, 0, null).completed());
        List<Row> rows = SparkTestSupport.rawRows(spark, spec);
        assertEquals(9, rows.size());
        for (Row r : rows) {
            boolean hot = r.getAs("setup").equals("hot");
            assertEquals(hot ? "geometric" : "none", r.getAs("schedule"));
            assertEquals(hot ? 100.0 : 0.0, r.<Double>getAs("tau"));
            double beta0 = r.getAs("beta0");
            assertTrue(hot ? beta0 == 0.05 || beta0 == 0.5 : beta0 == 1.0, "beta0 " + beta0);
            var setup = spec.setups().stream().filter(s -> s.name().equals(r.getAs("setup"))
                && s.dynamics().anneal().beta0() == beta0).findFirst().orElseThrow();
            Trajectory t = Trajectory.run(setup.toSetup(spec.classify().thresholds(), null), r.getAs("R"), r.getAs("d"),
                r.getAs("wStar"), r.getAs("seed"), Recorder.NONE);
            assertEquals(t.outcome().name(), r.getAs("outcome"));
            assertEquals(t.kl(), r.<Double>getAs("kl"), "the untempered KL");
            assertEquals(t.overlaps().orElseThrow().end().m1(), r.<Double>getAs("m1"));
        }
    }
}
