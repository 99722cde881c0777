package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Recorder;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.SweepSpec;

/** Recorded time series: the same states as a direct core run, and never lost or doubled by a resume. */
class SeriesRecordingTest extends LocalSparkTest {

    static final String SPEC = """
        name: series
        seed: 3
        grid: {R: [1.5, 2.5], d: [10], wStar: 0.6667, seeds: 3}
        setups:
          - {name: sgd, weights: trainable, dynamics: {type: sgd, eta: 0.05, batch: 20, tMax: 4}, seeds: 2}
          - {name: gd, weights: trainable, dynamics: {type: gd, eta: 0.05, tMax: 4}}
        record: {every: 0.5, seeds: 2}
        threshold: {bootstrap: 0}
        spark: {partitions: 2, chunk: 4}
        """;

    @TempDir
    Path dir;

    SweepSpec spec(String name) {
        return SparkTestSupport.spec(SPEC, dir.resolve(name).toString());
    }

    List<Row> rawSeries(SweepSpec spec) {
        return SeriesRows.read(spark, new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output())
            .uri(SweepOutput.SERIES), false).collectAsList();
    }

    /** pointId -> [t, m1, m2, q11, q22, q12, a] per recorded state, in time order. */
    static Map<String, List<List<Double>>> byPoint(List<Row> series) {
        Map<String, List<List<Double>>> m = new HashMap<>();
        for (Row r : series) {
            m.computeIfAbsent(r.getAs("pointId"), k -> new ArrayList<>()).add(List.of(r.<Double>getAs("t"),
                r.<Double>getAs("m1"), r.<Double>getAs("m2"), r.<Double>getAs("q11"), r.<Double>getAs("q22"),
                r.<Double>getAs("q12"), r.<Double>getAs("a")));
        }
        m.values().forEach(l -> l.sort(Comparator.comparing(x -> x.get(0))));
        return m;
    }

    /** The series of each recorded trajectory, from the core engine directly with the row's seed. */
    static Map<String, List<List<Double>>> expected(SweepSpec spec, List<Row> trajectories) {
        Map<String, List<List<Double>>> m = new HashMap<>();
        for (Row r : trajectories) {
            String setup = r.getAs("setup");
            if (!spec.records(setup, r.<Integer>getAs("seedIndex"))) {
                continue;
            }
            List<List<Double>> states = new ArrayList<>();
            Recorder recorder = new Recorder() {
                @Override
                public double every() {
                    return 0.5;
                }

                @Override
                public void record(double t, State y) {
                    states.add(List.of(t, y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), y.a()));
                }
            };
            Trajectory.run(spec.setup(setup).toSetup(spec.classify().thresholds(), null), r.getAs("R"),
                r.<Long>getAs("d"), r.getAs("wStar"), r.<Long>getAs("seed"), recorder);
            m.put(r.getAs("pointId"), states);
        }
        return m;
    }

    @Test
    void seriesMatchTheCoreEngineAndSetupsWithFewerSeedsShareStarts() {
        SweepSpec spec = spec("a");
        assertEquals(2 * (2 + 3), spec.trajectories());
        SweepRunner.Result result = SparkTestSupport.run(spark, spec, 0, null);
        assertTrue(result.completed());
        List<Row> trajectories = SparkTestSupport.rawRows(spark, spec);
        SweepResumeTest.assertOneRowPerPoint(spec, trajectories);
        Map<String, List<List<Double>>> expected = expected(spec, trajectories);
        assertEquals(8, expected.size(), "seed indices 0 and 1 of both setups at two radii");
        List<Row> series = rawSeries(spec);
        assertEquals(expected, byPoint(series));
        assertEquals(expected.values().stream().mapToInt(List::size).sum(), series.size());

        Map<String, Double> startBySeed = new HashMap<>();
        for (Row r : trajectories) {
            Double previous = startBySeed.put(r.getAs("R") + "/" + r.getAs("seedIndex"), r.getAs("m1_0"));
            if (previous != null) {
                assertEquals(previous, r.<Double>getAs("m1_0"), "sgd and gd start from the same draw");
            }
        }
    }

    @Test
    void aResumedRunNeitherLosesNorDoublesSeries() throws IOException {
        SweepSpec spec = spec("b");
        assertFalse(SparkTestSupport.run(spark, spec, 1, null).completed());
        assertTrue(SparkTestSupport.run(spark, spec, 0, null).completed());
        List<Row> trajectories = SparkTestSupport.rawRows(spark, spec);
        Map<String, List<List<Double>>> expected = expected(spec, trajectories);
        List<Row> series = rawSeries(spec);
        assertEquals(expected, byPoint(series));
        assertEquals(new HashSet<>(series).size(), series.size());

        // A run killed after a chunk's series were written but before its trajectory rows: lose those rows.
        Path gdRows = dir.resolve("b/trajectories/setup=gd");
        try (Stream<Path> files = Files.walk(gdRows)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        String[] log = new String[1];
        SweepRunner.Result again = SparkTestSupport.run(spark, spec, 0, log);
        assertEquals(6, again.computed());
        assertTrue(log[0].contains("removed " + expected.entrySet().stream()
            .filter(e -> trajectories.stream().anyMatch(r -> r.getAs("pointId").equals(e.getKey())
                && r.getAs("setup").equals("gd"))).mapToInt(e -> e.getValue().size()).sum() + " series rows"), log[0]);
        List<Row> repaired = rawSeries(spec);
        assertEquals(series.size(), repaired.size());
        assertEquals(new HashSet<>(series), new HashSet<>(repaired));
    }
}
