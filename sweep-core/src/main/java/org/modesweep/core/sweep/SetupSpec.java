package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;
import org.modesweep.core.Setup;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Weights;

/**
 * One entry of {@code setups}: a named combination of weights mode, dynamics, initialisation and {@code a0};
 * {@code seeds} (null: the grid's) lets a costly setup run fewer seeds than a cheap one at the same points, and
 * {@code d} (null: the grid's) the dimensions it runs at, a subset of the grid's, e.g. {@code sgd} only where
 * {@code O(Bd)} steps are affordable. A {@code realnvp} setup has no weights (null) and its init and {@code a0}
 * are unused.
 */
public record SetupSpec(String name, Weights weights, DynamicsSpec dynamics, InitSpec init, double a0,
                        Integer seeds, List<Long> d) implements Serializable {

    public SetupSpec {
        d = d == null ? null : List.copyOf(d);
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
