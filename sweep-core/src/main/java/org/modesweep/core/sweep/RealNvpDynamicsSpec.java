package org.modesweep.core.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.anneal.Anneal;

/** A {@code realnvp} block, held whole as its dynamics (its length is its step count; it has no {@code tol}). */
public record RealNvpDynamicsSpec(RealNvpDynamics dynamics) implements DynamicsSpec {

    @Override
    public String type() {
        return dynamics.type();
    }

    @Override
    public double tMax() {
        return dynamics.steps();
    }

    @Override
    public Anneal anneal() {
        return dynamics.anneal();
    }

    @Override
    public RealNvpDynamics build() {
        return dynamics;
    }

    @Override
    public Optional<RealNvpDynamics> realnvp() {
        return Optional.of(dynamics);
    }

    @Override
    public String caption(DoubleFunction<String> num) {
        return type() + " (tMax = " + num.apply(tMax()) + ")";
    }

    @Override
    public Map<String, Object> toYaml() {
        RealNvpDynamics n = dynamics;
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("type", type());
        dyn.put("steps", n.steps());
        dyn.put("layers", n.layers());
        dyn.put("width", n.width());
        dyn.put("lr", n.lr());
        dyn.put("batch", n.batch());
        dyn.put("evalBatch", n.evalBatch());
        dyn.put("scaleBound", n.scaleBound());
        dyn.put("coverTol", n.coverTol());
        dyn.put("collapseFrac", n.collapseFrac());
        dyn.put("initScale", n.initScale());
        AnnealKeys.putYaml(dyn, n.anneal());
        return dyn;
    }

    @Override
    public String canonical() {
        RealNvpDynamics n = dynamics;
        return "realnvp(layers=" + n.layers() + ",width=" + n.width() + ",lr=" + Canonical.num(n.lr())
            + ",batch=" + n.batch() + ",steps=" + n.steps() + ",evalBatch=" + n.evalBatch()
            + ",scaleBound=" + Canonical.num(n.scaleBound()) + ",coverTol=" + Canonical.num(n.coverTol())
            + ",collapseFrac=" + Canonical.num(n.collapseFrac())
            // only when set, so the identity start keeps the hashes (and rows) it had before the key existed
            + (n.initScale() == 0 ? "" : ",initScale=" + Canonical.num(n.initScale())) + AnnealKeys.canonical(n.anneal())
            + ")";
    }
}
