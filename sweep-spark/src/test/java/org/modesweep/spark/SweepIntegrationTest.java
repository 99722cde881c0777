package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.Outcome;
import org.modesweep.core.Recorder;
import org.modesweep.core.Overlaps;
import org.modesweep.core.Setup;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.RcEstimate;
import org.modesweep.core.stats.RcEstimator;
import org.modesweep.core.stats.RcMethod;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/** A small sweep end to end on local[2]: the tables against the grid, against each other and against direct core runs. */
class SweepIntegrationTest extends LocalSparkTest {

    static final String SPEC = """
        name: it
        seed: 20241017
        grid:
          R: [1.75, 2.5, 3.25]
          d: [3, 200]
          wStar: [0.6667]
          seeds: 6
        setups:
          - {name: fixed-flow, weights: fixed, dynamics: {type: flow, tMax: 150}}
          - {name: trainable-gd, weights: trainable, dynamics: {type: gd, eta: 0.5, tMax: 150}, init: {type: gaussian, sigma0: 1.0}}
        threshold: {level: [0.25, 0.5], bootstrap: 20}
        spark: {partitions: 3, chunk: 25}
        """;

    @TempDir
    static Path dir;
    static SweepSpec spec;
    static SweepRunner.Result result;
    static List<Row> rows;
    static String[] log = new String[1];

    @BeforeAll
    static void runSweep() {
        spec = SparkTestSupport.spec(SPEC, dir.resolve("out").toString());
        result = SparkTestSupport.run(spark, spec, 0, log);
        rows = SparkTestSupport.rawRows(spark, spec);
    }

    @Test
    void oneRowPerGridPointWithUniqueStableIds() {
        assertEquals(72, spec.trajectories());
        assertEquals(72, rows.size());
        assertTrue(result.completed());
        assertEquals(72, result.computed());
        assertTrue(result.chunks() >= 3, "chunk: 25 splits 72 points into 3 commits");
        Set<String> ids = new HashSet<>(SparkTestSupport.ids(rows));
        assertEquals(72, ids.size());
        assertEquals(SparkTestSupport.pointsById(spec).keySet(), ids);
    }

