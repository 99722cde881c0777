package org.modesweep.core.sweep;

import java.io.Serializable;
import org.modesweep.core.Setup;
import org.modesweep.core.Thresholds;
import org.modesweep.core.Weights;

/**
 * One entry of {@code setups}: a named combination of weights mode, dynamics, initialisation and {@code a0}.
 * A {@code realnvp} setup has no weights (null) and its init and {@code a0} are unused.
 */
public record SetupSpec(String name, Weights weights, DynamicsSpec dynamics, InitSpec init, double a0)
    implements Serializable {

    /** The core setup; {@code start} is the point's explicit start (null for random starts). */
    public Setup toSetup(Thresholds thresholds, StartCosines start) {
        return new Setup(name, weights, init.build(start), dynamics.build(), thresholds, a0);
    }

    /** Bit-exact description of everything but the classification thresholds, for ids and hashes. */
    String canonical() {
        if (weights == null) {
            return "name=" + name + ";dynamics=" + dynamics.canonical();
        }
        return "name=" + name + ";weights=" + weights.label() + ";init=" + init.canonical()
            + ";dynamics=" + dynamics.canonical() + ";a0=" + Canonical.num(a0);
    }
}
