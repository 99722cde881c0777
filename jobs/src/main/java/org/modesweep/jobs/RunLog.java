package org.modesweep.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.logging.log4j.LogManager;

/**
 * The run log of one command: Spark's and Hadoop's log lines and the full trace of a failure, in
 * {@code $TMPDIR/modesweep-logs/sweep-<time>-<pid>.log} (created only when something is logged).
 * The console then shows only the command's own output and one-line errors; with {@code --debug}
 * the log lines and traces go to stderr as well.
 */
final class RunLog {
    private static Path file;
    private static boolean debug;

    private RunLog() {
    }

    /**
     * Names the run log and the console's level for log4j (its configuration, {@code log4j2.properties}, reads
     * them), without starting log4j: it starts when something first logs. Called once, by {@link Main#main}.
     */
    static synchronized void start(boolean withDebug) {
        debug = withDebug;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "modesweep-logs");
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path f = dir.resolve("sweep-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException | RuntimeException e) {
            return; // no run log (e.g. a full disk): errors stay one line, traces only with --debug
        }
        System.setProperty("modesweep.runlog", f.toString());
        System.setProperty("modesweep.console", debug ? "all" : "off");
        file = f;
    }

    static boolean debug() {
        return debug;
    }

    /** Logs a failure with its trace; returns the run log (null if there is none). */
    static Path failure(Throwable e) {
        if (file == null) {
            return null;
        }
        LogManager.getLogger("sweep").error("command failed", e);
        return Files.exists(file) ? file : null;
    }
}
