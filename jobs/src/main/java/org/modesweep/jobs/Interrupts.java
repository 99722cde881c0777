package org.modesweep.jobs;

import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM during a run: the first asks the run to stop (the action given, e.g.
 * cancelling the Spark job of the chunk in flight; the run then stops between chunks and reports),
 * a second one exits at once. Exit codes 130 and 143 (128 + signal number), as a shell reports them.
 */
final class Interrupts {
    private final AtomicReference<Signal> received = new AtomicReference<>();
    private volatile Runnable onFirst = () -> { };

    private Interrupts() {
    }

    /** Installs the handlers (where the platform lets us; else the JVM's default stays). */
    static Interrupts install() {
        Interrupts i = new Interrupts();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), i::handle);
            } catch (IllegalArgumentException e) {
                // the signal is reserved here: the JVM's default handling stays
            }
        }
        return i;
    }

    private void handle(Signal s) {
        if (received.compareAndSet(null, s)) {
            System.err.println("\n" + "SIG" + s.getName() + ": stopping (the chunk in flight is cancelled, committed chunks are kept)"
                + " - again to exit at once");
            onFirst.run();
        } else {
            System.exit(128 + s.getNumber()); // shutdown hooks release the lock and stop Spark
        }
    }

    /** What the first signal does (after the message). */
    void onSignal(Runnable action) {
        onFirst = action;
    }

    boolean requested() {
        return received.get() != null;
    }

    /** "SIGINT" or "SIGTERM". */
    String name() {
        return "SIG" + received.get().getName();
    }

    int exitCode() {
        return 128 + received.get().getNumber();
    }
}
