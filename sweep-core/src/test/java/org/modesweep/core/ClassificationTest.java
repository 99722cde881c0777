package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rules of THEORY.md §5 on constructed final states of every class. */
class ClassificationTest {

    private static final Thresholds TH = Thresholds.DEFAULT;
    private static final double W_STAR = 2.0 / 3;
    private static final double LOGIT = Math.log(2);

    /** The rules with the coverage rule of the deterministic dynamics. */
    private static Classification byKl(State y, double kl, boolean converged, String error, Thresholds th) {
        return Classification.of(y, kl, converged, error, th, CoverageRule.KL, W_STAR);
    }

    private static Classification classify(State y, double kl, boolean converged) {
        return byKl(y, kl, converged, null, TH);
    }

    @Test
    void everyClassFromAConstructedState() {
        assertEquals(new Classification(Outcome.FAILED, 0),
            byKl(new State(1, -1, 1, 1, -1, LOGIT), 0, true, "integrator error", TH));
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
            byKl(y, 0.2, false, null, new Thresholds(1e-3, 0.4, 1e-3)).outcome());
        State covered = new State(1, -1, 1, 1, -1, LOGIT);
        assertEquals(Outcome.MISWEIGHTED, byKl(covered, 2e-3, true, null, TH).outcome());
        assertEquals(Outcome.COVERAGE, byKl(covered, 2e-3, true, null, new Thresholds(1e-3, 0.5, 1e-2)).outcome());
        State light = new State(1, -1, 1, 1, -1, -5);
        assertEquals(Outcome.VANISHING_WEIGHT,
            byKl(light, 0, true, null, new Thresholds(1e-2, 0.5, 1e-3)).outcome());
    }

    /**
     * sgd's rule (THEORY.md §5, last paragraph): a covering end is misweighted when the weight on the {@code +μ*}
     * side is nearer {@code 1 − w*} than {@code w*}, whatever its KL; flow and gd keep the KL rule.
     */
    @Test
    void noisyRunsAreToldCoverageOrMisweightedByTheirWeights() {
        double floor = 0.14; // SGD's KL at d = 1000, B = 100 (issue 12): far above klTol
        State right = new State(1, -1, 1, 1, -1, LOGIT); // w1 = 2/3 on +μ*
        State swapped = new State(-1, 1, 1, 1, -1, LOGIT); // w1 = 2/3 on −μ*: w₊ = 1/3
        assertEquals(Outcome.COVERAGE, byWeights(right, floor, 2.0 / 3));
        assertEquals(Outcome.MISWEIGHTED, byWeights(swapped, floor, 2.0 / 3));
        assertEquals(Outcome.MISWEIGHTED, byWeights(swapped, 0, 2.0 / 3), "misweighted even at KL = 0");
        // w₊ = 0.45 against w* = 0.6: nearer 1 − w* = 0.4 (misweighted); 0.55 is nearer w*
        assertEquals(Outcome.MISWEIGHTED, byWeights(new State(1, -1, 1, 1, -1, Math.log(0.45 / 0.55)), floor, 0.6));
        assertEquals(Outcome.COVERAGE, byWeights(new State(1, -1, 1, 1, -1, Math.log(0.55 / 0.45)), floor, 0.6));
        assertEquals(Outcome.COVERAGE, byWeights(swapped, floor, 0.5), "at w* = 1/2 every covering end covers");
        assertEquals(Outcome.MISWEIGHTED, byKl(right, floor, false, null, TH).outcome(), "the KL rule reads the floor");
        assertEquals(CoverageRule.WEIGHTS, new StochasticGradientDescent(0.05, 100, 10, 1e-8).coverageRule());
        assertEquals(CoverageRule.KL, new GradientDescent(0.05, 10, 1e-8).coverageRule());
        assertEquals(CoverageRule.KL, new Flow(10, 1e-9, 1e-8).coverageRule());
    }

    /** End to end: fixed-weight SGD at d = 1000, B = 100 sits on the right modes with a KL floor and reads COVERAGE. */
    @Test
    void sgdOnTheRightModesCoversDespiteItsKlFloor() {
        Setup setup = new ReducedSetup("s", new Mixture(Weights.FIXED, new InitialCondition.Sphere(null), 0),
            new StochasticGradientDescent(0.05, 100, 100, 1e-8), TH);
        Trajectory t = Trajectory.run(setup, 2.0, 1000, W_STAR, 0, Recorder.NONE);
        State end = t.overlaps().orElseThrow().end();
        assertTrue(t.kl() > 10 * TH.klTol(), "KL floor " + t.kl());
        assertTrue(end.m1() > 0.5 && end.m2() < -0.5, "the heavy component (1) on +μ*: " + end);
        assertEquals(Outcome.COVERAGE, t.outcome());
    }

    private static Outcome byWeights(State y, double kl, double wStar) {
        return Classification.of(y, kl, false, null, TH, CoverageRule.WEIGHTS, wStar).outcome();
    }
}
