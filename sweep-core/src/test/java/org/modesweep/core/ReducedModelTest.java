package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reduced equations checked against computations that do not use them: KL by direct
 * one-dimensional integration of {@code q log(q/p)}, and velocities as finite-difference gradients
 * of KL with respect to explicit mean vectors.
 */
class ReducedModelTest {

    private static final double W_STAR = 2.0 / 3;

    private static State overlaps(double[] mu1, double[] mu2, double R, double a) {
        return State.ofMeans(mu1, mu2, R, a);
    }

    private static double dot(double[] x, double[] y) {
        return State.dot(x, y);
    }

    private static double normal(double x, double mean) {
        return Math.exp(-0.5 * (x - mean) * (x - mean)) / Math.sqrt(2 * Math.PI);
    }

    /** KL(q‖p) in d = 1 by adaptive quadrature of q log(q/p). */
    private static double directKl1d(double R, double wStar, double mu1, double mu2, double w1) {
        return AdaptiveKronrod.integrate(x -> {
            double q = w1 * normal(x, mu1) + (1 - w1) * normal(x, mu2);
            double p = wStar * normal(x, R) + (1 - wStar) * normal(x, -R);
            return q > 0 ? q * Math.log(q / p) : 0;
        }, -60, 60, 1e-14);
    }

    @Test
    void klMatchesDirectIntegrationInOneDimension() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 30; i++) {
            double R = 0.5 + 4 * rng.nextDouble();
            double mu1 = 6 * rng.nextDouble() - 3;
            double mu2 = 6 * rng.nextDouble() - 3;
            double a = 4 * rng.nextDouble() - 2;
            ReducedModel model = new ReducedModel(new Problem(R, 1, W_STAR, Weights.TRAINABLE));
            double kl = model.kl(overlaps(new double[] {mu1}, new double[] {mu2}, R, a));
            double direct = directKl1d(R, W_STAR, mu1, mu2, GaussianExpectation.sigmoid(a));
            assertEquals(direct, kl, 1e-9, "R=" + R + " mu=(" + mu1 + ", " + mu2 + ") a=" + a);
        }
    }

    @Test
    void klVanishesAtTheTargetAndIsNonNegativeOnRealisableStates() {
        for (double R : new double[] {0.3, 1, 2.5, 6, 10}) {
            ReducedModel model = new ReducedModel(new Problem(R, 5, W_STAR, Weights.TRAINABLE));
            double logit = Math.log(W_STAR / (1 - W_STAR));
            assertEquals(0.0, model.kl(new State(1, -1, 1, 1, -1, logit)), 1e-10, "q = p, R=" + R);
            assertEquals(0.0, model.kl(new State(-1, 1, 1, 1, -1, -logit)), 1e-10, "labels swapped, R=" + R);
            SplittableRandom rng = new SplittableRandom(11);
            for (int i = 0; i < 50; i++) {
                double[] mu1 = randomVector(rng, 3, 2 * R);
                double[] mu2 = randomVector(rng, 3, 2 * R);
                double kl = model.kl(overlaps(mu1, mu2, R, 6 * rng.nextDouble() - 3));
                assertTrue(kl > -1e-10, "KL = " + kl + " at R=" + R);
            }
        }
    }

    private static double[] randomVector(SplittableRandom rng, int d, double scale) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return v;
    }

    /** −∇_{μk} KL by central differences of the KL of explicit vectors. */
    private static double[][] minusGradient(ReducedModel model, double[] mu1, double[] mu2, double a) {
        double R = model.problem().R();
        double h = 1e-5;
        double[][] g = new double[2][mu1.length];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < mu1.length; j++) {
                double[] p1 = mu1.clone();
                double[] p2 = mu2.clone();
                double[] m1 = mu1.clone();
                double[] m2 = mu2.clone();
                (k == 0 ? p1 : p2)[j] += h;
                (k == 0 ? m1 : m2)[j] -= h;
                g[k][j] = -(model.kl(overlaps(p1, p2, R, a)) - model.kl(overlaps(m1, m2, R, a))) / (2 * h);
            }
        }
        return g;
    }

    @Test
    void velocitiesAreMinusTheGradientOfKl() {
        SplittableRandom rng = new SplittableRandom(3);
        for (Weights weights : Weights.values()) {
            for (double R : new double[] {0.7, 1.9, 3.2}) {
                ReducedModel model = new ReducedModel(new Problem(R, 3, W_STAR, weights));
                double[] mu1 = randomVector(rng, 3, R);
                double[] mu2 = randomVector(rng, 3, R);
                double a = weights == Weights.TRAINABLE ? 0.4 : model.problem().targetLogit();
                State y = overlaps(mu1, mu2, R, a);
                double[] dy = model.derivative(y);
                double[][] v = minusGradient(model, mu1, mu2, a);
                double r2 = R * R;
                double[] star = {R, 0, 0};
                double[] expected = {dot(v[0], star) / r2, dot(v[1], star) / r2, 2 * dot(v[0], mu1) / r2,
                    2 * dot(v[1], mu2) / r2, (dot(v[0], mu2) + dot(v[1], mu1)) / r2};
                for (int i = 0; i < 5; i++) {
                    assertEquals(expected[i], dy[i], 1e-6, weights + " R=" + R + " component " + i);
                }
                double h = 1e-5;
                double dKlDa = (model.kl(overlaps(mu1, mu2, R, a + h)) - model.kl(overlaps(mu1, mu2, R, a - h))) / (2 * h);
                assertEquals(weights == Weights.TRAINABLE ? -2 * dKlDa : 0.0, dy[5], 1e-6, weights + " da/dt");
            }
        }
    }

    @Test
    void gradientStepIsExplicitVectorDescentOnTheOverlaps() {
        double R = 2.2;
        double eta = 0.3;
        ReducedModel model = new ReducedModel(new Problem(R, 3, W_STAR, Weights.TRAINABLE));
        double[] mu1 = {0.4, 1.5, -0.2};
        double[] mu2 = {-1.1, 0.3, 0.8};
        double a = -0.2;
        double[][] v = minusGradient(model, mu1, mu2, a);
        double[] n1 = new double[3];
        double[] n2 = new double[3];
        for (int j = 0; j < 3; j++) {
            n1[j] = mu1[j] + eta * v[0][j];
            n2[j] = mu2[j] + eta * v[1][j];
        }
        State y = overlaps(mu1, mu2, R, a);
        State step = model.gradientStep(y, eta, 1);
        State expected = overlaps(n1, n2, R, a + eta * model.derivative(y)[5]);
        assertTrue(step.maxAbsDifference(expected, 1) < 1e-6, step + " vs " + expected);
    }

    @Test
    void equalMeansGiveAFiniteVelocity() {
        ReducedModel model = new ReducedModel(new Problem(2.5, 10, W_STAR, Weights.TRAINABLE));
        State y = new State(0.3, 0.3, 1, 1, 1, 0.1);
        double[] dy = model.derivative(y);
        for (double v : dy) {
            assertTrue(Double.isFinite(v));
        }
        // Δ = 0: both components see the same expectations; only their weights differ.
        assertEquals(dy[0] / y.w1(), dy[1] / y.w2(), 1e-12);
    }
}
