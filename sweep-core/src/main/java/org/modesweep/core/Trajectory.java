package org.modesweep.core;

import java.util.SplittableRandom;

/**
 * One trajectory: a pure function of (setup, {@code R}, {@code d}, {@code w*}, seed). The seed feeds
 * a splittable generator whose first child draws the start and whose second drives {@code sgd}
 * noise, so a start does not depend on the dynamics it is run with.
 */
public record Trajectory(Problem problem, State start, Run run, double kl, Classification classification) {

    public static Trajectory run(Setup setup, double R, long d, double wStar, long seed, Recorder recorder) {
        Problem problem = setup.problem(R, d, wStar);
        ReducedModel model = new ReducedModel(problem);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom noise = root.split();
        State drawn = setup.init().overlaps(problem, initRng);
        State start = new State(drawn.m1(), drawn.m2(), drawn.q11(), drawn.q22(), drawn.q12(),
            model.initialLogit(setup.a0()));
        Run run = setup.dynamics().run(model, start, setup.thresholds().alignCos(), noise, recorder);
        double kl = run.error() == null && run.end().isFinite() ? model.kl(run.end()) : Double.NaN;
        Classification classification =
            Classification.of(run.end(), kl, run.converged(), run.error(), setup.thresholds());
        return new Trajectory(problem, start, run, kl, classification);
    }

    public Outcome outcome() {
        return classification.outcome();
    }
}
