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
 * A {@code dynamics} block of the reduced family, one record per type ({@link FlowSpec}, {@link GdSpec},
 * {@link SgdSpec}), each holding its built core dynamics, so it has exactly the keys of its type.
 */
public sealed interface ReducedDynamicsSpec extends DynamicsSpec {

    @Override
    ReducedDynamics build();

    @Override
    default String type() {
        return build().type();
    }

    @Override
    default double tMax() {
        return build().tMax();
    }

    @Override
    default Anneal anneal() {
        return build().anneal();
    }

    @Override
    default Optional<RealNvpDynamics> realnvp() {
        return Optional.empty();
    }

    /** The type's own keys besides {@code tMax}, in the order the resolved spec writes them. */
    Map<String, Object> keys();

    /** The keys in the canonical text (all of them unless a type keeps a default out, for older hashes). */
    default Map<String, Object> canonicalKeys() {
        return keys();
    }

    @Override
    default String caption(DoubleFunction<String> num) {
        Map<String, Object> k = keys();
        return type() + " (" + (k.containsKey("eta") ? "η = " + num.apply((Double) k.get("eta")) + ", " : "")
            + (k.containsKey("batch") ? "B = " + k.get("batch") + ", " : "") + "tMax = " + num.apply(tMax()) + ")";
    }

    @Override
    default Map<String, Object> toYaml() {
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("type", type());
        dyn.put("tMax", tMax());
        dyn.putAll(keys());
        AnnealKeys.putYaml(dyn, anneal());
        return dyn;
    }

    @Override
    default String canonical() {
        StringBuilder b = new StringBuilder(type()).append("(tMax=").append(Canonical.num(tMax()));
        canonicalKeys().forEach((k, v) -> b.append(',').append(k).append('=')
            .append(v instanceof Double x ? Canonical.num(x) : v));
        return b.append(AnnealKeys.canonical(anneal())).append(')').toString();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A {@code flow} block. */
    record FlowSpec(Flow dynamics) implements ReducedDynamicsSpec {
        @Override
        public Flow build() {
            return dynamics;
        }

        @Override
        public Map<String, Object> keys() {
            return ordered("rtol", dynamics.rtol(), "tol", dynamics.convergenceTol());
        }
    }

    /** A {@code gd} block. */
    record GdSpec(GradientDescent dynamics) implements ReducedDynamicsSpec {
        @Override
        public GradientDescent build() {
            return dynamics;
        }

        @Override
        public Map<String, Object> keys() {
            return ordered("tol", dynamics.convergenceTol(), "eta", dynamics.eta());
        }
    }

    /** An {@code sgd} block. */
    record SgdSpec(StochasticGradientDescent dynamics) implements ReducedDynamicsSpec {
        @Override
        public StochasticGradientDescent build() {
            return dynamics;
        }

        @Override
        public Map<String, Object> keys() {
            return ordered("tol", dynamics.convergenceTol(), "eta", dynamics.eta(), "batch", dynamics.batch(),
                "engine", dynamics.engine().label());
        }

        /** The engine only when reduced, so results computed before engines existed (vectors) keep their hashes. */
        @Override
        public Map<String, Object> canonicalKeys() {
            Map<String, Object> k = keys();
            if (dynamics.engine() == StochasticGradientDescent.Engine.VECTORS) {
                k.remove("engine");
            }
            return k;
        }
    }
}
