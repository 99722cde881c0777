package org.modesweep.core.figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

    /**
     * A time axis in the units of the setups' dynamics (as {@link org.modesweep.core.anneal.Anneal}'s schedules count
     * it): the flow's own time, {@code η × steps} for gd and sgd, steps for realnvp; e.g. {@code t},
     * {@code t (η × steps)}, or {@code t (η × steps for sgd)} beside a flow.
     */
    static String time(String symbol, List<SetupSpec> setups) {
        Map<String, List<String>> typesByUnit = setups.stream().map(s -> s.dynamics().type()).distinct().collect(
            Collectors.groupingBy(t -> switch (t) {
                case "flow" -> "";
                case "realnvp" -> "steps";
                default -> "η × steps";
            }, LinkedHashMap::new, Collectors.toList()));
        boolean alone = typesByUnit.size() == 1;
        List<String> units = typesByUnit.entrySet().stream().filter(e -> !e.getKey().isEmpty())
            .map(e -> e.getKey() + (alone ? "" : " for " + String.join(", ", e.getValue()))).toList();
        return units.isEmpty() ? symbol : symbol + " (" + String.join("; ", units) + ")";
    }
}
