package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Before Spark starts, an output is opened with the settings its session will have: the
 * {@code spark.hadoop.*} system properties without their prefix (what {@code --conf} of spark-submit and
 * {@code -Dspark.hadoop...} give), and nothing else of Spark's.
 */
class HadoopConfigurationTest {

    @AfterEach
    void clear() {
        System.clearProperty("spark.hadoop.fs.s3a.endpoint");
        System.clearProperty("spark.sql.shuffle.partitions");
    }

    @Test
    void carriesSparkHadoopSettings() {
        assertNull(Sessions.hadoopConfiguration().get("fs.s3a.endpoint"));
        System.setProperty("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");
        System.setProperty("spark.sql.shuffle.partitions", "3");
        Configuration conf = Sessions.hadoopConfiguration();
        assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
        assertNull(conf.get("spark.sql.shuffle.partitions"));
        assertNull(conf.get("sql.shuffle.partitions"));
    }
}
