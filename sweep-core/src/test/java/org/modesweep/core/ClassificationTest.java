package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rules of THEORY.md §5 on constructed final states of every class. */
class ClassificationTest {

    private static final Thresholds TH = Thresholds.DEFAULT;
    private static final double LOGIT = Math.log(2);

    private static Classification classify(State y, double kl, boolean converged) {
        return Classification.of(y, kl, converged, null, TH);
    }

    @Test
    void everyClassFromAConstructedState() {
        assertEquals(new Classification(Outcome.FAILED, 0),
            Classification.of(new State(1, -1, 1, 1, -1, LOGIT), 0, true, "integrator error", TH));
        assertEquals(Outcome.FAILED, classify(new State(Double.NaN, 1, 1, 1, 1, 0), 0, false).outcome());
        // w1 = σ(−8) ≈ 3.4e-4: component 2 survives on −μ*.
        assertEquals(new Classification(Outcome.VANISHING_WEIGHT, -1),
            classify(new State(0.2, -1, 0.1, 1, -0.1, -8), 0.1, true));
        assertEquals(new Classification(Outcome.MEAN_ALIGNMENT, 1),
            classify(new State(1.09, 0.74, 1.2, 0.54, 0.8, LOGIT), 0.39, true));
        assertEquals(new Classification(Outcome.MEAN_ALIGNMENT, -1),
            classify(new State(-0.6, -0.7, 0.4, 0.5, 0.4, LOGIT), 0.5, false));
        assertEquals(new Classification(Outcome.COVERAGE, 0),
            classify(new State(1, -1, 1, 1, -1, LOGIT), 1e-9, true));
        assertEquals(new Classification(Outcome.MISWEIGHTED, 0),
            classify(new State(-0.28, 1.47, 0.08, 2.15, -0.41, LOGIT), 0.029, true));
        // converged with small overlaps: decided by signs (THEORY's MISWEIGHTED at R = 1)
        assertEquals(Outcome.MISWEIGHTED, classify(new State(-0.28, 1.47, 0.08, 2.15, -0.41, LOGIT), 0.029, true).outcome());
        // not converged, a component near the equator
        assertEquals(Outcome.UNRESOLVED, classify(new State(0.9, 0.2, 1, 1, 0.3, LOGIT), 0.3, false).outcome());
        assertEquals(Outcome.UNRESOLVED, classify(new State(-0.9, 0.3, 1, 1, -0.3, LOGIT), 0.3, false).outcome());
    }

    @Test
    void thresholdsAreHonoured() {
        State y = new State(0.45, 0.6, 1, 1, 0.5, LOGIT);
        assertEquals(Outcome.UNRESOLVED, classify(y, 0.2, false).outcome());
        assertEquals(Outcome.MEAN_ALIGNMENT,
            Classification.of(y, 0.2, false, null, new Thresholds(1e-3, 0.4, 1e-3)).outcome());
        State covered = new State(1, -1, 1, 1, -1, LOGIT);
        assertEquals(Outcome.MISWEIGHTED, Classification.of(covered, 2e-3, true, null, TH).outcome());
        assertEquals(Outcome.COVERAGE, Classification.of(covered, 2e-3, true, null, new Thresholds(1e-3, 0.5, 1e-2)).outcome());
        State light = new State(1, -1, 1, 1, -1, -5);
        assertEquals(Outcome.VANISHING_WEIGHT,
            Classification.of(light, 0, true, null, new Thresholds(1e-2, 0.5, 1e-3)).outcome());
    }
}
