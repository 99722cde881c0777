package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modesweep.spark.OutputLock;
import org.modesweep.spark.SweepOutput;

/** {@code plot} rewrites plots/ and report.html, so it needs the output's lock, as {@code run} and {@code rc --save} do. */
class PlotCommandTest {

    private static int plot(StringWriter err, String... args) {
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "plot";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void plotIsRefusedWhileAnotherCommandHoldsTheLock(@TempDir Path dir) throws Exception {
        Path sweep = RcCommandTest.emptySweep(dir);
        try (OutputLock ignored = OutputLock.acquire(new SweepOutput(new Configuration(), sweep.toString()), "a running sweep", false)) {
            StringWriter err = new StringWriter();
            assertEquals(3, plot(err, sweep.toString()), err.toString());
            assertTrue(err.toString().contains("is locked by") && err.toString().contains("a running sweep"), err.toString());
            assertTrue(Files.readString(sweep.resolve(OutputLock.FILE)).contains("a running sweep"),
                "the holder's lock is left alone");
        }
        assertFalse(Files.exists(sweep.resolve(OutputLock.FILE)), "released by its holder");
        assertFalse(Files.exists(sweep.resolve(SweepOutput.PLOTS)), "nothing drawn");
        assertFalse(Files.exists(sweep.resolve("report.html")), "no report written");
    }

    @Test
    void aStaleLockIsTakenOverOnlyWithBreakLock(@TempDir Path dir) throws Exception {
        Path sweep = RcCommandTest.emptySweep(dir);
        // the lock of a process on this host that has ended
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(sweep.resolve(OutputLock.FILE), String.format("""
            {"user": "someone", "host": "%s", "pid": %d, "started": "2026-01-01T00:00:00Z",
             "heartbeat": "2026-01-01T00:00:00Z", "command": "a killed sweep", "token": "t"}
            """, InetAddress.getLocalHost().getHostName(), gone.pid()));
        StringWriter err = new StringWriter();
        assertEquals(3, plot(err, sweep.toString()), err.toString());
        assertTrue(err.toString().contains("stale lock") && err.toString().contains("--break-lock"), err.toString());
        assertTrue(Files.readString(sweep.resolve(OutputLock.FILE)).contains("a killed sweep"), "kept without --break-lock");

        // taken over: plot gets past the lock to its next check (this output has no rows to draw), and releases it
        StringWriter broken = new StringWriter();
        assertEquals(2, plot(broken, sweep.toString(), "--break-lock"), broken.toString());
        assertTrue(broken.toString().contains("no trajectories yet"), broken.toString());
        assertFalse(Files.exists(sweep.resolve(OutputLock.FILE)), "released");
    }
}
