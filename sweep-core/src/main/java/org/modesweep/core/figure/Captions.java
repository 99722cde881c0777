package org.modesweep.core.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import org.modesweep.core.Weights;
import org.modesweep.core.sweep.InitSpec;
import org.modesweep.core.sweep.SetupSpec;

/** The words figures use for setups and coordinates, so that a figure reads without the spec. */
final class Captions {
    private Captions() {
    }

    /** At most 4 significant digits: 2/3 reads 0.6667, 2.0 reads 2. */
    static String num(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** How a setup starts: its mixture's means, or a flow's identity or perturbed start. */
    static String init(SetupSpec s) {
        return s.trainedMixture().map(m -> init(m.init())).orElseGet(() -> s.dynamics().realnvp()
            .filter(n -> n.initScale() > 0).map(n -> "flow starts perturbed by ±" + num(n.initScale()))
            .orElse("flow starts at q = N(0, I)"));
    }

    private static String init(InitSpec i) {
        return switch (i.type()) {
            case "sphere" -> i.r0() == null ? "sphere(R) starts" : "sphere(r0 = " + num(i.r0()) + ") starts";
            case "gaussian" -> "gaussian(σ0 = " + num(i.sigma0()) + ") starts";
            default -> "explicit starts" + (i.r0() == null ? " with |μk| = R" : " with |μk| = " + num(i.r0()));
        };
    }

    /** A mixture's weights mode; a realnvp setup trains a flow, which has none. */
    static String weights(SetupSpec s) {
        return s.trainedMixture().map(m -> m.weights() == Weights.FIXED ? "fixed weights" : "trainable weights"
            + (m.a0() == 0 ? "" : " (a0 = " + num(m.a0()) + ")")).orElse("a RealNVP flow (no mixture weights)");
    }

    /** e.g. {@code sgd-sphere = sgd (η = 0.05, B = 1000, tMax = 200)}. */
    static String setup(SetupSpec s) {
        return s.name() + " = " + s.dynamics().caption(Captions::num);
    }
}
