package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The state of an output comes from its data: foreign, alien and damaged parts are refused naming
 * the file, lost parts and manifests are seen, the manifest is rebuilt, one writer holds the lock.
 * One sweep is computed once; each case works on a copy of it.
 */
class OutputFaultsTest extends LocalSparkTest {

    @TempDir
    static Path dir;
    static SweepSpec base;

    @BeforeAll
    static void computeOnce() {
        base = SparkTestSupport.spec(SweepResumeTest.SPEC, dir.resolve("base").toString());
        SparkTestSupport.run(spark, base, 0, null);
    }

    /** A copy of the base output and its spec. */
    static SweepSpec copy(String name) throws IOException {
        Path from = dir.resolve("base");
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return base.withOutput(to.toString());
    }

    static SweepOutput output(SweepSpec spec) {
        return new SweepOutput(new Configuration(), spec.output());
    }

    static OutputStatus status(SweepSpec spec) {
        return OutputStatus.of(output(spec), spec, output(spec).manifest());
    }

    @Test
    void aCompleteOutputCountsItsRowsFromTheFooters() {
        OutputStatus s = status(base);
        assertTrue(s.complete(), s.toString());
        assertEquals(48, s.rows());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void aTableOfAnotherKindInsideTrajectoriesIsRefusedByName() throws IOException {
        SweepSpec spec = copy("foreign");
        Path probs = SweepResumeTest.parquetFiles(dir.resolve("foreign/probabilities")).get(0);
        Path planted = dir.resolve("foreign/trajectories/setup=f/d=4/part-77777-planted.c000.snappy.parquet");
        Files.copy(probs, planted);
        OutputStatus listed = OutputStatus.of(new Configuration(), spec.output() + "/trajectories");
        assertEquals(List.of(planted.toUri().toString().replace("file:///", "file:/")), listed.rejected());
        assertEquals(48, listed.rows(), "the sweep's own rows are still counted");
        OutputProblem e = assertThrows(OutputProblem.class, () -> ExistingSweep.open(new Configuration(), spec.output()));
        assertTrue(e.getMessage().contains("foreign file " + output(spec).path("trajectories/setup=f/d=4/" + planted.getFileName()))
            && e.getMessage().contains("not trajectory rows"), e.getMessage());
        assertThrows(OutputProblem.class, () -> SparkTestSupport.run(spark, spec, 0, null));
        assertTrue(Files.exists(planted), "nothing is deleted without being asked");

        String report = SweepRepair.repair(output(spec), true);
        assertTrue(report.contains("moved") && report.contains("48 of 48 points have rows"), report);
        assertTrue(Files.exists(dir.resolve("foreign/_rejected/trajectories/setup=f/d=4").resolve(planted.getFileName())));
        assertTrue(status(spec).complete());
    }

    @Test
    void rowsOfAnotherSweepAreRefusedByTheIdentityTheirPartCarries() throws IOException {
        SweepSpec spec = copy("alien");
        SweepSpec other = SparkTestSupport.spec(SweepResumeTest.SPEC.replace("seed: 5", "seed: 6"), dir.resolve("other").toString());
        SparkTestSupport.run(spark, other, 1, null);
        Path alien = SweepResumeTest.parquetFiles(dir.resolve("other/trajectories")).get(0);
        Path planted = dir.resolve("alien/trajectories").resolve(dir.resolve("other/trajectories").relativize(alien).toString()
            .replace("part-", "part-88888-"));
        Files.copy(alien, planted);
        OutputStatus s = status(spec);
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertTrue(s.problems().get(0).contains(planted.getFileName().toString()) && s.problems().get(0).contains("another sweep"),
            s.problems().toString());
        assertFalse(s.complete());
        assertEquals(48, s.rows(), "the sweep's own rows are still counted");
    }

    @Test
    void aDeletedPartAndATruncatedPartAreSeenInTheData() throws IOException {
        SweepSpec spec = copy("lost");
        List<Path> parts = SweepResumeTest.parquetFiles(dir.resolve("lost/trajectories"));
        long lost = spark.read().parquet(parts.get(0).toString()).count();
        Files.delete(parts.get(0));
        OutputStatus s = status(spec);
        assertEquals(48 - lost, s.rows());
        assertFalse(s.complete());
        assertTrue(s.describe().startsWith((48 - lost) + " of 48 points have rows"), s.describe());

        byte[] bytes = Files.readAllBytes(parts.get(1));
        Files.write(parts.get(1), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        OutputProblem e = assertThrows(OutputProblem.class, () -> status(spec).requireSound());
        assertTrue(e.getMessage().contains("damaged Parquet file") && e.getMessage().contains(parts.get(1).getFileName().toString()),
            e.getMessage());
    }

    @Test
    void aLostOrBrokenManifestIsRebuiltFromTheData() throws IOException {
        SweepSpec spec = copy("nomanifest");
        Files.delete(dir.resolve("nomanifest/manifest.json"));
        assertEquals(48, ExistingSweep.open(new Configuration(), spec.output()).status().rows(), "readers need no manifest");
        String[] log = new String[1];
        SweepRunner.Result r = SparkTestSupport.run(spark, spec, 0, log);
        assertTrue(log[0].contains("manifest.json was missing or unreadable; rebuilt"), log[0]);
        assertEquals(0, r.computed());
        assertTrue(output(spec).manifest().completed());

        Files.writeString(dir.resolve("nomanifest/manifest.json"), "{\"format\": \"modesweep-sweep-v2\", \"points\": 4");
        assertEquals(null, output(spec).manifest());
        String report = SweepRepair.repair(output(spec), false);
        assertTrue(report.contains("48 of 48 points have rows"), report);
        Manifest m = output(spec).manifest();
        assertTrue(m.completed() && m.trajectories() == 48 && m.specHash().equals(spec.hash()), m.toString());
    }

    @Test
    void partsOfAnOutputStartedBeforeIdentitiesAreAcceptedBySchema() throws IOException {
        SweepSpec spec = copy("legacy");
        SweepOutput out = output(spec);
        // rewrite the rows without the identity (read with the plain schema drops column metadata)
        TrajectoryRows.read(spark, out.uri(SweepOutput.TRAJECTORIES), false).write().mode(SaveMode.Overwrite)
            .partitionBy(TrajectoryRows.PARTITIONS).parquet(out.uri("legacy-rows"));
        out.delete(SweepOutput.TRAJECTORIES);
        out.rename("legacy-rows", SweepOutput.TRAJECTORIES);
        Manifest m = out.manifest();
        out.writeManifest(new Manifest(Manifest.LEGACY, m.name(), m.specHash(), m.points(), m.setups(), true, 48,
            m.engineVersion(), m.sparkVersion(), m.created(), m.updated(), m.aggregation()));
        assertTrue(status(spec).complete(), status(spec).toString());
        // in an output whose parts carry the identity, a part without it is foreign
        out.writeManifest(m);
        OutputStatus strict = status(spec);
        assertFalse(strict.problems().isEmpty());
        assertTrue(strict.problems().stream().allMatch(p -> p.contains("carries no sweep identity")), strict.problems().toString());
    }

    @Test
    void oneWriterPerOutputAndStaleLocksAreBrokenOnlyWhenAsked() throws Exception {
        SweepSpec spec = copy("locked");
        SweepOutput out = output(spec);
        try (OutputLock held = OutputLock.acquire(out, "first", false)) {
            OutputProblem e = assertThrows(OutputProblem.class, () -> OutputLock.acquire(out, "second", false));
            assertTrue(e.getMessage().contains("is locked by") && e.getMessage().contains("pid " + ProcessHandle.current().pid())
                && e.getMessage().contains("first"), e.getMessage());
            assertThrows(OutputProblem.class, () -> OutputLock.acquire(out, "second", true), "a live lock is never broken");
            assertThrows(OutputProblem.class, () -> SparkTestSupport.run(spark, spec, 0, null));
        }
        // a lock left by a process that is gone
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String lock = String.format(
            "{\"user\":\"u\",\"host\":\"%s\",\"pid\":%d,\"started\":\"%s\",\"heartbeat\":\"%s\",\"command\":\"sweep run\",\"token\":\"t\"}",
            java.net.InetAddress.getLocalHost().getHostName(), gone.pid(), java.time.Instant.now(), java.time.Instant.now());
        Files.writeString(dir.resolve("locked").resolve(OutputLock.FILE), lock);
        OutputProblem e = assertThrows(OutputProblem.class, () -> OutputLock.acquire(out, "next", false));
        assertTrue(e.getMessage().contains("stale lock") && e.getMessage().contains("--break-lock"), e.getMessage());
        try (OutputLock taken = OutputLock.acquire(out, "next", true)) {
            assertTrue(Files.readString(dir.resolve("locked").resolve(OutputLock.FILE)).contains("\"next\""));
        }
        assertFalse(Files.exists(dir.resolve("locked").resolve(OutputLock.FILE)), "released on close");
    }
}
