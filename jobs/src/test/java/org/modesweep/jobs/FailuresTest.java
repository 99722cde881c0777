package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;
import org.modesweep.spark.OutputProblem;

/** Exit codes and the one line the user sees, by kind of failure. */
class FailuresTest {

    @Test
    void exitCodesByKind() {
        assertEquals(2, Failures.exitCode(new IllegalArgumentException("x.yaml:3: seed: expected an integer")));
        assertEquals(3, Failures.exitCode(new OutputProblem("output is locked by ...")));
        assertEquals(4, Failures.exitCode(new UncheckedIOException("cannot write m", new IOException("No space left on device"))));
        assertEquals(4, Failures.exitCode(new EnvironmentProblem("cannot write in /x: read-only file system")));
        assertEquals(1, Failures.exitCode(new IllegalStateException("a bug")));
    }

    @Test
    void theEnvironmentsReasonIsFoundBelowWrappers() {
        // as Spark reports a task's failure: the reason deep in the chain, inside a longer message
        Exception spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times",
            new RuntimeException("Lost task 0.0\njava.io.IOException: No space left on device\n\tat ..."));
        assertEquals("no space left on device", Failures.environment(spark));
        assertEquals("cannot write /o/manifest.json: read-only file system", Failures.environment(
            new UncheckedIOException("cannot write /o/manifest.json", new IOException("Read-only file system"))));
        assertEquals("cannot read /o: permission denied: /o/spec.yaml", Failures.environment(
            new UncheckedIOException("cannot read /o", new AccessDeniedException("/o/spec.yaml"))));
    }
}
