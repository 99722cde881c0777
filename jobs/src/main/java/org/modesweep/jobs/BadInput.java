package org.modesweep.jobs;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Bad arguments or input files: one line naming what is wrong, exit code 2; anything else is a failure. */
final class BadInput {
    static final int EXIT = 2;

    private BadInput() {
    }

    static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("sweep: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err); // "Did you mean: show?"
        }
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return EXIT;
    }

    static int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof IllegalArgumentException) {
            err.println("sweep " + cli.getCommandName() + ": " + e.getMessage());
            err.flush();
            return EXIT;
        }
        err.println("sweep " + cli.getCommandName() + " failed: " + e);
        e.printStackTrace(err);
        err.flush();
        return 1;
    }
}
