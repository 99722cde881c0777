package org.modesweep.core;

import java.util.Optional;
import org.modesweep.core.realnvp.FlowMeasure;

/**
 * One trajectory, run and classified by its family ({@link Setup#trajectory}): a pure function of (setup,
 * {@code R}, {@code d}, {@code w*}, seed). What every family reports is here; what only one has comes as an
 * {@link Optional}, empty for the others.
 */
public sealed interface Trajectory permits ReducedTrajectory, RealNvpTrajectory {

    static Trajectory run(Setup setup, double R, long d, double wStar, long seed, Recorder recorder) {
        return run(setup, R, d, wStar, seed, recorder, ReducedModel.Expectations.TABLE);
    }

    /** {@link #run(Setup, double, long, double, long, Recorder)} with the Gaussian expectations from {@code expectations}. */
    static Trajectory run(Setup setup, double R, long d, double wStar, long seed, Recorder recorder,
                          ReducedModel.Expectations expectations) {
        return setup.trajectory(R, d, wStar, seed, recorder, expectations);
    }

    Classification classification();

    /** The final {@code KL(q‖p)} (realnvp: the flow's estimate), NaN if the run failed. */
    double kl();

    /** Time at which the run stopped (steps for realnvp). */
    double tFinal();

    /** Whether {@code max|dy/dt|} fell under the tolerance (never for realnvp, which trains a fixed number of steps). */
    boolean converged();

    /** Right-hand-side evaluations ({@code flow}) or steps ({@link Dynamics#costName()}). */
    long cost();

    /** Why the run failed or stopped early; null if it did not. */
    String error();

    /** The mixture's start and final overlaps and plateau time; empty for realnvp, which has no mixture. */
    Optional<Overlaps> overlaps();

    /** The flow's final side masses and mean projection; empty for the reduced family, which trains no flow. */
    Optional<FlowMeasure> sideMasses();

    default Outcome outcome() {
        return classification().outcome();
    }
}
