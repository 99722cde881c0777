package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** The O(1)-in-d overlap sampler against explicit sampling of d-vectors. */
class InitialConditionTest {

    private static final int DRAWS = 4000;

    /** Overlaps of explicit {@code g1, g2 ∼ N(0, I_d)}: (a1, a2, |g1|², |g2|², g1·g2). */
    private static double[] explicitDraw(int d, SplittableRandom rng) {
        double a1 = 0;
        double a2 = 0;
        double n1 = 0;
        double n2 = 0;
        double dot = 0;
        for (int i = 0; i < d; i++) {
            double x = rng.nextGaussian();
            double y = rng.nextGaussian();
            if (i == 0) {
                a1 = x;
                a2 = y;
            }
            n1 += x * x;
            n2 += y * y;
            dot += x * y;
        }
        return new double[] {a1, a2, n1, n2, dot};
    }

    private static double[] reduced(int d, SplittableRandom rng) {
        GramDraw g = GramDraw.sample(d, rng);
        return new double[] {g.a1(), g.a2(), g.norm1Squared(), g.norm2Squared(), g.dot12()};
    }

    @Test
    void reducedSamplerHasTheLawOfExplicitVectors() {
        String[] names = {"a1", "a2", "|g1|^2", "|g2|^2", "g1.g2", "cos(g1,g2)", "cos(g1,e1)"};
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int d : new int[] {1, 2, 3, 7, 40}) {
            SplittableRandom a = new SplittableRandom(100 + d);
            SplittableRandom b = new SplittableRandom(200 + d);
            double[][] x = new double[DRAWS][];
            double[][] y = new double[DRAWS][];
            for (int i = 0; i < DRAWS; i++) {
                x[i] = explicitDraw(d, a);
                y[i] = reduced(d, b);
            }
            for (int f = 0; f < names.length; f++) {
                ToDoubleFunction<double[]> feature = feature(f);
                double p = ks.kolmogorovSmirnovTest(column(x, feature), column(y, feature));
                assertTrue(p > 1e-3, "d=" + d + " " + names[f] + ": KS p-value " + p);
            }
        }
    }

    private static ToDoubleFunction<double[]> feature(int f) {
        return switch (f) {
            case 5 -> v -> v[4] / Math.sqrt(v[2] * v[3]);
            case 6 -> v -> v[0] / Math.sqrt(v[2]);
            default -> v -> v[f];
        };
    }

    private static double[] column(double[][] rows, ToDoubleFunction<double[]> f) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = f.applyAsDouble(rows[i]);
        }
        return c;
    }

    @Test
    void lowDimensionsAreExact() {
        SplittableRandom rng = new SplittableRandom(5);
        GramDraw one = GramDraw.sample(1, rng);
        assertEquals(0.0, one.S());
        assertEquals(0.0, one.C());
        assertEquals(0.0, one.T());
        // d = 2: g1, g2 span the plane, so the Gram matrix with e1 is singular.
        for (int i = 0; i < 100; i++) {
            GramDraw two = GramDraw.sample(2, rng);
            assertEquals(0.0, two.T());
            double cross = Math.sqrt(two.S()) * two.a2() - two.a1() * two.C();
            double det = two.norm1Squared() * two.norm2Squared() - two.dot12() * two.dot12();
            assertEquals(cross * cross, det, 1e-9 * (1 + det));
        }
    }

    @Test
    void hugeDimensionsCostNothingAndGiveNearlyOrthogonalStarts() {
        long d = 1_000_000_000L;
        Problem problem = new Problem(2.5, d, 2.0 / 3, Weights.FIXED);
        SplittableRandom rng = new SplittableRandom(9);
        double sumSquares = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            State y = new InitialCondition.Sphere(null).overlaps(problem, rng);
            assertEquals(1.0, y.q11(), 1e-12);
            sumSquares += y.m1() * y.m1() + y.q12() * y.q12();
        }
        // cosines of order 1/sqrt(d): E[m1² + s²] = 2/d for sphere starts with r0 = R.
        assertEquals(2.0 / d, sumSquares / n, 0.2 * 2.0 / d);
    }

    @Test
    void gaussianStartsScaleWithSigma0AndDimension() {
        Problem problem = new Problem(2.0, 400, 0.5, Weights.FIXED);
        SplittableRandom rng = new SplittableRandom(1);
        double mean = 0;
        for (int i = 0; i < 500; i++) {
            mean += new InitialCondition.Gaussian(0.5).overlaps(problem, rng).q11() / 500;
        }
        assertEquals(0.25 * 400 / 4.0, mean, 0.05 * 25);
    }

    @Test
    void explicitStartsAreCheckedForRealisability() {
        assertNull(InitialCondition.Explicit.realisability(0.6, -0.6, 0));
        assertNotNull(InitialCondition.Explicit.realisability(0.9, 0.9, -0.9));
        assertNotNull(InitialCondition.Explicit.realisability(1.2, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new InitialCondition.Explicit(0.8, 0.8, 0, null));
        InitialCondition.Explicit start = new InitialCondition.Explicit(0.6, -0.3, 0.1, 3.0);
        State y = start.overlaps(new Problem(2.0, 3, 0.5, Weights.FIXED), new SplittableRandom(0));
        assertEquals(0.6 * 3 * 2 / 4.0, y.m1(), 1e-15);
        assertEquals(9 / 4.0, y.q22(), 1e-15);
        assertEquals(0.1 * 9 / 4.0, y.q12(), 1e-15);
        // three independent directions do not fit in d = 2
        assertThrows(IllegalArgumentException.class,
            () -> start.overlaps(new Problem(2.0, 2, 0.5, Weights.FIXED), new SplittableRandom(0)));
    }
}
