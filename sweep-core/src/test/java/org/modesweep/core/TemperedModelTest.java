package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The tempered reduced equations (THEORY.md §9) against an independent computation: the tempered objective
 * {@code F_β = E_q[log q − β log p]} of explicit means in {@code d = 2}, integrated over the plane by nested
 * adaptive Gauss–Kronrod quadrature with {@code q} and {@code p} written out as densities, and differentiated
 * by a five-point stencil. Nothing here uses the reduced expectations.
 */
class TemperedModelTest {

    private static final double W_STAR = 2.0 / 3;
    private static final double H = 1e-3;

    private static double logNormal2(double x1, double x2, double m1, double m2) {
        return -0.5 * ((x1 - m1) * (x1 - m1) + (x2 - m2) * (x2 - m2)) - Math.log(2 * Math.PI);
    }

    private static double logSumExp(double a, double b) {
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** {@code F_β} of {@code q = w1 N(μ1, I) + (1 − w1) N(μ2, I)} against the target with {@code μ* = (R, 0)}. */
    private static double temperedObjective(double R, double beta, double[] mu1, double[] mu2, double a) {
        double w1 = 1 / (1 + Math.exp(-a));
        double logW1 = Math.log(w1);
        double logW2 = Math.log(1 - w1);
        double logWs = Math.log(W_STAR);
        double logWs2 = Math.log(1 - W_STAR);
        double lo1 = Math.min(mu1[0], mu2[0]) - 10;
        double hi1 = Math.max(mu1[0], mu2[0]) + 10;
        double lo2 = Math.min(mu1[1], mu2[1]) - 10;
        double hi2 = Math.max(mu1[1], mu2[1]) + 10;
        return integrateInCells(x1 -> integrateInCells(x2 -> {
            double logQ = logSumExp(logW1 + logNormal2(x1, x2, mu1[0], mu1[1]), logW2 + logNormal2(x1, x2, mu2[0], mu2[1]));
            double logP = logSumExp(logWs + logNormal2(x1, x2, R, 0), logWs2 + logNormal2(x1, x2, -R, 0));
            return Math.exp(logQ) * (logQ - beta * logP);
        }, lo2, hi2), lo1, hi1);
    }

    /** Adaptive quadrature on unit cells (the integrand changes on the unit scale of the Gaussians). */
    private static double integrateInCells(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        int cells = (int) Math.ceil(hi - lo);
        double width = (hi - lo) / cells;
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            sum += AdaptiveKronrod.integrate(f, lo + i * width, lo + (i + 1) * width, 1e-14);
        }
        return sum;
    }

    /** {@code ∂F/∂θ} by the five-point stencil, {@code θ} the coordinate changed by {@code shifted}. */
    private static double derivative(java.util.function.DoubleUnaryOperator shifted) {
        return (-shifted.applyAsDouble(2 * H) + 8 * shifted.applyAsDouble(H) - 8 * shifted.applyAsDouble(-H)
            + shifted.applyAsDouble(-2 * H)) / (12 * H);
    }

    private static double[] plus(double[] v, int j, double h) {
        double[] w = v.clone();
        w[j] += h;
        return w;
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1];
    }

    @Test
    void temperedVelocitiesAreMinusTheGradientOfTheTemperedObjective() {
        SplittableRandom rng = new SplittableRandom(5);
        for (Weights weights : Weights.values()) {
            for (double R : new double[] {1.3, 3}) {
                ReducedModel model = new ReducedModel(new Problem(R, 2, W_STAR, weights));
                for (double beta : new double[] {0.05, 0.5}) {
                    double[] mu1 = {R * (2 * rng.nextDouble() - 1), R * (2 * rng.nextDouble() - 1)};
                    double[] mu2 = {R * (2 * rng.nextDouble() - 1), R * (2 * rng.nextDouble() - 1)};
                    double a = weights == Weights.TRAINABLE ? 0.6 * (2 * rng.nextDouble() - 1) : model.problem().targetLogit();
                    double[][] v = new double[2][2];
                    for (int j = 0; j < 2; j++) {
                        int c = j;
                        v[0][j] = -derivative(h -> temperedObjective(R, beta, plus(mu1, c, h), mu2, a));
                        v[1][j] = -derivative(h -> temperedObjective(R, beta, mu1, plus(mu2, c, h), a));
                    }
                    State y = State.ofMeans(mu1, mu2, R, a);
                    double[] dy = model.derivative(y, beta);
                    double r2 = R * R;
                    double[] star = {R, 0};
                    double[] expected = {dot(v[0], star) / r2, dot(v[1], star) / r2, 2 * dot(v[0], mu1) / r2,
                        2 * dot(v[1], mu2) / r2, (dot(v[0], mu2) + dot(v[1], mu1)) / r2};
                    String label = weights + " R=" + R + " beta=" + beta;
                    for (int i = 0; i < 5; i++) {
                        assertEquals(expected[i], dy[i], 1e-7, label + " component " + i);
                    }
                    // a = a1 − a2 with w = softmax(a1, a2): da/dt = −∂F/∂a1 + ∂F/∂a2 = −2 ∂F/∂a
                    double dFda = weights == Weights.TRAINABLE
                        ? derivative(h -> temperedObjective(R, beta, mu1, mu2, a + h)) : 0;
                    assertEquals(-2 * dFda, dy[5], 1e-7, label + " da/dt");

                    // the gd map of the tempered velocities is explicit descent of the vectors
                    double eta = 0.3;
                    double[] n1 = {mu1[0] + eta * v[0][0], mu1[1] + eta * v[0][1]};
                    double[] n2 = {mu2[0] + eta * v[1][0], mu2[1] + eta * v[1][1]};
                    State step = model.gradientStep(y, eta, beta);
                    State expectedStep = State.ofMeans(n1, n2, R, a - 2 * eta * dFda);
                    assertTrue(step.maxAbsDifference(expectedStep, 1) < 1e-7, label + ": " + step + " vs " + expectedStep);
                }
            }
        }
    }
}
