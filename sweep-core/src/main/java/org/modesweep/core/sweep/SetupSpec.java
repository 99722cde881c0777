package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modesweep.core.Setup;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Weights;

/**
 * One entry of {@code setups}: a named combination of weights mode, dynamics, initialisation and {@code a0};
 * {@code seeds} (null: the grid's) lets a costly setup run fewer seeds than a cheap one at the same points, and
 * {@code d} (null: the grid's) the dimensions it runs at, a subset of the grid's, e.g. {@code sgd} only where
 * {@code O(Bd)} steps are affordable. A {@code realnvp} setup has no weights (null) and its init and {@code a0}
 * are unused.
 *
 * <p>A setup whose keys hold lists or ranges ({@code eta: [0.05, 0.2]}) is a family of variants, one
 * {@code SetupSpec} per combination, all with the same name; {@code axes} are the swept keys (the same in every
 * variant).
 */
public record SetupSpec(String name, Weights weights, DynamicsSpec dynamics, InitSpec init, double a0,
                        Integer seeds, List<Long> d, List<Axis> axes) implements Serializable {

    public SetupSpec {
        d = d == null ? null : List.copyOf(d);
        axes = List.copyOf(axes);
    }

    /** A setup with no swept keys. */
    public SetupSpec(String name, Weights weights, DynamicsSpec dynamics, InitSpec init, double a0, Integer seeds,
                     List<Long> d) {
        this(name, weights, dynamics, init, a0, seeds, d, List.of());
    }

    /** This setup as a variant of a setup with these swept keys. */
    SetupSpec withAxes(List<Axis> sweptKeys) {
        return new SetupSpec(name, weights, dynamics, init, a0, seeds, d, sweptKeys);
    }

    /**
     * The value of a numeric key by name ({@code eta}, {@code r0}, {@code beta0}, ...) wherever it sits in the
     * resolved setup, defaults included; null if this setup has no such key.
     */
    public Double coordinate(String key) {
        return find(toYaml(), key);
    }

    @SuppressWarnings("unchecked")
    private static Double find(Map<String, Object> map, String key) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().equals(key) && e.getValue() instanceof Number n) {
                return n.doubleValue();
            }
            if (e.getValue() instanceof Map<?, ?> inner) {
                Double x = find((Map<String, Object>) inner, key);
                if (x != null) {
                    return x;
                }
            }
        }
        return null;
    }

    /** The setup as the resolved {@code spec.yaml} writes it (every default filled in; a variant's own values). */
    public Map<String, Object> toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        if (weights != null) {
            m.put("weights", weights.label());
        }
        m.put("dynamics", dynamics.toYaml());
        if (weights != null) {
            m.put("init", init.toYaml());
            m.put("a0", a0);
        }
        if (seeds != null) {
            m.put("seeds", seeds);
        }
        if (d != null) {
            m.put("d", d);
        }
        return m;
    }

    /** The variant's values of its swept keys, by name. */
    public Map<String, Double> axisValues() {
        Map<String, Double> v = new LinkedHashMap<>();
        axes.forEach(a -> v.put(a.name(), coordinate(a.name())));
        return v;
    }

    /** {@code name} and, for a variant, its swept values: {@code sgd (eta=0.05, batch=10)}. */
    public String label() {
        return Axis.label(name, axisValues());
    }

    /** The dimensions this setup runs at. */
    public List<Long> dims(GridSpec grid) {
        return d == null ? grid.d() : d;
    }

    /** The core setup; {@code start} is the point's explicit start (null for random starts). */
    public Setup toSetup(Thresholds thresholds, StartCosines start) {
        return new Setup(name, weights, init.build(start), dynamics.build(), thresholds, a0);
    }

    /**
     * Bit-exact description of everything but the classification thresholds and {@code d}, for ids and hashes:
     * restricting a setup's dimensions changes which points exist, not what a point computes.
     */
    String canonical() {
        if (weights == null) {
            return "name=" + name + ";dynamics=" + dynamics.canonical();
        }
        return "name=" + name + ";weights=" + weights.label() + ";init=" + init.canonical()
            + ";dynamics=" + dynamics.canonical() + ";a0=" + Canonical.num(a0) + (seeds == null ? "" : ";seeds=" + seeds);
    }
}
