package org.modesweep.core;

import java.util.Optional;

/**
 * Everything about a trajectory except its grid coordinates {@code (R, d, w*)} and its seed, one record per
 * family: {@link ReducedSetup} (a mixture, its reduced dynamics and classification thresholds) or
 * {@link RealNvpSetup} (a flow's training, which carries its own classifier).
 */
public sealed interface Setup permits ReducedSetup, RealNvpSetup {

    String name();

    Dynamics dynamics();

    /** The mixture it trains (weights mode, start, {@code a0}); empty for realnvp, which trains a flow. */
    Optional<Mixture> trainedMixture();

    /** Runs and classifies one trajectory; {@code recorder} and {@code expectations} serve the reduced family's overlaps. */
    Trajectory trajectory(double R, long d, double wStar, long seed, Recorder recorder,
                          ReducedModel.Expectations expectations);

    /** A setup's name is never blank (it names a folder of results). */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a setup needs a name");
        }
        return name;
    }
}
