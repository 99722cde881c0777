package org.modesweep.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One local[2] session per test class: the first job in a cold JVM costs 10–20 s. */
abstract class LocalSparkTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkTestSupport.session();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }
}
