package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output confinement and detection of damaged or foreign files, without Spark. */
class SweepOutputSafetyTest {

    @Test
    void outputsWithParentReferencesAreRefused() {
        for (String bad : new String[] {"data/runs/../../etc", "../x", "/tmp/a/../b", "file:///tmp/../x",
            "hdfs://nn:8020/a/../b", "s3a://bucket/../x", "data\\..\\x"}) {
            assertThrows(IllegalArgumentException.class, () -> SweepOutput.checkNoEscape(bad), bad);
        }
        for (String ok : new String[] {"data/runs/x", "/tmp/a..b/c", "hdfs://nn:8020/a/b", "s3a://bucket/x..y"}) {
            SweepOutput.checkNoEscape(ok);
        }
    }

    @Test
    void childNamesStayInside(@TempDir Path dir) {
        SweepOutput out = new SweepOutput(new Configuration(), dir.toString());
        assertThrows(IllegalArgumentException.class, () -> out.path("../x"));
        assertThrows(IllegalArgumentException.class, () -> out.path("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> out.path("a/../../b"));
        assertEquals(dir.resolve("trajectories").toUri().getPath().replaceAll("/$", ""),
            out.path("trajectories").toUri().getPath());
    }

    @Test
    void truncatedAndForeignFilesAreReported(@TempDir Path dir) throws Exception {
        Path part = dir.resolve("trajectories/setup=a/d=10");
        Files.createDirectories(part);
        byte[] good = new byte[64];
        System.arraycopy("PAR1".getBytes(), 0, good, 0, 4);
        System.arraycopy("PAR1".getBytes(), 0, good, 60, 4);
        Files.write(part.resolve("part-00000-x.c000.snappy.parquet"), good);
        Files.write(dir.resolve("trajectories/_SUCCESS"), new byte[0]);
        Files.write(part.resolve(".part-00000-x.c000.snappy.parquet.crc"), new byte[3]);
        SweepOutput out = new SweepOutput(new Configuration(), dir.toString());
        assertEquals(List.of(), out.checkTable("trajectories"));

        Files.write(part.resolve("part-00001-y.c000.snappy.parquet"), java.util.Arrays.copyOf(good, 40)); // truncated
        Files.write(dir.resolve("trajectories/setup=a/other.parquet"), good);                              // foreign
        Files.writeString(dir.resolve("trajectories/notes.txt"), "x");                                     // foreign
        List<String> problems = out.checkTable("trajectories");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("damaged Parquet file") && p.contains("part-00001-y")));
        assertEquals(2, problems.stream().filter(p -> p.startsWith("foreign file")).count());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.requireSoundTable("trajectories"));
        assertTrue(e.getMessage().contains("3 file(s)"));
    }
}
