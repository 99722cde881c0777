package org.modesweep.spark;

/**
 * The output cannot be used as it is: another run holds its lock, or {@code trajectories/} holds
 * files that are not this sweep's own (foreign or damaged parts). The command line exits with 3.
 */
public final class OutputProblem extends RuntimeException {
    public OutputProblem(String message) {
        super(message);
    }
}
