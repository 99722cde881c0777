package org.modesweep.core;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The reduced family (THEORY.md §4): flow, gd and sgd move the overlaps of the mixture (§2) and all report them,
 * so one classifier (§5, {@link Classification#of}) serves them all.
 */
public sealed interface ReducedDynamics extends Dynamics permits Flow, GradientDescent, StochasticGradientDescent {

    /**
     * Trains from {@code start} until converged or {@code tMax}.
     *
     * @param plateauCos the magnitude {@code |m_k|} beyond which both components count as on the plateau
     * @param rng        the trajectory's own noise stream (used by {@code sgd} only)
     */
    Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder);

    /** Tolerance on {@code max|dy/dt|} of the normalised state that counts as converged. */
    double convergenceTol();

    /** How its covering ends are told {@code COVERAGE} or {@code MISWEIGHTED}: by KL unless the dynamics is noisy. */
    default CoverageRule coverageRule() {
        return CoverageRule.KL;
    }

    /**
     * Trains {@code mixture} on the target {@code (R, d, w*)} and classifies its end by {@code thresholds}: a pure
     * function of its arguments. The seed feeds a splittable generator whose first child draws the start and whose
     * second drives {@code sgd} noise, so a start does not depend on the dynamics it is run with.
     */
    default ReducedTrajectory trajectory(Mixture mixture, Thresholds thresholds, double R, long d, double wStar,
                                         long seed, Recorder recorder, ReducedModel.Expectations expectations) {
        Problem problem = mixture.problem(R, d, wStar);
        ReducedModel model = new ReducedModel(problem, expectations);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom noise = root.split();
        State drawn = mixture.init().overlaps(problem, initRng);
        State start = new State(drawn.m1(), drawn.m2(), drawn.q11(), drawn.q22(), drawn.q12(),
            model.initialLogit(mixture.a0()));
        Run run = run(model, start, thresholds.alignCos(), noise, recorder);
        double kl = run.error() == null && run.end().isFinite() ? model.kl(run.end()) : Double.NaN;
        Classification classification =
            Classification.of(run.end(), kl, run.converged(), run.error(), thresholds, coverageRule(), wStar);
        return new ReducedTrajectory(start, run, kl, classification);
    }

    @Override
    default Optional<SideMassRule> sideMassRule() {
        return Optional.empty();
    }

    /** The overlaps' equations hold at any {@code d}. */
    @Override
    default Optional<String> refusal(long d) {
        return Optional.empty();
    }
}
