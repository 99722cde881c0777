package org.modesweep.core;

import java.util.Optional;

/** A setup of the realnvp family: the flow's training, which starts at {@code q = N(0, I)} and classifies itself. */
public record RealNvpSetup(String name, RealNvpDynamics dynamics) implements Setup {

    public RealNvpSetup {
        Setup.checkName(name);
    }

    @Override
    public Optional<Mixture> trainedMixture() {
        return Optional.empty();
    }

    /** There are no overlaps to record. */
    @Override
    public RealNvpTrajectory trajectory(double R, long d, double wStar, long seed, Recorder recorder,
                                        ReducedModel.Expectations expectations) {
        return dynamics.trajectory(R, d, wStar, seed, org.modesweep.core.realnvp.FlowRecorder.NONE);
    }
}
