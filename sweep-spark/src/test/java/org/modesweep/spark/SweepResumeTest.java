package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SweepSpec;

/** Interrupted, damaged, repeated and conflicting runs never lose, duplicate or mix rows. */
class SweepResumeTest extends LocalSparkTest {

    static final String SPEC = """
        name: resume
        seed: 5
        grid: {R: [2.0, 3.0], d: [4, 40], wStar: 0.6667, seeds: 12}
        setups:
          - {name: f, weights: fixed, dynamics: {type: flow, tMax: 60}}
        threshold: {bootstrap: 0}
        spark: {partitions: 2, chunk: 10}
        """;

    @TempDir
    Path dir;

    SweepSpec spec(String name) {
        return SparkTestSupport.spec(SPEC, dir.resolve(name).toString());
    }

    static void assertOneRowPerPoint(SweepSpec spec, List<Row> rows) {
        assertEquals(spec.trajectories(), rows.size());
        assertEquals(SparkTestSupport.pointsById(spec).keySet(), new HashSet<>(SparkTestSupport.ids(rows)));
    }

    @Test
    void anInterruptedRunResumesWithOnlyTheMissingPoints() {
        SweepSpec spec = spec("a");
        assertEquals(48, spec.trajectories());
        SweepRunner.Result first = SparkTestSupport.run(spark, spec, 2, null);
        assertFalse(first.completed());
        assertEquals(20, first.computed());
        List<Row> partial = SparkTestSupport.rawRows(spark, spec);
        assertEquals(20, partial.size());
        Manifest m = new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output()).manifest();
        assertFalse(m.completed());
        assertFalse(Files.exists(dir.resolve("a/rc")));

        SweepRunner.Result second = SparkTestSupport.run(spark, spec, 0, null);
        assertTrue(second.completed());
        assertEquals(20, second.alreadyDone());
        assertEquals(28, second.computed());
        List<Row> all = SparkTestSupport.rawRows(spark, spec);
        assertOneRowPerPoint(spec, all);
        assertTrue(all.containsAll(partial), "rows written before the interruption are kept as they were");

