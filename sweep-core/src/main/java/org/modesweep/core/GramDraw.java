package org.modesweep.core;

import java.util.random.RandomGenerator;
import org.hipparchus.util.FastMath;

/**
 * The overlaps of two independent {@code g1, g2 ∼ N(0, I_d)} with {@code e1} and each other, drawn
 * from their exact joint law in O(1) (THEORY.md §3): {@code a_k = g_k·e1 ∼ N(0,1)},
 * {@code S = |h1|² ∼ χ²(d−1)}, {@code C ∼ N(0,1)} (the component of {@code h2} along {@code h1}) and
 * {@code T ∼ χ²(d−2)}, where {@code h_k} is the part of {@code g_k} orthogonal to {@code e1}.
 */
public record GramDraw(double a1, double a2, double S, double C, double T) {

    public static GramDraw sample(long d, RandomGenerator rng) {
        double a1 = rng.nextGaussian();
        double a2 = rng.nextGaussian();
        double s = chiSquared(d - 1, rng);
        double c = d >= 2 ? rng.nextGaussian() : 0.0;
        double t = chiSquared(d - 2, rng);
        return new GramDraw(a1, a2, s, c, t);
    }

    public double norm1Squared() {
        return a1 * a1 + S;
    }

    public double norm2Squared() {
        return a2 * a2 + C * C + T;
    }

    public double dot12() {
        return a1 * a2 + C * FastMath.sqrt(S);
    }

    /** {@code χ²(k) = 2 Gamma(k/2)}; zero for {@code k ≤ 0}. */
    static double chiSquared(long k, RandomGenerator rng) {
        if (k <= 0) {
            return 0.0;
        }
        if (k == 1) {
            double z = rng.nextGaussian();
            return z * z;
        }
        return 2.0 * gamma(0.5 * k, rng);
    }

    /** Marsaglia–Tsang (2000) for {@code Gamma(shape, 1)}, {@code shape ≥ 1}. */
    private static double gamma(double shape, RandomGenerator rng) {
        double dd = shape - 1.0 / 3.0;
        double c = 1.0 / FastMath.sqrt(9.0 * dd);
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || FastMath.log(u) < 0.5 * x * x + dd * (1.0 - v + FastMath.log(v))) {
                return dd * v;
            }
        }
    }
}
