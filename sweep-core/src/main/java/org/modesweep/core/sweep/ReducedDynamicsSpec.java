package org.modesweep.core.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.modesweep.core.Flow;
import org.modesweep.core.GradientDescent;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.ReducedDynamics;
import org.modesweep.core.StochasticGradientDescent;
import org.modesweep.core.anneal.Anneal;

/**
 * A {@code dynamics} block of the reduced family: {@code type} is {@code flow}, {@code gd} or {@code sgd};
 * {@code rtol} applies to {@code flow} only, {@code eta} to {@code gd} and {@code sgd}, {@code batch} and
 * {@code engine} to {@code sgd} (null where they do not apply).
 */
public record ReducedDynamicsSpec(String type, double tMax, Double rtol, double tol, Double eta, Integer batch,
                                  StochasticGradientDescent.Engine engine, Anneal anneal) implements DynamicsSpec {

    @Override
    public ReducedDynamics build() {
        return switch (type) {
            case "flow" -> new Flow(tMax, rtol, tol, anneal);
            case "gd" -> new GradientDescent(eta, tMax, tol, anneal);
            case "sgd" -> new StochasticGradientDescent(eta, batch, tMax, tol, engine, anneal);
            default -> throw new IllegalArgumentException("unknown dynamics type '" + type + "'");
        };
    }

    @Override
    public Optional<RealNvpDynamics> realnvp() {
        return Optional.empty();
    }

    @Override
    public String caption(DoubleFunction<String> num) {
        StringBuilder b = new StringBuilder(type).append(" (");
        if (eta != null) {
            b.append("η = ").append(num.apply(eta)).append(", ");
        }
        if (batch != null) {
            b.append("B = ").append(batch).append(", ");
        }
        return b.append("tMax = ").append(num.apply(tMax)).append(')').toString();
    }

    @Override
    public Map<String, Object> toYaml() {
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("type", type);
        dyn.put("tMax", tMax);
        if (rtol != null) {
            dyn.put("rtol", rtol);
        }
        dyn.put("tol", tol);
        if (eta != null) {
            dyn.put("eta", eta);
        }
        if (batch != null) {
            dyn.put("batch", batch);
        }
        if (engine != null) {
            dyn.put("engine", engine.label());
        }
        AnnealKeys.putYaml(dyn, anneal);
        return dyn;
    }

    @Override
    public String canonical() {
        StringBuilder b = new StringBuilder(type).append("(tMax=").append(Canonical.num(tMax));
        if (rtol != null) {
            b.append(",rtol=").append(Canonical.num(rtol));
        }
        b.append(",tol=").append(Canonical.num(tol));
        if (eta != null) {
            b.append(",eta=").append(Canonical.num(eta));
        }
        if (batch != null) {
            b.append(",batch=").append(batch);
        }
        // only for reduced, so results computed before engines existed (vectors) keep their hashes under engine: vectors
        if (engine == StochasticGradientDescent.Engine.REDUCED) {
            b.append(",engine=reduced");
        }
        return b.append(AnnealKeys.canonical(anneal)).append(')').toString();
    }
}
