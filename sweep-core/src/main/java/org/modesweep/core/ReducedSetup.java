package org.modesweep.core;

import java.util.Optional;

/** A setup of the reduced family: the mixture it trains, how, and the thresholds that classify its end (§5). */
public record ReducedSetup(String name, Mixture mixture, ReducedDynamics dynamics, Thresholds thresholds)
    implements Setup {

    public ReducedSetup {
        Setup.checkName(name);
    }

    @Override
    public Optional<Mixture> trainedMixture() {
        return Optional.of(mixture);
    }

    @Override
    public ReducedTrajectory trajectory(double R, long d, double wStar, long seed, Recorder recorder,
                                        ReducedModel.Expectations expectations) {
        return dynamics.trajectory(mixture, thresholds, R, d, wStar, seed, recorder, expectations);
    }
}
