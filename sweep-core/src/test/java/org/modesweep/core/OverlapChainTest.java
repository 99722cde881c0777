package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The pieces of the reduced sgd chain (THEORY.md §8) that its law tests against d-vectors cannot reach. */
class OverlapChainTest {

    /**
     * Bartlett's draw against the Wishart moments {@code E W = nC}, {@code Cov(W_ij, W_kl) = n(C_ik C_jl + C_il C_jk)},
     * for {@code n = 1} (rank one), small {@code n} and {@code n = 10⁹}, with a regular and two singular {@code C}.
     * Sample means and variances are held to 5 of their standard errors (estimated from the sample).
     */
    @Test
    void wishartDrawsHaveTheWishartMoments() {
        double[][] covariances = {{0.7, -0.2, 0.4}, {0.25, 0.5, 1.0}, {0, 0, 0.3}};
        SplittableRandom rng = new SplittableRandom(7);
        int draws = 20000;
        for (long n : new long[] {1, 2, 7, 1_000_000_000L}) {
            for (double[] c : covariances) {
                double[][] w = new double[3][draws];
                for (int i = 0; i < draws; i++) {
                    double[] x = OverlapChain.wishart(n, c[0], c[1], c[2], rng);
                    for (int e = 0; e < 3; e++) {
                        w[e][i] = x[e];
                    }
                    double det = x[0] * x[2] - x[1] * x[1];
                    double scale = x[0] * x[2] + 1e-300;
                    if (n == 1 || c[0] * c[2] - c[1] * c[1] == 0) {
                        assertEquals(0, det / scale, 1e-9, "W has rank one for n = 1 or a singular C");
                    } else {
                        assertTrue(det > 0, "W is positive definite");
                    }
                }
                double[] variance = {2 * n * c[0] * c[0], n * (c[0] * c[2] + c[1] * c[1]), 2 * n * c[2] * c[2]};
                for (int e = 0; e < 3; e++) {
                    String where = "n=" + n + " C=" + java.util.Arrays.toString(c) + " entry " + e;
                    double mean = mean(w[e]);
                    double var = centralMoment(w[e], mean, 2);
                    assertEquals(n * c[e], mean, 5 * Math.sqrt(var / draws) + 1e-300, where + " mean");
                    double varError = Math.sqrt((centralMoment(w[e], mean, 4) - var * var) / draws);
                    assertEquals(variance[e], var, 5 * varError + 1e-300, where + " variance");
                }
            }
        }
    }

    /** In {@code d = 1} and {@code 2} the Gram matrix of {@code (μ*, μ1, μ2)} must keep rank at most {@code d}, step after step. */
    @Test
    void theChainStaysInLowDimensions() {
        SplittableRandom rng = new SplittableRandom(11);
        for (long d = 1; d <= 2; d++) {
            Problem problem = new Problem(2.0, d, 2.0 / 3, Weights.TRAINABLE);
            for (int run = 0; run < 20; run++) {
                State y = new InitialCondition.Gaussian(1.0).overlaps(problem, rng);
                Supplier<State> step = SgdEngineLawTest.engine(StochasticGradientDescent.Engine.REDUCED, 3)
                    .stepper(problem, y, rng.split());
                for (int s = 0; s < 200; s++) {
                    y = step.get();
                }
                double scale = Math.max(1, Math.max(y.q11(), y.q22()));
                if (d == 1) {
                    assertEquals(y.m1() * y.m1(), y.q11(), 1e-9 * scale, "μ1 on the μ* line: " + y);
                    assertEquals(y.m1() * y.m2(), y.q12(), 1e-9 * scale, "μ1, μ2 on the μ* line: " + y);
                } else {
                    double det = y.q11() * y.q22() - y.q12() * y.q12() - y.m1() * (y.m1() * y.q22() - y.q12() * y.m2())
                        + y.m2() * (y.m1() * y.q12() - y.q11() * y.m2());
                    assertEquals(0, det, 1e-9 * scale * scale, "μ*, μ1, μ2 in one plane: " + y);
                }
            }
        }
    }

