package org.modesweep.core.sweep;

import java.io.Serializable;
import org.modesweep.core.Thresholds;

/** The {@code classify} block: thresholds of THEORY.md §5, recorded with every row. */
public record ClassifySpec(double weightEps, double alignCos, double klTol) implements Serializable {

    public static final ClassifySpec DEFAULT = of(Thresholds.DEFAULT);

    public static ClassifySpec of(Thresholds t) {
        return new ClassifySpec(t.weightEps(), t.alignCos(), t.klTol());
    }

    public Thresholds thresholds() {
        return new Thresholds(weightEps, alignCos, klTol);
    }

    String canonical() {
        return "weightEps=" + Canonical.num(weightEps) + ";alignCos=" + Canonical.num(alignCos)
            + ";klTol=" + Canonical.num(klTol);
    }
}