    @Test
    void rowsCarryTheGridCoordinatesAndReproduceDirectCoreRuns() {
        Map<String, GridPoint> points = SparkTestSupport.pointsById(spec);
        for (Row r : rows) {
            GridPoint p = points.get(r.<String>getAs("pointId"));
            assertEquals(p.setup(), r.getAs("setup"));
            assertEquals(p.R(), r.<Double>getAs("R"));
            assertEquals(p.d(), r.<Long>getAs("d"));
            assertEquals(p.wStar(), r.<Double>getAs("wStar"));
            assertEquals(p.seedIndex(), r.<Integer>getAs("seedIndex"));
            assertEquals(p.seed(), r.<Long>getAs("seed"));
            assertNull(r.getAs("startM1"));
            // the same trajectory, run here from the row's own columns and the spec's setup
            Setup setup = spec.setup(r.getAs("setup")).toSetup(spec.classify().thresholds(), null);
            Trajectory t = Trajectory.run(setup, r.getAs("R"), r.getAs("d"), r.getAs("wStar"), r.getAs("seed"), Recorder.NONE);
            Overlaps overlaps = t.overlaps().orElseThrow();
            State s0 = overlaps.start();
            State y = overlaps.end();
            String where = "point " + p;
            assertEquals(t.outcome().name(), r.getAs("outcome"), where);
            assertEquals(t.outcome().isCollapse(), r.<Boolean>getAs("collapse"), where);
            assertEquals(t.classification().mode(), r.<Integer>getAs("mode"), where);
            assertEquals(t.converged(), r.<Boolean>getAs("converged"), where);
            assertEquals(t.tFinal(), r.<Double>getAs("tFinal"), where);
            assertEquals(overlaps.plateauTime(), r.<Double>getAs("plateauTime"), where);
            assertEquals(t.cost(), r.<Long>getAs("cost"), where);
            assertEquals(t.kl(), r.<Double>getAs("kl"), where);
            assertEquals(List.of(s0.m1(), s0.m2(), s0.q11(), s0.q22(), s0.q12(), s0.a()),
                List.of(r.getAs("m1_0"), r.getAs("m2_0"), r.getAs("q11_0"), r.getAs("q22_0"), r.getAs("q12_0"), r.getAs("a_0")), where);
            assertEquals(List.of(y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), y.a(), y.w1(), y.w2()),
                List.of(r.getAs("m1"), r.getAs("m2"), r.getAs("q11"), r.getAs("q22"), r.getAs("q12"), r.getAs("a"),
                    r.getAs("w1"), r.getAs("w2")), where);
            assertEquals(setup.dynamics().describe(), r.getAs("dynamics"));
            assertEquals(setup.trainedMixture().orElseThrow().init().describe(), r.getAs("init"));
            assertEquals(spec.classify().alignCos(), r.<Double>getAs("alignCos"));
            assertEquals(0, r.<Integer>getAs("round"));
            assertNull(r.getAs("error"), where);
        }
    }

    @Test
    void probabilitiesAreTheCountsOfTheTrajectories() {
        // independent count from the raw rows
        Map<String, long[]> counts = new TreeMap<>();
        for (Row r : rows) {
            String key = r.getAs("setup") + "|" + r.getAs("d") + "|" + r.getAs("wStar") + "|" + r.getAs("R");
            long[] c = counts.computeIfAbsent(key, k -> new long[Outcome.values().length + 2]);
            c[Outcome.valueOf(r.getAs("outcome")).ordinal()]++;
            c[Outcome.values().length] += r.<Boolean>getAs("collapse") ? 1 : 0;
            c[Outcome.values().length + 1]++;
        }
        List<Probability> table = Aggregates.readProbabilities(spark, dir.resolve("out/probabilities").toString());
        assertEquals(counts.size(), table.size());
        assertEquals(2 * 3 * 2, table.size());
        for (Probability p : table) {
            long[] c = counts.get(p.setup() + "|" + p.d() + "|" + p.wStar() + "|" + p.R());
            assertNotNull(c, p.toString());
            for (Outcome o : Outcome.values()) {
                assertEquals(c[o.ordinal()], p.count(o), o + " at " + p);
            }
            long n = c[Outcome.values().length + 1];
            long k = c[Outcome.values().length];
            assertEquals(n, p.n());
            assertEquals(6, p.n());
            assertEquals(k, p.collapse());
            assertEquals((double) k / n, p.pCollapse());
            Interval w = Wilson.interval(k, n, 0.95);
            assertEquals(w.low(), p.pLow());
            assertEquals(w.high(), p.pHigh());
            assertEquals((double) c[Outcome.UNRESOLVED.ordinal()] / n, p.unresolvedFraction());
        }
    }

    @Test
    void rcTableMatchesTheEstimatorOnTheTrajectoriesAndSummaryCsv() throws Exception {
        List<RcRow> rc = Aggregates.readRc(spark, dir.resolve("out/rc").toString());
        // setups x d x w* x levels x methods
        assertEquals(2 * 2 * 1 * 2 * 2, rc.size());
        for (RcRow r : rc) {
            List<Double> radius = new ArrayList<>();
            List<Boolean> collapse = new ArrayList<>();
            for (Row t : rows) {
                if (t.getAs("setup").equals(r.setup()) && t.<Long>getAs("d") == r.d()) {
                    radius.add(t.getAs("R"));
                    collapse.add(t.getAs("collapse"));
                }
            }
            double[] x = radius.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] c = new boolean[x.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = collapse.get(i);
            }
            // R_c does not depend on the bootstrap seed; its interval does, so compare the estimate without one
            RcMethod method = RcMethod.valueOf(r.method().toUpperCase(java.util.Locale.ROOT));
            RcEstimate e = RcEstimator.estimate(x, c, r.level(), method, 0, 0.95, 1);
            assertEquals(18, r.trajectories());
            assertEquals(e.trajectories(), r.trajectories());
            assertEquals(e.censored(), r.censored(), r.toString());
            assertEquals(e.rc(), r.rc(), r.toString());
            assertEquals(e.maxProbability(), r.maxProbability(), r.toString());
        }
        assertEquals(rc.size() / 2, rc.stream().filter(r -> r.method().equals("monotone")).count());
        List<String> csv = Files.readAllLines(dir.resolve("out/summary.csv"));
        assertEquals(rc.size() + 1, csv.size());
        assertTrue(csv.get(0).startsWith("setup,d,wStar,level,rc,rcLow,rcHigh,method,trajectories,censored"), csv.get(0));
        assertTrue(log[0].contains("R_c = radius where P(collapse) reaches the level"), log[0]);
    }

    @Test
    void layoutSpecManifestAndPlots() throws Exception {
        Path out = dir.resolve("out");
        for (String setup : List.of("fixed-flow", "trainable-gd")) {
            for (long d : List.of(3L, 200L)) {
                assertTrue(Files.isDirectory(out.resolve("trajectories/setup=" + setup + "/d=" + d)));
            }
            for (String plot : List.of("-probability", "-rc")) {
                assertTrue(Files.size(out.resolve("plots/" + setup + plot + ".png")) > 1000);
                assertTrue(Files.size(out.resolve("plots/" + setup + plot + ".svg")) > 1000);
            }
        }
        SweepSpec resolved = SpecParser.parse(out.resolve("spec.yaml"), false);
        assertEquals(spec.hash(), resolved.hash());
        Manifest m = new SweepOutput(spark.sparkContext().hadoopConfiguration(), out.toString()).manifest();
        assertTrue(m.completed());
        assertEquals(spec.hash(), m.specHash());
        assertEquals(72, m.points());
        assertEquals(72, m.trajectories());
        assertEquals(List.of("fixed-flow", "trainable-gd"), m.setups());
        for (String column : List.of("pointId", "setup", "R", "d", "wStar", "seedIndex", "seed", "init", "dynamics",
            "weights", "m1_0", "m2_0", "s_0", "outcome", "collapse", "mode", "converged", "tFinal", "plateauTime", "m1",
            "m2", "q11", "q22", "q12", "w1", "kl", "cost", "error", "weightEps", "alignCos", "klTol", "engineVersion", "round")) {
            assertTrue(List.of(TrajectoryRows.SCHEMA.fieldNames()).contains(column), column);
        }
        // an independent reader sees the same columns (partition columns come from the folder names)
        List<String> inferred = List.of(spark.read().parquet(out.resolve("trajectories").toString()).columns());
        assertEquals(new HashSet<>(List.of(TrajectoryRows.SCHEMA.fieldNames())), new HashSet<>(inferred));
        assertFalse(Files.exists(out.resolve(".manifest.json.crc")));
    }

    /** Issue 14 item 7: a reader without Spark finds each column's unit and description in the Parquet footer. */
    @Test
    void parquetFooterCarriesEachColumnsUnitAndDescription() throws Exception {
        Path file;
        try (var files = Files.walk(dir.resolve("out/trajectories"))) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Map<String, String> footer;
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(org.apache.parquet.hadoop.util.HadoopInputFile
            .fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new org.apache.hadoop.conf.Configuration()))) {
            footer = reader.getFooter().getFileMetaData().getKeyValueMetaData();
        }
        var fields = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(footer.get("org.apache.spark.sql.parquet.row.metadata")).get("fields");
        Map<String, com.fasterxml.jackson.databind.JsonNode> byName = new HashMap<>();
        fields.forEach(f -> byName.put(f.get("name").asText(), f.get("metadata")));
        Set<String> expected = new HashSet<>();
        for (TrajectoryColumn c : TrajectoryRows.FIXED) {
            if (!List.of(TrajectoryRows.PARTITIONS).contains(c.name())) {
                expected.add(c.name());
                assertNotNull(byName.get(c.name()), c.name());
                assertEquals(c.unit(), byName.get(c.name()).get("unit").asText(), c.name());
                assertEquals(c.description(), byName.get(c.name()).get("description").asText(), c.name());
                assertFalse(c.description().isBlank(), c.name());
            }
        }
        assertEquals(expected, byName.keySet());
    }

    @Test
    void explicitStartGridsGiveOneRowPerStartAndOutcomeMaps() throws Exception {
        SweepSpec explicit = SparkTestSupport.spec("""
            name: portrait
            grid:
              R: 2.5
              d: 3
              wStar: 0.6667
              m1: [-0.6, 0.0, 0.6]
              m2: [-0.6, 0.0, 0.6]
              s: [0.0]
              unrealisable: skip
            setups:
              - {name: p, weights: fixed, dynamics: {type: flow, tMax: 60}, init: {type: explicit}}
            threshold: {bootstrap: 0}
            spark: {partitions: 2}
            """, dir.resolve("portrait").toString());
        SweepRunner.Result r = SparkTestSupport.run(spark, explicit, 0, null);
        assertTrue(r.completed());
        List<Row> got = SparkTestSupport.rawRows(spark, explicit);
        assertEquals(9, got.size());
        Map<String, GridPoint> points = SparkTestSupport.pointsById(explicit);
        Map<String, Double> m1 = new HashMap<>();
        for (Row row : got) {
            GridPoint p = points.get(row.<String>getAs("pointId"));
            assertEquals(p.start().m1(), row.<Double>getAs("startM1"));
            assertEquals(p.start().m2(), row.<Double>getAs("startM2"));
            assertEquals(p.start().s(), row.<Double>getAs("startS"));
            // explicit starts with r0 = R: the normalised start overlaps are the cosines themselves
            assertEquals(p.start().m1(), row.<Double>getAs("m1_0"), 1e-15);
            assertEquals(p.start().s(), row.<Double>getAs("s_0"), 1e-15);
            m1.put(row.getAs("pointId"), row.getAs("m1"));
        }
        assertEquals(9, m1.size());
        assertEquals(9, Aggregates.readProbabilities(spark, dir.resolve("portrait/probabilities").toString()).size());
        assertTrue(Files.exists(dir.resolve("portrait/plots/p-map-d3-w0.6667-R2.5-s0.png")));
    }
}