    /**
     * At {@code d = 10⁹} the noise outside the span dominates a step: {@code E[ΔQ11] = η² (d − 3) E[C11]} up to
     * in-span terms a million times smaller, with {@code E[C11] = Σ_j (w_j²/B) E_{x∼N(μj, I)} r(x)²}, here by
     * adaptive quadrature over {@code r = σ(z)}, {@code z ∼ N(U_j + c, Δ)} (THEORY.md §2).
     */
    @Test
    void atAGigadimensionThePerpendicularNoiseHasItsExpectedSize() {
        double r = 2.5;
        long d = 1_000_000_000L;
        int batch = 1000;
        double eta = 0.05;
        Problem problem = new Problem(r, d, 2.0 / 3, Weights.FIXED);
        State y0 = new State(0.3, -0.2, 1.1, 0.9, 0.1, problem.targetLogit());
        double r2 = r * r;
        double q11 = r2 * y0.q11();
        double q22 = r2 * y0.q22();
        double q12 = r2 * y0.q12();
        double c = -0.5 * (q11 - q22) + y0.a();
        double delta = Math.sqrt(q11 + q22 - 2 * q12);
        double[] u = {q11 - q12, q12 - q22};
        double[] w = {y0.w1(), y0.w2()};
        double expectedC11 = 0;
        for (int j = 0; j < 2; j++) {
            double m = u[j] + c;
            expectedC11 += w[j] * w[j] / batch
                * AdaptiveKronrod.gaussianExpectation(x -> Math.pow(GaussianExpectation.sigmoid(x), 2), m, delta);
        }
        StochasticGradientDescent sgd = new StochasticGradientDescent(eta, batch, 1, 1e-300);
        SplittableRandom rng = new SplittableRandom(5);
        int draws = 400;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += r2 * (sgd.stepper(problem, y0, rng.split()).get().q11() - y0.q11());
        }
        double perStep = sum / draws / (eta * eta * (d - 3));
        assertEquals(expectedC11, perStep, 0.01 * expectedC11);
    }

    /**
     * One step of the chain against the exact gd map ({@link ReducedModel#gradientStep}) as the batch grows:
     * the root-mean-square error of every overlap halves when the batch is multiplied by 4 (noise ∝ 1/√B;
     * the bias of the squared norms, ∝ 1/B, is smaller), and the means of {@code m1, m2, a}, linear in the
     * batch means, are unbiased (within 5 standard errors at every batch).
     */
    @Test
    void oneStepApproachesTheGradientDescentMapAsTheBatchGrows() {
        Problem problem = new Problem(2.5, 20, 2.0 / 3, Weights.TRAINABLE);
        State y0 = new State(0.3, -0.2, 1.1, 0.9, 0.1, 0.3);
        double eta = 0.05;
        State gd = new ReducedModel(problem).gradientStep(y0, eta, 1);
        double[] exact = gd.toArray();
        int draws = 1000;
        double[] previous = null;
        for (int batch : new int[] {25, 100, 400, 1600}) {
            StochasticGradientDescent sgd = new StochasticGradientDescent(eta, batch, 1, 1e-300);
            SplittableRandom rng = new SplittableRandom(batch);
            double[] squares = new double[State.DIMENSION];
            double[][] values = new double[State.DIMENSION][draws];
            for (int i = 0; i < draws; i++) {
                double[] y = sgd.stepper(problem, y0, rng.split()).get().toArray();
                for (int c = 0; c < State.DIMENSION; c++) {
                    squares[c] += Math.pow(y[c] - exact[c], 2) / draws;
                    values[c][i] = y[c];
                }
            }
            for (int c : new int[] {0, 1, 5}) {
                double mean = mean(values[c]);
                double se = Math.sqrt(centralMoment(values[c], mean, 2) / draws);
                assertEquals(exact[c], mean, 5 * se, "B=" + batch + ": overlap " + c + " unbiased");
            }
            double[] rms = java.util.Arrays.stream(squares).map(Math::sqrt).toArray();
            if (previous != null) {
                for (int c = 0; c < State.DIMENSION; c++) {
                    assertEquals(2, previous[c] / rms[c], 0.3, "B=" + batch + ": rms error of overlap " + c
                        + " against the batch a quarter as large");
                }
            }
            previous = rms;
        }
    }

    /**
     * The frame (pivoted Cholesky) reproduces the Gram matrix it factorises: a step of {@code η = 1e-12} returns the
     * overlaps it started from, to 1e-9 of the largest squared norm, for generic, coplanar, collinear, nearly
     * collinear (a rounding-sized third direction) and tiny means, in d = 1, 2, 3 and 10⁹.
     */
    @Test
    void theFrameReproducesTheOverlaps() {
        State[] states = {
            new State(0.3, -0.2, 1.1, 0.9, 0.1, 0.2),
            new State(0.5, -0.3, 1, 1, 0.5 * -0.3 - Math.sqrt((1 - 0.25) * (1 - 0.09)), 0),
            new State(-0.8, 1.2, 0.64, 1.44, -0.96, 0.2),
            new State(0.6, 0.6, 0.36 + 1e-15, 0.36, 0.36, 0),
            new State(1e-6, -2e-6, 1e-10, 4e-10, -1e-10, 0)};
        for (State y : states) {
            for (long d : new long[] {1, 2, 3, 1_000_000_000L}) {
                Problem problem = new Problem(2.0, d, 2.0 / 3, Weights.TRAINABLE);
                Supplier<State> step;
                try {
                    step = new StochasticGradientDescent(1e-12, 5, 1, 1e-300).stepper(problem, y, new SplittableRandom(d));
                } catch (IllegalArgumentException needsMoreDimensions) {
                    continue;
                }
                State next = step.get();
                double scale = Math.max(1, Math.max(y.q11(), y.q22()));
                String where = y + " d=" + d + " -> " + next;
                assertEquals(y.m1(), next.m1(), 1e-9 * scale, where);
                assertEquals(y.m2(), next.m2(), 1e-9 * scale, where);
                assertEquals(y.q11(), next.q11(), 1e-9 * scale, where);
                assertEquals(y.q22(), next.q22(), 1e-9 * scale, where);
                assertEquals(y.q12(), next.q12(), 1e-9 * scale, where);
            }
        }
    }

    @Test
    void aStartThatSpansMoreDimensionsThanDIsRefused() {
        State y = new State(0.5, 0.2, 1, 1, 0.1, 0);
        StochasticGradientDescent sgd = new StochasticGradientDescent(0.05, 10, 1, 1e-8);
        sgd.stepper(new Problem(2.5, 3, 2.0 / 3, Weights.FIXED), y, new SplittableRandom(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> sgd.stepper(new Problem(2.5, 2, 2.0 / 3, Weights.FIXED), y, new SplittableRandom(0)));
        assertEquals("the start's overlaps need 3 dimensions, but d = 2", e.getMessage());
    }

    @Test
    void theVectorsEngineRefusesADimensionItCannotStore() {
        Problem huge = new Problem(2.5, StochasticGradientDescent.MAX_VECTOR_D + 1, 2.0 / 3, Weights.FIXED);
        State y = new State(0.1, -0.1, 1, 1, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SgdEngineLawTest.engine(StochasticGradientDescent.Engine.VECTORS, 10).stepper(huge, y, new SplittableRandom(0)));
        assertEquals(SgdEngineLawTest.engine(StochasticGradientDescent.Engine.VECTORS, 10).refusal(huge.d()).orElseThrow(), e.getMessage());
        SgdEngineLawTest.engine(StochasticGradientDescent.Engine.REDUCED, 10).stepper(huge, y, new SplittableRandom(0)).get();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double centralMoment(double[] x, double mean, int power) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(v - mean, power);
        }
        return s / x.length;
    }
}
