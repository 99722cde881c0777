package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The quadrature against adaptive Gauss–Kronrod integration of the raw integrand (no closed-form
 * split), over the whole range a sweep reaches: spreads from 0 to 1000 (target terms {@code s = R}
 * up to 10, model terms {@code s = √Δ} up to {@code 2R} and far beyond for Gaussian starts in high
 * {@code d}), centres up to ±300.
 */
class GaussianExpectationTest {

    private static final double[] SPREADS = {1e-9, 1e-3, 0.1, 0.5, 0.9, 1.0, 1.0001, 1.5, 2, 2.5, 3, 4, 5, 6,
        8, 10, 13, 20, 30, 50, 100, 1000};
    private static final double[] CENTRES = {0, 0.1, 0.5, 1, 1.7, 2.5, 4, 6, 9, 13, 18, 25, 40, 60, 100, 300};

    /** 1e-13 absolute, relaxed only by the reference's own roundoff on large values. */
    private static double tolerance(double reference) {
        return 1e-13 + 1e-14 * Math.abs(reference);
    }

    @Test
    void sigmoidSoftplusAndTanhMatchAdaptiveIntegrationEverywhere() {
        double worst = 0;
        for (double s : SPREADS) {
            for (double centre : CENTRES) {
                for (double m : new double[] {centre, -centre}) {
                    double sig = AdaptiveKronrod.gaussianExpectation(GaussianExpectation::sigmoid, m, s);
                    double sp = AdaptiveKronrod.gaussianExpectation(GaussianExpectation::softplus, m, s);
                    double th = AdaptiveKronrod.gaussianExpectation(Math::tanh, m, s);
                    assertEquals(sig, GaussianExpectation.sigmoid(m, s), tolerance(sig), "sigmoid m=" + m + " s=" + s);
                    assertEquals(sp, GaussianExpectation.softplus(m, s), tolerance(sp), "softplus m=" + m + " s=" + s);
                    assertEquals(th, GaussianExpectation.tanh(m, s), tolerance(th), "tanh m=" + m + " s=" + s);
                    worst = Math.max(worst, Math.abs(sig - GaussianExpectation.sigmoid(m, s)));
                }
            }
        }
        assertTrue(worst < 1e-13, "worst sigmoid error " + worst);
    }

    @Test
    void zeroSpreadIsExactAndExtremeArgumentsStayFinite() {
        for (double m : new double[] {-800, -40, -1, 0, 1, 40, 800}) {
            assertEquals(GaussianExpectation.sigmoid(m), GaussianExpectation.sigmoid(m, 0.0), 0.0);
            assertEquals(GaussianExpectation.softplus(m), GaussianExpectation.softplus(m, 0.0), 0.0);
            for (double s : new double[] {1e-300, 0.5, 7, 1e6, 1e12}) {
                assertTrue(Double.isFinite(GaussianExpectation.sigmoid(m, s)), "sigmoid " + m + " " + s);
                assertTrue(Double.isFinite(GaussianExpectation.softplus(m, s)), "softplus " + m + " " + s);
                assertTrue(Double.isFinite(GaussianExpectation.tanh(m, s)), "tanh " + m + " " + s);
            }
        }
    }

    @Test
    void symmetriesHoldToRoundoff() {
        // σ(−x) = 1 − σ(x) and softplus(x) − softplus(−x) = x give exact identities between expectations.
        for (double s : SPREADS) {
            for (double m : CENTRES) {
                assertEquals(1.0, GaussianExpectation.sigmoid(m, s) + GaussianExpectation.sigmoid(-m, s), 1e-13);
                assertEquals(m, GaussianExpectation.softplus(m, s) - GaussianExpectation.softplus(-m, s),
                    1e-12 * Math.max(1, Math.abs(m)));
            }
        }
    }
}
