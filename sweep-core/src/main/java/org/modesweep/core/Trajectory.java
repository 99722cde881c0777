package org.modesweep.core;

import java.util.SplittableRandom;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.realnvp.FlowTraining;

/**
 * One trajectory: a pure function of (setup, {@code R}, {@code d}, {@code w*}, seed). The seed feeds
 * a splittable generator whose first child draws the start and whose second drives {@code sgd}
 * noise, so a start does not depend on the dynamics it is run with.
 *
 * <p>A {@code realnvp} trajectory has no mixture model: {@code problem}, {@code start} and
 * {@code run.end()} are null, {@code kl} is the flow's KL estimate and {@code flow} holds its
 * measurements (null for the reduced dynamics).
 */
public record Trajectory(Problem problem, State start, Run run, double kl, Classification classification,
                         FlowTraining.Result flow) {

    /** A trajectory of a reduced dynamics. */
    public Trajectory(Problem problem, State start, Run run, double kl, Classification classification) {
        this(problem, start, run, kl, classification, null);
    }

    public static Trajectory run(Setup setup, double R, long d, double wStar, long seed, Recorder recorder) {
        return run(setup, R, d, wStar, seed, recorder, ReducedModel.Expectations.TABLE);
    }

    /** {@link #run(Setup, double, long, double, long, Recorder)} with the Gaussian expectations from {@code expectations}. */
    public static Trajectory run(Setup setup, double R, long d, double wStar, long seed, Recorder recorder,
                                 ReducedModel.Expectations expectations) {
        if (setup.dynamics() instanceof RealNvpDynamics nvp) {
            return flow(nvp, R, d, wStar, seed, FlowRecorder.NONE);
        }
        Problem problem = setup.problem(R, d, wStar);
        ReducedModel model = new ReducedModel(problem, expectations);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom noise = root.split();
        State drawn = setup.init().overlaps(problem, initRng);
        State start = new State(drawn.m1(), drawn.m2(), drawn.q11(), drawn.q22(), drawn.q12(),
            model.initialLogit(setup.a0()));
        Run run = setup.dynamics().run(model, start, setup.thresholds().alignCos(), noise, recorder);
        double kl = run.error() == null && run.end().isFinite() ? model.kl(run.end()) : Double.NaN;
        Classification classification =
            Classification.of(run.end(), kl, run.converged(), run.error(), setup.thresholds(),
                setup.dynamics().coverageRule(), wStar);
        return new Trajectory(problem, start, run, kl, classification);
    }

    /** Trains a RealNVP (THEORY.md §7) and classifies it by its side masses. */
    public static Trajectory flow(RealNvpDynamics nvp, double R, long d, double wStar, long seed, FlowRecorder recorder) {
        FlowTraining.Result result = nvp.train(R, d, wStar, seed, recorder);
        Run run = new Run(null, result.steps(), false, Double.NaN, result.steps(), result.error());
        return new Trajectory(null, null, run, result.end().kl(), nvp.classify(result.end(), result.error(), wStar),
            result);
    }

    public Outcome outcome() {
        return classification.outcome();
    }
}
