package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Outcome;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Aggregates;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Sessions;
import org.modesweep.spark.SweepOutput;
import org.modesweep.spark.SweepRunner;
import org.modesweep.spark.TrajectoryRows;

/**
 * The DuckDB reader against Spark's on a sweep Spark wrote: the same probabilities, and both equal to
 * counts made here row by row; copies of rows (a part file twice) are counted once.
 */
class LocalTablesTest {
    static final String SPEC = """
        name: look-it
        seed: 11
        grid: {R: [1.5, 2.5, 3.5], d: [10, 1000], wStar: 0.6667, seeds: 12}
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 60}}
          - {name: trainable-flow, weights: trainable, dynamics: {type: flow, tMax: 60}}
        threshold: {level: 0.25, bootstrap: 20}
        spark: {partitions: 2}
        """;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static SweepSpec spec;
    static SweepOutput out;

    @BeforeAll
    static void runSweep() {
        spark = Sessions.open("look-test", "local[2]", null, false);
        spec = SpecParser.parse(SPEC, "look.yaml", false).withOutput(dir.resolve("out").toString());
        SweepRunner.run(spark, spec, SweepRunner.Options.quiet());
        out = new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Counts per (setup, d, R) made here from Spark's raw rows: n, collapses, then each outcome. */
    private static Map<String, long[]> countsByHand() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Row r : TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), false).collectAsList()) {
            if (seen.put(r.getAs("pointId"), true) != null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(r.getAs("setup") + "/" + r.getAs("d") + "/" + r.getAs("R"),
                k -> new long[2 + Outcome.values().length]);
            c[0]++;
            c[1] += r.<Boolean>getAs("collapse") ? 1 : 0;
            c[2 + Outcome.valueOf(r.getAs("outcome")).ordinal()]++;
        }
        return counts;
    }

    private static void assertCounts(Map<String, long[]> expected, List<Probability> actual) {
        assertEquals(expected.size(), actual.size());
        for (Probability p : actual) {
            long[] c = expected.get(p.setup() + "/" + p.d() + "/" + p.R());
            assertEquals(c[0], p.n(), p.toString());
            assertEquals(c[1], p.collapse(), p.toString());
            for (Outcome o : Outcome.values()) {
                assertEquals(c[2 + o.ordinal()], p.count(o), o + " " + p);
            }
        }
    }

    @Test
    void duckdbCountsWhatSparkAndAHandCountSee() throws IOException {
        Map<String, long[]> byHand = countsByHand();
        assertEquals(2 * 3 * 2, byHand.size());
        List<Probability> viaSpark = Aggregates.probabilities(TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES),
            true), List.of(), 0.95, List.of("fixed-flow", "trainable-flow"));
        assertCounts(byHand, viaSpark);
        try (LocalTables db = LocalTables.open()) {
            List<Probability> viaDuckdb = db.probabilities(out, List.of(), 0.95, List.of("fixed-flow", "trainable-flow"));
            assertCounts(byHand, viaDuckdb);
            for (int i = 0; i < viaSpark.size(); i++) { // same order, same means (cost and tFinal)
                assertEquals(viaSpark.get(i).setup(), viaDuckdb.get(i).setup());
                assertEquals(viaSpark.get(i).meanCost(), viaDuckdb.get(i).meanCost(), 1e-9 * viaSpark.get(i).meanCost());
                assertEquals(viaSpark.get(i).meanTFinal(), viaDuckdb.get(i).meanTFinal(), 1e-9);
            }
            // A part file present twice (a retried task's copy) adds no trajectory.
            Path part;
            try (Stream<Path> files = Files.walk(dir.resolve("out/trajectories"))) {
                part = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
            }
            Files.copy(part, part.resolveSibling("part-99999-copy.parquet"));
            assertCounts(byHand, db.probabilities(out, List.of(), 0.95, List.of()));
            Files.delete(part.resolveSibling("part-99999-copy.parquet"));
            assertEquals(db.readRc(out).size(), Aggregates.readRc(spark, out.uri(SweepOutput.RC)).size());
        }
    }

    @Test
    void showPrintsTheCountAndAFilteredHead() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.commandLine().execute("show", out.uri(SweepOutput.TRAJECTORIES), "--engine", "duckdb",
                "--where", "setup = 'fixed-flow' and d = 10", "--columns", "R,outcome", "-n", "3"));
        } finally {
            System.setOut(saved);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains(": 36 rows (first 3 shown)"), printed);
        assertEquals(1 + 1 + 3, printed.lines().count(), printed);
    }

    /**
     * The footers DuckDB reads (for show, rc and plot on a local output, without Hadoop) are those parquet-java
     * reads through Hadoop (for everything else): the same parts, row counts, key-value metadata (the sweep's
     * identity and column units), and the same files found damaged or outside the layout.
     */
    @Test
    void duckdbReadsTheFootersParquetJavaReads() throws IOException {
        Path copy = dir.resolve("footers");
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(dir.resolve("out").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path setupDir = copy.resolve("trajectories/setup=fixed-flow/d=10");
        Path part;
        try (Stream<Path> files = Files.list(setupDir)) {
            part = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(part);
        Files.write(setupDir.resolve("part-77777-truncated.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(copy.resolve("trajectories/notes.txt"), "not a part");
        SweepOutput viaHadoop = new SweepOutput(spark.sparkContext().hadoopConfiguration(), copy.toString());
        SweepOutput viaJdk = SweepOutput.at(copy.toString());
        List<SweepOutput.Part> expected = viaHadoop.parts(SweepOutput.TRAJECTORIES, viaHadoop.parquetFooters());
        List<SweepOutput.Part> found;
        try (LocalTables db = LocalTables.open()) {
            found = viaJdk.parts(SweepOutput.TRAJECTORIES, db.footers());
        }
        assertEquals(2 * 2 + 2, expected.size(), expected.toString()); // 4 (setup, d) parts, the truncated one, the note
        assertEquals(expected.size(), found.size());
        for (int i = 0; i < expected.size(); i++) {
            SweepOutput.Part e = expected.get(i);
            SweepOutput.Part f = found.get(i);
            assertEquals(List.of(e.path(), e.bytes(), String.valueOf(e.setup()), String.valueOf(e.d()), e.rows(), e.metadata()),
                List.of(f.path(), f.bytes(), String.valueOf(f.setup()), String.valueOf(f.d()), f.rows(), f.metadata()), e.path());
            assertEquals(e.damage() == null, f.damage() == null, e.path() + ": " + e.damage() + " / " + f.damage());
        }
        assertTrue(found.stream().anyMatch(p -> p.damage() != null && p.path().endsWith("part-77777-truncated.parquet")));
        assertTrue(found.stream().anyMatch(p -> p.setup() == null && p.path().endsWith("notes.txt")));
        assertTrue(found.stream().filter(p -> p.damage() == null && p.setup() != null)
            .allMatch(p -> p.rows() > 0 && p.metadata().containsKey("org.apache.spark.sql.parquet.row.metadata")));
    }

    /**
     * What makes {@code show} answer in about a second: in a fresh JVM, showing a local sweep starts none of
     * log4j, Hadoop's file systems (classes named in signatures may load, unused), parquet-java and Spark (their
     * start-up is most of a second each).
     */
    @Test
    void showingALocalOutputStartsNeitherHadoopNorLog4jNorSpark() throws Exception {
        Path loaded = dir.resolve("classes.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xlog:class+load=info:file=" + loaded, "-cp", System.getProperty("java.class.path"),
            Main.class.getName(), "show", spec.output());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), printed);
        assertTrue(printed.contains("points have rows"), printed);
        String classes = Files.readString(loaded);
        assertTrue(classes.contains("org.modesweep.jobs.LocalTables "), "the check must see the command's classes");
        for (String heavy : new String[] {"org.apache.logging.log4j.core.LoggerContext ", "org.apache.hadoop.fs.LocalFileSystem ",
            "org.apache.hadoop.security.UserGroupInformation ", "org.apache.spark.SparkContext ", "org.apache.parquet.hadoop.ParquetFileReader "}) {
            assertTrue(!classes.contains(heavy), heavy.trim() + " was loaded");
        }
    }
}
