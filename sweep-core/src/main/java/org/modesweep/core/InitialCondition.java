package org.modesweep.core;

import org.modesweep.core.math.Check;
import java.util.random.RandomGenerator;
import org.hipparchus.util.FastMath;

/**
 * How the two means start (THEORY.md §3). Random schemes draw the overlaps of two Gaussian
 * vectors {@code g1, g2 ∼ N(0, I_d)} from their exact joint law ({@link GramDraw}), with O(1) draws
 * whatever {@code d}.
 */
public sealed interface InitialCondition {

    /** The normalised overlaps of a start (the logit {@code a} is set by the caller). */
    State overlaps(Problem problem, RandomGenerator rng);

    /** A short label such as {@code sphere(r0=2.5)}, recorded with results. */
    String describe();

    /** {@code μk = r0 gk/|gk|}; {@code r0 = R} when not given. */
    record Sphere(Double r0) implements InitialCondition {
        public Sphere {
            if (r0 != null) {
                Check.positive("r0", r0);
            }
        }

        @Override
        public State overlaps(Problem problem, RandomGenerator rng) {
            double radius = r0 == null ? problem.R() : r0;
            GramDraw g = GramDraw.sample(problem.d(), rng);
            double n1 = FastMath.sqrt(g.norm1Squared());
            double n2 = FastMath.sqrt(g.norm2Squared());
            double scale = radius / problem.R();
            return new State(scale * g.a1() / n1, scale * g.a2() / n2,
                scale * scale, scale * scale, scale * scale * g.dot12() / (n1 * n2), 0);
        }

        @Override
        public String describe() {
            return r0 == null ? "sphere" : "sphere(r0=" + r0 + ")";
        }
    }

    /** {@code μk = σ0 gk}. */
    record Gaussian(double sigma0) implements InitialCondition {
        public Gaussian {
            Check.positive("sigma0", sigma0);
        }

        @Override
        public State overlaps(Problem problem, RandomGenerator rng) {
            GramDraw g = GramDraw.sample(problem.d(), rng);
            double scale = sigma0 / problem.R();
            return new State(scale * g.a1(), scale * g.a2(), scale * scale * g.norm1Squared(),
                scale * scale * g.norm2Squared(), scale * scale * g.dot12(), 0);
        }

        @Override
        public String describe() {
            return "gaussian(sigma0=" + sigma0 + ")";
        }
    }

    /**
     * Given cosines {@code μk·μ* / (r0 R) = m_k}, {@code μ1·μ2/r0² = s} and norms {@code |μk| = r0}
     * ({@code R} when not given). Rejects triples whose Gram matrix is not positive semi-definite.
     */
    record Explicit(double m1, double m2, double s, Double r0) implements InitialCondition {
        static final double TOLERANCE = 1e-12;

        public Explicit {
            Check.finite("m1", m1);
            Check.finite("m2", m2);
            Check.finite("s", s);
            if (r0 != null) {
                Check.positive("r0", r0);
            }
            String why = realisability(m1, m2, s);
            if (why != null) {
                throw new IllegalArgumentException("explicit start (m1=" + m1 + ", m2=" + m2 + ", s=" + s
                    + ") is not realisable: " + why);
            }
        }

        /** Why the cosines are not those of three unit vectors, or null if they are. */
        public static String realisability(double m1, double m2, double s) {
            for (double cos : new double[] {m1, m2, s}) {
                if (Math.abs(cos) > 1 + TOLERANCE) {
                    return "cosines must lie in [-1, 1]";
                }
            }
            double det = 1 + 2 * m1 * m2 * s - m1 * m1 - m2 * m2 - s * s;
            if (det < -TOLERANCE) {
                return "the Gram matrix of (μ*, μ1, μ2) is not positive semi-definite (determinant " + det + ")";
            }
            return null;
        }

        @Override
        public State overlaps(Problem problem, RandomGenerator rng) {
            requireRealisableIn(problem.d());
            double scale = (r0 == null ? problem.R() : r0) / problem.R();
            return new State(scale * m1, scale * m2, scale * scale, scale * scale, scale * scale * s, 0);
        }

        /** Three unit vectors with these cosines span {@code rank} dimensions; {@code d} must hold them. */
        void requireRealisableIn(long d) {
            double det = 1 + 2 * m1 * m2 * s - m1 * m1 - m2 * m2 - s * s;
            boolean collinear = Math.abs(Math.abs(m1) - 1) < 1e-9 && Math.abs(Math.abs(m2) - 1) < 1e-9;
            int rank = collinear ? 1 : (det > 1e-9 ? 3 : 2);
            if (rank > d) {
                throw new IllegalArgumentException("explicit start (m1=" + m1 + ", m2=" + m2 + ", s=" + s
                    + ") needs " + rank + " dimensions, but d = " + d);
            }
        }

        @Override
        public String describe() {
            return "explicit(m1=" + m1 + ", m2=" + m2 + ", s=" + s + (r0 == null ? "" : ", r0=" + r0) + ")";
        }
    }
}
