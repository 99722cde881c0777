package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import java.util.random.RandomGenerator;

/**
 * A training dynamics (THEORY.md §4). The reduced ones report the same normalised overlaps, so one
 * classifier serves all of them; {@link RealNvpDynamics} (§7) has no overlaps and is trained and
 * classified by {@link Trajectory#run} through its own path.
 */
public sealed interface Dynamics permits Flow, GradientDescent, StochasticGradientDescent, RealNvpDynamics {

    /**
     * Trains from {@code start} until converged or {@code tMax}.
     *
     * @param plateauCos the magnitude {@code |m_k|} beyond which both components count as on the plateau
     * @param rng        the trajectory's own noise stream (used by {@code sgd} only)
     */
    Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder);

    double tMax();

    /** Tolerance on {@code max|dy/dt|} of the normalised state that counts as converged. */
    double convergenceTol();

    /** A short label such as {@code flow(tMax=400, rtol=1e-9)}, recorded with results. */
    String describe();

    /** How its covering ends are told {@code COVERAGE} or {@code MISWEIGHTED}: by KL unless the dynamics is noisy. */
    default CoverageRule coverageRule() {
        return CoverageRule.KL;
    }

    /** Name of the dynamics type: {@code flow}, {@code gd}, {@code sgd} or {@code realnvp}. */
    String type();

    /** The annealing schedule (THEORY.md §9), {@link Anneal#NONE} without one. */
    Anneal anneal();
}