        SweepRunner.Result third = SparkTestSupport.run(spark, spec, 0, null);
        assertEquals(48, third.alreadyDone());
        assertEquals(0, third.computed());
        assertEquals(0, third.chunks());
        assertTrue(third.completed());
        assertEquals(all.size(), SparkTestSupport.rawRows(spark, spec).size());
    }

    @Test
    void aFinishedSweepKeepsOneFilePerSetupAndDimensionAndAKilledSwapIsSettled() throws IOException {
        SweepSpec spec = spec("c"); // chunks of 10 on 2 partitions: 5 chunks append files to each d
        SparkTestSupport.run(spark, spec, 0, null);
        List<Row> rows = SparkTestSupport.rawRows(spark, spec);
        assertOneRowPerPoint(spec, rows);
        for (String d : List.of("4", "40")) {
            assertEquals(1, parquetFiles(dir.resolve("c/trajectories/setup=f/d=" + d)).size(), "d=" + d);
        }
        // killed between the compaction's two renames: the table aside, none in place
        Files.move(dir.resolve("c/trajectories"), dir.resolve("c/trajectories" + SweepOutput.ASIDE));
        SweepRunner.Result again = SparkTestSupport.run(spark, spec, 0, null);
        assertEquals(48, again.alreadyDone());
        assertEquals(0, again.computed());
        assertEquals(new HashSet<>(rows), new HashSet<>(SparkTestSupport.rawRows(spark, spec)));
        assertFalse(Files.exists(dir.resolve("c/trajectories" + SweepOutput.ASIDE)));
    }

    @Test
    void lostFilesAndLeftoversOfAKilledJobAreRepaired() throws IOException {
        SweepSpec spec = spec("b");
        SparkTestSupport.run(spark, spec, 0, null);
        List<Row> complete = SparkTestSupport.rawRows(spark, spec);
        // a killed job's leftovers: a committed task folder under _temporary, which a later commit must not promote
        Path lost = parquetFiles(dir.resolve("b/trajectories")).get(0);
        long lostRows = spark.read().parquet(lost.toString()).count();
        Path partition = dir.resolve("b/trajectories").relativize(lost.getParent());
        Path stale = dir.resolve("b/trajectories/_temporary/0/task_202601010000_0001_m_000000").resolve(partition);
        Files.createDirectories(stale);
        Files.copy(lost, stale.resolve(lost.getFileName()));
        Files.delete(lost);
        assertEquals(48 - lostRows, SparkTestSupport.rawRows(spark, spec).size());

        SweepRunner.Result again = SparkTestSupport.run(spark, spec, 0, null);
        assertEquals(lostRows, again.computed());
        List<Row> repaired = SparkTestSupport.rawRows(spark, spec);
        assertOneRowPerPoint(spec, repaired);
        assertEquals(new HashSet<>(complete), new HashSet<>(withoutWallTime(repaired, complete)));
        assertFalse(Files.exists(dir.resolve("b/trajectories/_temporary")));
    }

    @Test
    void duplicateRowsAreDroppedOnReadAndCompacted() throws IOException {
        SweepSpec spec = spec("c");
        SparkTestSupport.run(spark, spec, 0, null);
        Path file = parquetFiles(dir.resolve("c/trajectories")).get(0);
        long copied = spark.read().parquet(file.toString()).count();
        Files.copy(file, file.resolveSibling("part-99999-copy.c000.snappy.parquet"));
        assertEquals(48 + copied, SparkTestSupport.rawRows(spark, spec).size());
        String out = new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output()).uri(SweepOutput.TRAJECTORIES);
        assertEquals(48, TrajectoryRows.read(spark, out, true).count());

        SweepRunner.Result again = SparkTestSupport.run(spark, spec, 0, null);
        assertEquals(0, again.computed());
        assertOneRowPerPoint(spec, SparkTestSupport.rawRows(spark, spec));
    }

    @Test
    void anotherSpecIsRefusedRatherThanMixed() {
        SweepSpec spec = spec("d");
        SparkTestSupport.run(spark, spec, 1, null);
        SweepSpec other = SparkTestSupport.spec(SPEC.replace("seed: 5", "seed: 6"), spec.output());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SparkTestSupport.run(spark, other, 0, null));
        assertTrue(e.getMessage().contains("the spec changes seed from 5 to 6") && e.getMessage().contains("use another --output"),
            e.getMessage());
        SweepSpec longer = SparkTestSupport.spec(SPEC.replace("tMax: 60", "tMax: 70"), spec.output());
        e = assertThrows(IllegalArgumentException.class, () -> SparkTestSupport.run(spark, longer, 0, null));
        assertTrue(e.getMessage().contains("setups[f].dynamics.tMax from 60.0 to 70.0"), e.getMessage());
        SweepSpec fewer = SparkTestSupport.spec(SPEC.replace("R: [2.0, 3.0]", "R: [2.0, 3.5]"), spec.output());
        e = assertThrows(IllegalArgumentException.class, () -> SparkTestSupport.run(spark, fewer, 0, null));
        assertTrue(e.getMessage().contains("grid.R from [2.0, 3.0] to [2.0, 3.5] (drops [3.0]"), e.getMessage());
        assertEquals(10, SparkTestSupport.rawRows(spark, spec).size());
        // aggregation settings and Spark settings are not part of the spec hash: they re-aggregate
        SweepSpec relevelled = SparkTestSupport.spec(SPEC.replace("threshold: {bootstrap: 0}",
            "threshold: {bootstrap: 0, level: [0.25, 0.75]}").replace("partitions: 2", "partitions: 3"), spec.output());
        SweepRunner.Result r = SparkTestSupport.run(spark, relevelled, 0, null);
        assertTrue(r.completed());
        // two dimensions x two levels x two methods (the spec's and the comparison)
        assertEquals(2 * 2 * 2, r.tables().rc().size());
    }

    @Test
    void aSpecThatOnlyAddsPointsExtendsTheOutputInPlace() {
        SweepSpec spec = spec("x");
        SparkTestSupport.run(spark, spec, 0, null);
        List<Row> before = SparkTestSupport.rawRows(spark, spec);
        SweepSpec more = SparkTestSupport.spec(SPEC.replace("R: [2.0, 3.0]", "R: [2.0, 2.5, 3.0]").replace("seeds: 12", "seeds: 14")
            .replace("setups:\n", "setups:\n  - {name: g, weights: trainable, dynamics: {type: flow, tMax: 60}}\n"), spec.output());
        assertEquals(2 * 3 * 2 * 14, more.trajectories());
        String[] log = new String[1];
        SweepRunner.Result r = SparkTestSupport.run(spark, more, 0, log);
        assertTrue(log[0].contains("extends the sweep in this output (48 points before, 168 now)"), log[0]);
        assertEquals(48, r.alreadyDone());
        assertEquals(168 - 48, r.computed());
        List<Row> after = SparkTestSupport.rawRows(spark, more);
        assertOneRowPerPoint(more, after);
        assertTrue(after.containsAll(before), "existing rows stay as they were");
        // every row (old or new) has the id and seed the extended spec's grid gives its point
        var points = SparkTestSupport.pointsById(more);
        after.forEach(row -> assertEquals(points.get(row.<String>getAs("pointId")).seed(), row.<Long>getAs("seed")));
        assertTrue(r.completed());
        assertEquals(2 * 2 * 2, r.tables().rc().size(), "tables redone over every setup and dimension (x 2 methods)");
    }

    @Test
    void aFolderThatIsNotASweepIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("e"));
        Files.writeString(dir.resolve("e/notes.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SparkTestSupport.run(spark, spec("e"), 0, null));
        assertTrue(e.getMessage().contains("is not a sweep output"), e.getMessage());
    }

    /** Rows of {@code rows} with the wall time taken from the matching row of {@code reference} (it is not part of the result). */
    static List<Row> withoutWallTime(List<Row> rows, List<Row> reference) {
        java.util.Map<String, Object> wall = new java.util.HashMap<>();
        reference.forEach(r -> wall.put(r.getAs("pointId"), r.getAs("wallMs")));
        int w = TrajectoryRows.SCHEMA.fieldIndex("wallMs");
        return rows.stream().map(r -> {
            Object[] v = new Object[r.length()];
            for (int i = 0; i < v.length; i++) {
                v[i] = i == w ? wall.get(r.<String>getAs("pointId")) : r.get(i);
            }
            return (Row) new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(v, r.schema());
        }).toList();
    }

    static List<Path> parquetFiles(Path table) throws IOException {
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                .filter(p -> !table.relativize(p).toString().startsWith("_")).sorted().toList();
        }
    }

}
