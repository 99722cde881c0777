package org.modesweep.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.PointSpace;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.core.sweep.SweepSpec;

/** Shared helpers: one local[2] session per test class, quiet runs, raw table reads. */
final class SparkTestSupport {
    private SparkTestSupport() {
    }

    static SparkSession session() {
        return Sessions.open("modesweep-test", "local[2]", null, false);
    }

    static SweepSpec spec(String yaml, String output) {
        return SpecParser.parse(yaml, "test.yaml", false).withOutput(output);
    }

    /** A run whose console output is captured (returned in {@code log[0]}). */
    static SweepRunner.Result run(SparkSession spark, SweepSpec spec, int stopAfterChunks, String[] log) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            return SweepRunner.run(spark, spec, new SweepRunner.Options(new ConsolePrinter(out), stopAfterChunks, 60_000));
        } finally {
            if (log != null) {
                log[0] = bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Every physical row of trajectories/ (no deduplication). */
    static List<Row> rawRows(SparkSession spark, SweepSpec spec) {
        return TrajectoryRows.read(spark, new SweepOutput(spark.sparkContext().hadoopConfiguration(), spec.output())
            .uri(SweepOutput.TRAJECTORIES), false).collectAsList();
    }

    static Map<String, GridPoint> pointsById(SweepSpec spec) {
        PointSpace s = spec.points();
        Map<String, GridPoint> m = new HashMap<>();
        for (long i = 0; i < s.size(); i++) {
            GridPoint p = s.point(i);
            m.put(p.pointId(), p);
        }
        return m;
    }

    static List<String> ids(List<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getAs("pointId")));
        return ids;
    }
}
