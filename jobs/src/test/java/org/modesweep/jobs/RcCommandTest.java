package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.core.sweep.SpecParser;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.SweepOutput;

/** {@code rc --save} writes into the output, so it needs the output's lock, as {@code run} does. */
class RcCommandTest {

    /** A sweep output with its spec and no rows yet (also PlotCommandTest's). */
    static Path emptySweep(Path dir) throws Exception {
        Path sweep = dir.resolve("sweep");
        Files.createDirectories(sweep.resolve(SweepOutput.TRAJECTORIES));
        Files.writeString(sweep.resolve(SweepOutput.SPEC), SpecParser.parse("""
            name: locked
            grid: {R: [2, 3], d: [10], wStar: 0.6667, seeds: 2}
            setups:
              - {name: f, weights: fixed, dynamics: {type: flow, tMax: 60}}
            """, "locked.yaml", false).toYaml());
        return sweep;
    }

    @Test
    void saveIsRefusedWhileAnotherCommandHoldsTheLock(@TempDir Path dir) throws Exception {
        Path sweep = emptySweep(dir);
        try (OutputLock ignored = OutputLock.acquire(new SweepOutput(new Configuration(), sweep.toString()), "a running sweep", false)) {
            for (Path target : new Path[] {sweep, sweep.resolve(SweepOutput.TRAJECTORIES)}) {
                StringWriter err = new StringWriter();
                var cli = Main.commandLine();
                cli.setErr(new PrintWriter(err, true));
                assertEquals(3, cli.execute("rc", target.toString(), "--save"), err.toString());
                assertTrue(err.toString().contains("is locked by") && err.toString().contains("a running sweep"), err.toString());
                assertTrue(Files.readString(sweep.resolve(OutputLock.FILE)).contains("a running sweep"),
                    "the holder's lock is left alone");
            }
        }
        assertFalse(Files.exists(sweep.resolve(OutputLock.FILE)), "released by its holder");
        assertFalse(Files.exists(sweep.resolve(SweepOutput.PROBABILITIES)), "nothing written");
    }
}
