package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modesweep.core.RealNvpSetup;
import org.modesweep.core.ReducedSetup;
import org.modesweep.core.Setup;
import org.modesweep.core.Thresholds;

/**
 * One entry of {@code setups}, one record per family: {@link ReducedSetupSpec} (a mixture's {@code weights},
 * {@code init} and {@code a0} with flow, gd or sgd dynamics) or {@link RealNvpSetupSpec} (a flow's training, which
 * has no mixture). {@code seeds} (null: the grid's) lets a costly setup run fewer seeds than a cheap one at the same
 * points, and {@code d} (null: the grid's) the dimensions it runs at, a subset of the grid's, e.g. {@code sgd} only
 * where {@code O(Bd)} steps are affordable.
 *
 * <p>A setup whose keys hold lists or ranges ({@code eta: [0.05, 0.2]}) is a family of variants, one
 * {@code SetupSpec} per combination, all with the same name; {@code axes} are the swept keys (the same in every
 * variant).
 */
public sealed interface SetupSpec extends Serializable permits SetupSpec.ReducedSetupSpec, SetupSpec.RealNvpSetupSpec {

    String name();

    DynamicsSpec dynamics();

    Integer seeds();

    List<Long> d();

    List<Axis> axes();

    /** The mixture's keys; empty for realnvp. */
    Optional<MixtureSpec> trainedMixture();

    /** This setup as a variant of a setup with these swept keys. */
    SetupSpec withAxes(List<Axis> sweptKeys);

    /** The core setup; {@code start} is the point's explicit start (null for random starts). */
    Setup toSetup(Thresholds thresholds, StartCosines start);

    /** The setup as the resolved {@code spec.yaml} writes it (every default filled in; a variant's own values). */
    Map<String, Object> toYaml();

    /**
     * Bit-exact description of everything but the classification thresholds and {@code d}, for ids and hashes:
     * restricting a setup's dimensions changes which points exist, not what a point computes.
     */
    String canonical();

    /** Whether its starts are the grid's explicit cosines {@code m1, m2, s}. */
    default boolean explicitStarts() {
        return trainedMixture().map(m -> m.init().explicit()).orElse(false);
    }

    /**
     * The value of a numeric key by name ({@code eta}, {@code r0}, {@code beta0}, ...) wherever it sits in the
     * resolved setup, defaults included; null if this setup has no such key.
     */
    default Double coordinate(String key) {
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

    /** The variant's values of its swept keys, by name. */
    default Map<String, Double> axisValues() {
        Map<String, Double> v = new LinkedHashMap<>();
        axes().forEach(a -> v.put(a.name(), coordinate(a.name())));
        return v;
    }

    /** {@code name} and, for a variant, its swept values: {@code sgd (eta=0.05, batch=10)}. */
    default String label() {
        return Axis.label(name(), axisValues());
    }

    /** The dimensions this setup runs at. */
    default List<Long> dims(GridSpec grid) {
        return d() == null ? grid.d() : d();
    }

    /** {@code name}, then the family's keys ({@code middle}), then its own {@code seeds} and {@code d}. */
    private static Map<String, Object> yaml(SetupSpec s, Map<String, Object> middle) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.putAll(middle);
        if (s.seeds() != null) {
            m.put("seeds", s.seeds());
        }
        if (s.d() != null) {
            m.put("d", s.d());
        }
        return m;
    }

    /** A setup of the reduced family: its mixture and its flow, gd or sgd dynamics. */
    record ReducedSetupSpec(String name, MixtureSpec mixture, ReducedDynamicsSpec dynamics, Integer seeds, List<Long> d,
                            List<Axis> axes) implements SetupSpec {

        public ReducedSetupSpec {
            d = d == null ? null : List.copyOf(d);
            axes = List.copyOf(axes);
        }

        /** A setup with no swept keys. */
        public ReducedSetupSpec(String name, MixtureSpec mixture, ReducedDynamicsSpec dynamics, Integer seeds,
                                List<Long> d) {
            this(name, mixture, dynamics, seeds, d, List.of());
        }

        @Override
        public Optional<MixtureSpec> trainedMixture() {
            return Optional.of(mixture);
        }

        @Override
        public ReducedSetupSpec withAxes(List<Axis> sweptKeys) {
            return new ReducedSetupSpec(name, mixture, dynamics, seeds, d, sweptKeys);
        }

        @Override
        public ReducedSetup toSetup(Thresholds thresholds, StartCosines start) {
            return new ReducedSetup(name, mixture.build(start), dynamics.build(), thresholds);
        }

        @Override
        public Map<String, Object> toYaml() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("weights", mixture.weights().label());
            m.put("dynamics", dynamics.toYaml());
            m.put("init", mixture.init().toYaml());
            m.put("a0", mixture.a0());
            return yaml(this, m);
        }

        @Override
        public String canonical() {
            return "name=" + name + ";weights=" + mixture.weights().label() + ";init=" + mixture.init().canonical()
                + ";dynamics=" + dynamics.canonical() + ";a0=" + Canonical.num(mixture.a0())
                + (seeds == null ? "" : ";seeds=" + seeds);
        }
    }

    /** A setup of the realnvp family: the flow's training only. */
    record RealNvpSetupSpec(String name, RealNvpDynamicsSpec dynamics, Integer seeds, List<Long> d, List<Axis> axes)
        implements SetupSpec {

        public RealNvpSetupSpec {
            d = d == null ? null : List.copyOf(d);
            axes = List.copyOf(axes);
        }

        @Override
        public Optional<MixtureSpec> trainedMixture() {
            return Optional.empty();
        }

        @Override
        public RealNvpSetupSpec withAxes(List<Axis> sweptKeys) {
            return new RealNvpSetupSpec(name, dynamics, seeds, d, sweptKeys);
        }

        @Override
        public RealNvpSetup toSetup(Thresholds thresholds, StartCosines start) {
            return new RealNvpSetup(name, dynamics.build());
        }

        @Override
        public Map<String, Object> toYaml() {
            return yaml(this, Map.of("dynamics", dynamics.toYaml()));
        }

        /** Its own {@code seeds} are left out, as they always were for realnvp (point ids unchanged). */
        @Override
        public String canonical() {
            return "name=" + name + ";dynamics=" + dynamics.canonical();
        }
    }
}
