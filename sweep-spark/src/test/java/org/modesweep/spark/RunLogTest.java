package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SweepSpec;

/** {@code run-log.jsonl} follows a run as a notebook would read it: one JSON object per line, progress to the end. */
class RunLogTest extends LocalSparkTest {

    @TempDir
    Path dir;

    @Test
    void progressEventsCountUpAndTheRateLeavesOutTheFirstChunk() throws IOException {
        SweepSpec spec = SparkTestSupport.spec(SweepResumeTest.SPEC, dir.resolve("log").toString()); // 48 points, chunks of 10
        String[] console = new String[1];
        SparkTestSupport.run(spark, spec, 0, console);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> progress = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("log").resolve(RunLog.FILE))) {
            JsonNode event = json.readTree(line);
            events.add(event.get("event").asText());
            if (event.get("event").asText().equals("progress")) {
                progress.add(event);
            }
        }
        assertEquals(List.of("start", "computed", "aggregated"), events.stream().filter(e -> !e.equals("progress")).toList(),
            "events in the order of the run");
        assertEquals(5, progress.size(), "one reading per chunk (the 10 s ticker never fires in a run this short)");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).get("done").asLong() > progress.get(i - 1).get("done").asLong(), "done counts up");
        }
        JsonNode first = progress.get(0);
        JsonNode third = progress.get(2);
        double expected = (third.get("done").asDouble() - first.get("done").asDouble())
            / (third.get("elapsedSeconds").asDouble() - first.get("elapsedSeconds").asDouble());
        assertEquals(expected, third.get("rate").asDouble(), 1e-9 * expected,
            "after the first chunk the rate is that of the later chunks, not the run's average with Spark's start-up");
        assertEquals((48 - third.get("done").asDouble()) / expected, third.get("leftSeconds").asDouble(), 1e-6);
        JsonNode last = progress.get(progress.size() - 1);
        assertEquals(48, last.get("done").asLong());
        assertEquals(0.0, last.get("leftSeconds").asDouble());
        assertTrue(console[0].contains("48 / 48 points (100.0%)") && console[0].contains("done"), console[0]);
    }
}
