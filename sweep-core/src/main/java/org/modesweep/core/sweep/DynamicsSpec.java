package org.modesweep.core.sweep;

import java.io.Serializable;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Flow;
import org.modesweep.core.GradientDescent;
import org.modesweep.core.StochasticGradientDescent;

/**
 * The {@code dynamics} block of a setup, resolved with its defaults: {@code type} is {@code flow},
 * {@code gd} or {@code sgd}; {@code rtol} applies to {@code flow} only, {@code eta} to {@code gd}
 * and {@code sgd}, {@code batch} to {@code sgd} (null where it does not apply).
 */
public record DynamicsSpec(String type, double tMax, Double rtol, double tol, Double eta, Integer batch)
    implements Serializable {

    public static final double DEFAULT_RTOL = 1e-9;
    public static final double DEFAULT_TOL = 1e-8;

    public Dynamics build() {
        return switch (type) {
            case "flow" -> new Flow(tMax, rtol, tol);
            case "gd" -> new GradientDescent(eta, tMax, tol);
            case "sgd" -> new StochasticGradientDescent(eta, batch, tMax, tol);
            default -> throw new IllegalArgumentException("unknown dynamics type '" + type + "'");
        };
    }

    /** Bit-exact text of every parameter, for hashes. */
    String canonical() {
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
        return b.append(')').toString();
    }
}
