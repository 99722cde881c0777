package org.modesweep.jobs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.modesweep.spark.OutputProblem;
import picocli.CommandLine;

/**
 * What the user sees when a command fails: one line naming what is wrong, and an exit code
 * (documented in the README): {@value #BAD_INPUT} bad arguments or input files, {@value #OUTPUT}
 * output locked or damaged, {@value #ENVIRONMENT} the environment (read-only, no space, permission,
 * missing file), 130/143 interrupted (SIGINT/SIGTERM, see {@link Interrupts}), {@value #FAILED}
 * anything else (a bug). The full trace goes to the run log ({@link RunLog}), and to stderr with
 * {@code --debug}.
 */
final class Failures {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int OUTPUT = 3;
    static final int ENVIRONMENT = 4;

    private Failures() {
    }

    static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("sweep: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err); // "Did you mean: show?"
        }
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return BAD_INPUT;
    }

    static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code = exitCode(e);
        Path log = RunLog.failure(e);
        String details = log == null ? "" : " (details: " + log + ")";
        PrintWriter err = cli.getErr();
        String message = switch (code) {
            case BAD_INPUT, OUTPUT -> e.getMessage();
            case ENVIRONMENT -> (e instanceof EnvironmentProblem ? e.getMessage() : environment(e)) + details;
            default -> "failed: " + firstLine(String.valueOf(e)) + details;
        };
        err.println("sweep " + cli.getCommandName() + ": " + message);
        if (RunLog.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof OutputProblem) {
            return OUTPUT;
        }
        if (e instanceof IllegalArgumentException) {
            return BAD_INPUT;
        }
        if (e instanceof EnvironmentProblem) {
            return ENVIRONMENT;
        }
        return reason(e) != null ? ENVIRONMENT : FAILED;
    }

    /** "what failed: why", from the outermost message of ours ("cannot ...") and the I/O reason below it. */
    static String environment(Throwable e) {
        String context = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (context == null && m != null && m.startsWith("cannot ")) {
                context = firstLine(m);
            }
        }
        String why = reason(e);
        return context == null ? why : context + ": " + why;
    }

    /** The environment's reason for a failure, or null if it is not an I/O failure. */
    static String reason(Throwable e) {
        IOException io = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            for (String known : new String[] {"no space left on device", "disk quota exceeded", "read-only file system",
                "permission denied"}) {
                if (m.contains(known)) {
                    return known;
                }
            }
            if (t instanceof AccessDeniedException a) {
                return "permission denied: " + a.getFile();
            }
            if (t instanceof NoSuchFileException n) {
                return "no such file: " + n.getFile();
            }
            if (t instanceof FileNotFoundException f) {
                return "no such file: " + firstLine(f.getMessage());
            }
            if (io == null && t instanceof IOException i) {
                io = i;
            }
        }
        return io == null ? null : firstLine(io.getClass().getSimpleName() + ": " + io.getMessage());
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
