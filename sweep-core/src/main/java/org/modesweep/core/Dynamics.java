package org.modesweep.core;

import java.util.Optional;
import org.modesweep.core.anneal.Anneal;

/**
 * A training dynamics, one of two families: the reduced one ({@link ReducedDynamics}: flow, gd, sgd, THEORY.md §4)
 * trains the two-component mixture through its overlaps; {@link RealNvpDynamics} (§7) trains a normalizing flow.
 * Each family runs and classifies its own trajectories (through its {@link Setup}), so callers never ask which it is.
 */
public sealed interface Dynamics extends java.io.Serializable permits ReducedDynamics, RealNvpDynamics {

    /** Training length: time for the reduced family, steps for realnvp. */
    double tMax();

    /** A short label such as {@code flow(tMax=400, rtol=1e-9)}, recorded with results. */
    String describe();

    /** Name of the dynamics type: {@code flow}, {@code gd}, {@code sgd} or {@code realnvp}. */
    String type();

    /** The annealing schedule (THEORY.md §9), {@link Anneal#NONE} without one. */
    Anneal anneal();

    /** What {@link Trajectory#cost()} counts, as a summary names it. */
    default String costName() {
        return "steps";
    }

    /**
     * Its own classification thresholds, recorded with its rows: realnvp's side-mass rule; empty for the reduced
     * family, classified by the setup's {@link Thresholds}.
     */
    Optional<SideMassRule> sideMassRule();

    /** Why it cannot run at dimension {@code d}, if it cannot (one rule for spec, command line and engine). */
    Optional<String> refusal(long d);
}
