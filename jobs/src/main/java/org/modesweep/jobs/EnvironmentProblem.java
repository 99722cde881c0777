package org.modesweep.jobs;

/** The environment does not allow the command (a read-only or forbidden output): exit code 4, the message as is. */
final class EnvironmentProblem extends RuntimeException {
    EnvironmentProblem(String message) {
        super(message);
    }

    EnvironmentProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
