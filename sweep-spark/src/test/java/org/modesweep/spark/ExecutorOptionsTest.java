package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Executors get the compile and collector flags, a user's choice of collector is kept, and the JVM starts with them. */
class ExecutorOptionsTest {

    @Test
    void addsFlagsOnceAndKeepsAChosenCollector() throws Exception {
        String plain = Sessions.executorJavaOptions("");
        assertEquals(Sessions.COMPILE_HUGE_METHODS + " " + Sessions.THROUGHPUT_GC, plain);
        assertEquals(plain, Sessions.executorJavaOptions(plain));
        String g1 = Sessions.executorJavaOptions("-Xss4m -XX:+UseG1GC");
        assertFalse(g1.contains(Sessions.THROUGHPUT_GC));
        assertTrue(g1.contains("-XX:+UseG1GC") && g1.contains(Sessions.COMPILE_HUGE_METHODS));
        assertEquals(0, javaVersion(plain));
        assertEquals(0, javaVersion(g1));
        // what the guard prevents: two collectors and the executor JVM does not start
        assertTrue(javaVersion(plain + " -XX:+UseG1GC") != 0);
    }

    private static int javaVersion(String options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(options.split(" ")));
        cmd.add("-version");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
