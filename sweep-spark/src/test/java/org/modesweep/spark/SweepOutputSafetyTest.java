package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Path part = dir.resolve("series/setup=a/d=10");
        Files.createDirectories(part);
        Files.write(dir.resolve("series/_SUCCESS"), new byte[0]);
        Files.write(part.resolve(".part-00000-x.c000.snappy.parquet.crc"), new byte[3]);
        SweepOutput out = new SweepOutput(new Configuration(), dir.toString());
        out.requireSoundTable("series"); // Spark's markers and hidden files are not the table's

        byte[] truncated = new byte[40];
        System.arraycopy("PAR1".getBytes(), 0, truncated, 0, 4);
        Files.write(part.resolve("part-00001-y.c000.snappy.parquet"), truncated);
        Files.write(dir.resolve("series/setup=a/other.parquet"), truncated);
        Files.writeString(dir.resolve("series/notes.txt"), "x");
        OutputProblem e = assertThrows(OutputProblem.class, () -> out.requireSoundTable("series"));
        assertTrue(e.getMessage().contains("3 file(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("damaged Parquet file " + new SweepOutput(new Configuration(), dir.toString())
            .path("series/setup=a/d=10/part-00001-y.c000.snappy.parquet")), e.getMessage());
        assertEquals(2, e.getMessage().split("foreign file").length - 1, e.getMessage());
    }

    @Test
    void targetsThatCannotHoldAnOutputAreNamedBeforeSparkStarts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertTrue(SweepOutput.targetProblem(file.toString()).contains("is a file"));
        assertTrue(SweepOutput.targetProblem(file + "/below").contains("is a file"));
        assertTrue(SweepOutput.targetProblem("data/../x").contains("'..'"));
        assertEquals(null, SweepOutput.targetProblem(dir.resolve("new/deeper").toString()));
        assertEquals(null, SweepOutput.targetProblem("hdfs://nn:8020/sweeps/x"));
    }

    /** Partition folders' names are read back as Spark's own unescaping reads them, for every character it escapes. */
    @Test
    void partitionValuesAreUnescapedAsSparkDoes() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append((char) (random.nextBoolean() ? 32 + random.nextInt(96) : random.nextInt(0x3000)));
            }
            String value = b.toString();
            String escaped = org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(value);
            assertEquals(value, SweepOutput.unescapePathName(escaped));
            for (String odd : new String[] {value, escaped + "%", escaped + "%4", "%zz" + escaped}) {
                assertEquals(org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.unescapePathName(odd),
                    SweepOutput.unescapePathName(odd), odd);
            }
        }
    }
}
