package org.modesweep.core.sweep;

import java.io.Serializable;
import org.modesweep.core.Mixture;
import org.modesweep.core.Weights;

/** The keys of a reduced-family setup that describe its mixture: {@code weights}, {@code init} and {@code a0}. */
public record MixtureSpec(Weights weights, InitSpec init, double a0) implements Serializable {

    /** The core mixture; {@code start} is the point's explicit start (null for random starts). */
    public Mixture build(StartCosines start) {
        return new Mixture(weights, init.build(start), a0);
    }
}
