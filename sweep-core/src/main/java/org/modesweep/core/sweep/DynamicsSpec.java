package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Flow;
import org.modesweep.core.GradientDescent;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.StochasticGradientDescent;

/**
 * The {@code dynamics} block of a setup, resolved with its defaults: {@code type} is {@code flow},
 * {@code gd}, {@code sgd} or {@code realnvp}; {@code rtol} applies to {@code flow} only, {@code eta} to
 * {@code gd} and {@code sgd}, {@code batch} and {@code engine} to {@code sgd} (null where they do not apply). A
 * {@code realnvp} block is held whole in {@code realnvp} (null otherwise; its {@code tMax} is the step
 * count and {@code tol} is unused). {@code anneal} is the schedule ({@link Anneal#NONE} without the key; a
 * realnvp block's is its {@code realnvp}'s).
 */
public record DynamicsSpec(String type, double tMax, Double rtol, double tol, Double eta, Integer batch,
                           StochasticGradientDescent.Engine engine, RealNvpDynamics realnvp, Anneal anneal)
    implements Serializable {

    public static final double DEFAULT_RTOL = 1e-9;
    public static final double DEFAULT_TOL = 1e-8;

    /** A reduced dynamics ({@code flow}, {@code gd}, {@code sgd}) without annealing. */
    public DynamicsSpec(String type, double tMax, Double rtol, double tol, Double eta, Integer batch,
                        StochasticGradientDescent.Engine engine) {
        this(type, tMax, rtol, tol, eta, batch, engine, Anneal.NONE);
    }

    /** A reduced dynamics ({@code flow}, {@code gd}, {@code sgd}). */
    public DynamicsSpec(String type, double tMax, Double rtol, double tol, Double eta, Integer batch,
                        StochasticGradientDescent.Engine engine, Anneal anneal) {
        this(type, tMax, rtol, tol, eta, batch, engine, null, anneal);
    }

    /** A {@code realnvp} block. */
    public static DynamicsSpec realnvp(RealNvpDynamics nvp) {
        return new DynamicsSpec("realnvp", nvp.steps(), null, 0, null, null, null, nvp, nvp.anneal());
    }

    public Dynamics build() {
        return switch (type) {
            case "flow" -> new Flow(tMax, rtol, tol, anneal);
            case "gd" -> new GradientDescent(eta, tMax, tol, anneal);
            case "sgd" -> new StochasticGradientDescent(eta, batch, tMax, tol, engine, anneal);
            case "realnvp" -> realnvp;
            default -> throw new IllegalArgumentException("unknown dynamics type '" + type + "'");
        };
    }

    /** The block as the resolved {@code spec.yaml} writes it, every default filled in. */
    Map<String, Object> toYaml() {
        Map<String, Object> dyn = new LinkedHashMap<>();
        dyn.put("type", type);
        if (realnvp != null) {
            RealNvpDynamics n = realnvp;
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
            putAnneal(dyn);
            return dyn;
        }
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
        putAnneal(dyn);
        return dyn;
    }

    /** The {@code anneal} block, only when annealed (as written: no key, no annealing). */
    private void putAnneal(Map<String, Object> dyn) {
        if (anneal.annealed()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("schedule", anneal.schedule().label());
            a.put("beta0", anneal.beta0());
            a.put("tau", anneal.tau());
            dyn.put("anneal", a);
        }
    }

    /**
     * Bit-exact text of every parameter, for hashes; the schedule only when annealed, so specs without the key
     * keep their point ids and hashes.
     */
    String canonical() {
        if (realnvp != null) {
            RealNvpDynamics n = realnvp;
            return "realnvp(layers=" + n.layers() + ",width=" + n.width() + ",lr=" + Canonical.num(n.lr())
                + ",batch=" + n.batch() + ",steps=" + n.steps() + ",evalBatch=" + n.evalBatch()
                + ",scaleBound=" + Canonical.num(n.scaleBound()) + ",coverTol=" + Canonical.num(n.coverTol())
                + ",collapseFrac=" + Canonical.num(n.collapseFrac())
                // only when set, so the identity start keeps the hashes (and rows) it had before the key existed
                + (n.initScale() == 0 ? "" : ",initScale=" + Canonical.num(n.initScale())) + annealCanonical() + ")";
        }
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
        return b.append(annealCanonical()).append(')').toString();
    }

    private String annealCanonical() {
        return !anneal.annealed() ? "" : ",anneal=" + anneal.schedule().label() + "(beta0="
            + Canonical.num(anneal.beta0()) + ",tau=" + Canonical.num(anneal.tau()) + ")";
    }
}
