package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.hipparchus.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * The reduced engine of sgd (THEORY.md §8) against the {@code d}-vector engine, in law: the overlaps
 * after one step from one state (mean, spread and covariance of every overlap) and after tens of steps,
 * by two-sample tests over regimes that exercise every branch of the chain: fixed and trainable weights,
 * small and large {@code d/B}, {@code d = 3} (no dimension beyond the frame), {@code d = 4} (one, the
 * Bartlett draw with {@code n = 1}), {@code d = 1, 2}, collinear means (a singular noise covariance) and
 * coplanar ones.
 *
 * <p>Each comparison runs, per overlap, a Welch t test on the values (means), a two-sample
 * Kolmogorov–Smirnov test (whole distribution), and, per pair of overlaps, a Welch t test on the centred
 * products (each entry of the covariance matrix, variances included). Every test is at level
 * {@link #ALPHA} = 1e-5: the suite runs fewer than 1000 of them, so a correct engine fails it with
 * probability under 1% (Bonferroni) — and never with these fixed seeds.
 *
 * <p>Power (probability 0.8 at level 1e-5, two-sided; {@code z = 4.42 + 0.84}), with {@code N} draws per engine:
 * <ul>
 *   <li>one step, {@code N = 4000}: a mean shift of {@code 5.26 √(2/N) = 0.118} standard deviations; a
 *       covariance entry off by 0.118 sd of the product, i.e. a variance off by 17% (sd by 8%) for a
 *       Gaussian overlap; any KS distance above {@code √(ln(2/α)/N) = 0.055};</li>
 *   <li>after {@code K} steps, {@code N = 1500}: 0.19 sd in mean, 27% in variance, KS distance 0.09.</li>
 * </ul>
 * {@link #theTestsSeeAWrongDimension} checks that this power is real: the reduced chain told the wrong
 * {@code d} (so the wrong amount of noise outside the span) is rejected.
 */
class SgdEngineLawTest {

    static final double ALPHA = 1e-5;
    private static final double W_STAR = 2.0 / 3;
    private static final double ETA = 0.05;
    private static final String[] NAMES = {"m1", "m2", "q11", "q22", "q12", "a"};

    @Test
    void oneStepFromGenericStates() {
        // small d/B, fixed weights
        oneStep(Weights.FIXED, 2.5, 10, 50, start(0.3, -0.2, 0.1, 1.0, 0), 101);
        // large d/B = 20, trainable weights, unequal norms
        oneStep(Weights.TRAINABLE, 2.5, 200, 10, start(0.25, -0.4, -0.15, 1.3, 0.4), 102);
        // d = 3: the frame is all of R^d
        oneStep(Weights.TRAINABLE, 2.0, 3, 5, start(0.5, -0.6, 0.2, 0.9, -0.3), 103);
        // d = 4: one dimension beyond the frame (Bartlett with n = 1); d/B > 1
        oneStep(Weights.FIXED, 2.0, 4, 3, start(0.1, -0.7, 0.3, 1.1, 0), 104);
    }

    @Test
    void oneStepFromRankDeficientStates() {
        // μ1 = μ2 = μ*: rank 1, every r(x) equal, so the perpendicular noise covariance is singular
        oneStep(Weights.FIXED, 2.5, 30, 10, start(1, 1, 1, 1.0, 0), 201);
        // both means on the μ* axis, on opposite sides, with different norms: rank 1, trainable
        oneStep(Weights.TRAINABLE, 2.0, 20, 6, new State(-0.8, 1.2, 0.64, 1.44, -0.96, 0.2), 202);
        // coplanar means in high d: rank 2
        oneStep(Weights.TRAINABLE, 2.5, 50, 8, start(0.5, -0.3, coplanar(0.5, -0.3), 1.0, 0.1), 203);
        // d = 2 (rank 2 = d) and d = 1 (the line)
        oneStep(Weights.TRAINABLE, 2.5, 2, 6, start(0.5, -0.3, coplanar(0.5, -0.3), 1.0, 0.3), 204);
        oneStep(Weights.TRAINABLE, 2.0, 1, 4, new State(-0.8, 1.2, 0.64, 1.44, -0.96, 0.2), 205);
    }

    @Test
    void overlapsAfterTensOfSteps() {
        afterSteps(Weights.TRAINABLE, 2.5, 40, 8, 25, start(0.2, -0.1, 0.05, 1.0, 0), 301);
        afterSteps(Weights.FIXED, 2.0, 3, 4, 25, start(0.4, -0.5, 0.1, 1.0, 0), 302);
        // escape from the collinear state μ1 = μ2 = μ*/2 at large d/B
        afterSteps(Weights.FIXED, 2.5, 60, 5, 20, start(1, 1, 1, 0.5, 0), 303);
        afterSteps(Weights.TRAINABLE, 2.0, 2, 4, 25, start(0.6, -0.6, coplanar(0.6, -0.6), 1.0, 0), 304);
    }

    @Test
    void theTestsSeeAWrongDimension() {
        // the reduced chain at d = 25 against the vectors at d = 50, after 20 steps at B = 5: the only
        // difference is the noise outside the span (half of it), which the law tests must reject
        Problem right = new Problem(2.5, 50, W_STAR, Weights.FIXED);
        Problem wrong = new Problem(2.5, 25, W_STAR, Weights.FIXED);
        State y0 = withLogit(start(0.2, -0.1, 0.05, 1.0, 0), right.targetLogit());
        double[][] vectors = draws(engine(StochasticGradientDescent.Engine.VECTORS, 5), right, y0, 20, 1500, 401);
        double[][] reduced = draws(engine(StochasticGradientDescent.Engine.REDUCED, 5), wrong, y0, 20, 1500, 402);
        assertTrue(!compare(vectors, reduced).isEmpty(), "half the perpendicular noise went unnoticed");
    }

    private static void oneStep(Weights weights, double r, long d, int batch, State y0, long seed) {
        agree(weights, r, d, batch, 1, y0, 4000, seed);
    }

    private static void afterSteps(Weights weights, double r, long d, int batch, int steps, State y0, long seed) {
        agree(weights, r, d, batch, steps, y0, 1500, seed);
    }

    private static void agree(Weights weights, double r, long d, int batch, int steps, State y0, int n, long seed) {
        Problem problem = new Problem(r, d, W_STAR, weights);
        State start = weights == Weights.FIXED ? withLogit(y0, problem.targetLogit()) : y0;
        double[][] vectors = draws(engine(StochasticGradientDescent.Engine.VECTORS, batch), problem, start, steps, n, seed);
        double[][] reduced = draws(engine(StochasticGradientDescent.Engine.REDUCED, batch), problem, start, steps, n,
            seed + 1000);
        List<String> rejected = compare(vectors, reduced);
        assertTrue(rejected.isEmpty(), weights + " R=" + r + " d=" + d + " B=" + batch + " after " + steps
            + " steps from " + start + ": " + rejected);
    }

    static StochasticGradientDescent engine(StochasticGradientDescent.Engine engine, int batch) {
        return new StochasticGradientDescent(ETA, batch, 1, 1e-300, engine);
    }

    /** {@code n} independent runs of {@code steps} steps from {@code y0}: row = overlap, column = run. */
    static double[][] draws(StochasticGradientDescent sgd, Problem problem, State y0, int steps, int n, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double[][] out = new double[State.DIMENSION][n];
        for (int i = 0; i < n; i++) {
            Supplier<State> step = sgd.stepper(problem, y0, root.split());
            State y = y0;
            for (int s = 0; s < steps; s++) {
                y = step.get();
            }
            double[] v = y.toArray();
            for (int c = 0; c < State.DIMENSION; c++) {
                out[c][i] = v[c];
            }
        }
        return out;
    }

    /** The tests that reject equality in law at {@link #ALPHA}, named; empty when none does. */
    static List<String> compare(double[][] x, double[][] y) {
        TTest t = new TTest();
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        List<String> rejected = new ArrayList<>();
        List<Integer> varying = new ArrayList<>();
        for (int c = 0; c < State.DIMENSION; c++) {
            if (constant(x[c]) && constant(y[c])) {
                if (x[c][0] != y[c][0]) {
                    rejected.add(NAMES[c] + " constant but different: " + x[c][0] + " vs " + y[c][0]);
                }
                continue;
            }
            varying.add(c);
            double pMean = t.tTest(x[c], y[c]);
            double pKs = ks.kolmogorovSmirnovTest(x[c], y[c]);
            if (pMean < ALPHA) {
                rejected.add(String.format("mean %s: %.6g vs %.6g (p=%.2g)", NAMES[c], mean(x[c]), mean(y[c]), pMean));
            }
            if (pKs < ALPHA) {
                rejected.add(String.format("KS %s (p=%.2g)", NAMES[c], pKs));
            }
        }
        for (int i = 0; i < varying.size(); i++) {
            for (int j = i; j < varying.size(); j++) {
                int a = varying.get(i);
                int b = varying.get(j);
                double[] px = products(x[a], x[b]);
                double[] py = products(y[a], y[b]);
                double p = t.tTest(px, py);
                if (p < ALPHA) {
                    rejected.add(String.format("cov(%s,%s): %.4g vs %.4g (p=%.2g)", NAMES[a], NAMES[b], mean(px), mean(py), p));
                }
            }
        }
        return rejected;
    }

    private static boolean constant(double[] v) {
        return Arrays.stream(v).allMatch(x -> x == v[0]);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** {@code (x_i − x̄)(y_i − ȳ)}: their mean is the covariance. */
    private static double[] products(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mx) * (y[i] - my);
        }
        return out;
    }

    /** Means of norm {@code scale · R} with cosines {@code m1, m2} to {@code μ*} and {@code s} to each other. */
    static State start(double m1, double m2, double s, double scale, double a) {
        return new State(scale * m1, scale * m2, scale * scale, scale * scale, scale * scale * s, a);
    }

    /** The cosine {@code s} that puts unit vectors with cosines {@code m1, m2} to {@code μ*} in one plane with it. */
    private static double coplanar(double m1, double m2) {
        return m1 * m2 - Math.sqrt((1 - m1 * m1) * (1 - m2 * m2));
    }

    private static State withLogit(State y, double a) {
        return new State(y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), a);
    }
}
