package org.modesweep.core;

import java.util.random.RandomGenerator;
import org.hipparchus.util.FastMath;

/**
 * The {@code reduced} engine of {@link StochasticGradientDescent} (THEORY.md §8): finite-batch SGD as
 * the Markov chain it induces on the Gram matrix of {@code (μ*, μ1, μ2)}, exact in law, O(batch) per
 * step whatever {@code d}.
 *
 * <p>Each step writes the three vectors in an orthonormal frame of a {@code k}-dimensional subspace
 * {@code U ⊇ span(μ*, μ1, μ2)}, {@code k = min(3, d)} (rows of {@code V √Λ} from the eigen-decomposition
 * of the Gram matrix; in a rank-deficient state the extra frame directions are any directions orthogonal
 * to the span, which is just as exact). A sample's noise is then {@code k} standard normals in {@code U}
 * plus an isotropic part in the {@code n = d − k} other directions that no per-sample scalar sees; its only
 * trace is in the two gradient vectors, as {@code ε1 = Σ (w_j/B) r z⊥} and {@code ε2 = Σ (w_j/B)(1 − r) z⊥},
 * whose Gram matrix is {@code W₂(n, C)} given the scalars and is drawn by Bartlett's decomposition. The
 * estimator is {@link VectorSgd}'s, term for term.
 *
 * <p>At inverse temperature {@code β < 1} (THEORY.md §9; {@code δ = 1 − β}) the own-component samples' path
 * term {@code −δ x} adds {@code −δ w_k (μ_k + ū_k)} in the frame and {@code −δ w_k/B} to the coefficient of their
 * {@code z⊥} in {@code ε_k}; the logit's per-sample {@code log q − β log p} keeps {@code −δ|x|²/2}, whose in-frame
 * part is computed per sample and whose {@code |z⊥|²} part sums to one {@code χ²(nB)} draw per component and
 * step. At {@code β = 1} the arithmetic and the draws are the untempered ones.
 */
final class OverlapChain {

    /**
     * Largest argument {@code x} of the per-sample {@code e^{−x}}: {@code e^{−40} ≈ 4e-18} is below the rounding of
     * every sum it enters ({@code σ}, {@code tanh} are then exactly 0 or 1 in double), and further out {@code exp}
     * and the products of its result reach subnormal numbers, which are slow: at {@code d = 10⁹}, where {@code |μk|²}
     * grows to thousands of {@code R²}, steps were 35% slower before the cut.
     */
    private static final double EXP_CUT = 40;
    /** Share of the largest squared norm under which a pivot is rounding (a few ulps of it). */
    private static final double ROUNDING = 1e-14;

    private final double eta;
    private final int batch;
    private final RandomGenerator rng;
    private final boolean trainable;
    private final double r2;
    private final double hStar;
    private final double logOneMinusWStar;
    /** Frame dimension {@code k} and the dimensions {@code n = d − k} beyond it. */
    private final int k;
    private final long n;
    /** {@code M1, M2, Q11, Q22, Q12} (not normalised) and the logit. */
    private double m1;
    private double m2;
    private double q11;
    private double q22;
    private double q12;
    private double a;
    /** Frame coordinates of {@code μ*, μ1, μ2} (zero beyond {@code k}). */
    private final double[][] p = new double[3][3];
    /**
     * Per component: {@code Σ r}, {@code Σ tanh}, {@code Σ (log q − β log p)}, and {@code Σ c1²}, {@code Σ c1 c2},
     * {@code Σ c2²} of the sample's {@code z⊥} coefficients in {@code (ε1, ε2)} over {@code w_j/B}:
     * {@code (r, 1 − r)}, less {@code δ} in the own component's.
     */
    private final double[][] sums = new double[2][6];
    /** Per component: {@code Σ r u} and {@code Σ (1 − r) u}, frame coordinates. */
    private final double[][] ru = new double[2][3];
    private final double[][] su = new double[2][3];

    OverlapChain(Problem problem, State start, double eta, int batch, RandomGenerator rng) {
        this.eta = eta;
        this.batch = batch;
        this.rng = rng;
        this.trainable = problem.trainable();
        double r = problem.R();
        this.r2 = r * r;
        this.hStar = problem.hStar();
        this.logOneMinusWStar = FastMath.log1p(-problem.wStar());
        this.k = (int) Math.min(3, problem.d());
        this.n = problem.d() - k;
        m1 = r2 * start.m1();
        m2 = r2 * start.m2();
        q11 = r2 * start.q11();
        q22 = r2 * start.q22();
        q12 = r2 * start.q12();
        a = start.a();
        int rank = frame();
        if (rank > k) {
            throw new IllegalArgumentException("the start's overlaps need " + rank + " dimensions, but d = " + problem.d());
        }
    }

    /**
     * Fills {@link #p} with frame coordinates whose Gram matrix is the state's, by Cholesky with full pivoting
     * (rank-revealing for a positive semi-definite matrix: each pivot is the largest remaining squared distance
     * to the span of the vectors placed so far). A pivot under rounding ({@link #ROUNDING} of the largest squared
     * norm) gives a zero column: a frame direction orthogonal to the span. For {@code d < 3} only {@code k}
     * columns are built. Returns the rank, counting pivots above {@link VectorSgd#RANK_TOL} of that norm.
     * Hand-written rather than Hipparchus' symmetric eigen-decomposition, which took half of a step at
     * {@code B = 10} (JFR).
     */
    private int frame() {
        double[][] g = {{r2, m1, m2}, {m1, q11, q12}, {m2, q12, q22}};
        double scale = Math.max(r2, Math.max(q11, q22));
        int[] order = {0, 1, 2};
        int rank = 0;
        for (int col = 0; col < 3; col++) {
            int best = col;
            for (int i = col + 1; i < 3; i++) {
                if (g[order[i]][order[i]] > g[order[best]][order[best]]) {
                    best = i;
                }
            }
            int pivot = order[best];
            order[best] = order[col];
            order[col] = pivot;
            double square = g[pivot][pivot];
            if (square > VectorSgd.RANK_TOL * scale) {
                rank++;
            }
            double length = col < k && square > ROUNDING * scale ? FastMath.sqrt(square) : 0;
            p[pivot][col] = length;
            for (int i = col + 1; i < 3; i++) {
                int row = order[i];
                p[row][col] = length > 0 ? g[row][pivot] / length : 0;
            }
            for (int i = col + 1; i < 3; i++) {
                for (int j = col + 1; j < 3; j++) {
                    g[order[i]][order[j]] -= p[order[i]][col] * p[order[j]][col];
                }
            }
        }
        // rows of vectors placed before a column have zero there
        for (int col = 0; col < 3; col++) {
            for (int i = 0; i < col; i++) {
                p[order[i]][col] = 0;
            }
        }
        return rank;
    }

    State step(double beta) {
        frame();
        double delta = 1 - beta;
        double w1 = GaussianExpectation.sigmoid(a);
        double w2 = 1 - w1;
        double c = -0.5 * (q11 - q22) + a;
        double logW2 = -GaussianExpectation.softplus(a);
        sample(0, m1, q11 - q12, q12, c, logW2, beta);
        sample(1, m2, q12 - q22, q22, c, logW2, beta);
        double b = batch;
        double r1 = sums[0][0] / b;
        double r2m = sums[1][0] / b;
        double t1 = beta * sums[0][1] / b;
        double t2 = beta * sums[1][1] / b;
        double[] star = p[0];
        double[] mu1 = p[1];
        double[] mu2 = p[2];
        double[] next1 = new double[3];
        double[] next2 = new double[3];
        for (int i = 0; i < 3; i++) {
            // path terms w_k [r̄_k μ1 + (1 − r̄_k) μ2 − t̄_k μ*], then the score terms' means and in-frame noise
            double g1 = w1 * (r1 * mu1[i] + (1 - r1) * mu2[i] - t1 * star[i])
                + w2 * r2m * (mu2[i] - mu1[i]) + (w1 * ru[0][i] + w2 * ru[1][i]) / b;
            double g2 = w2 * (r2m * mu1[i] + (1 - r2m) * mu2[i] - t2 * star[i])
                + w1 * (1 - r1) * (mu1[i] - mu2[i]) + (w1 * su[0][i] + w2 * su[1][i]) / b;
            if (delta != 0) {
                // −δ x̄_k of the own samples, x = μ_k + u (r u + (1 − r) u = u)
                g1 -= delta * w1 * (mu1[i] + (ru[0][i] + su[0][i]) / b);
                g2 -= delta * w2 * (mu2[i] + (ru[1][i] + su[1][i]) / b);
            }
            next1[i] = mu1[i] - eta * g1;
            next2[i] = mu2[i] - eta * g2;
        }
        double[] w = perpendicularGram(w1 / b, w2 / b);
        double e2 = eta * eta;
        m1 = dot(star, next1);
        m2 = dot(star, next2);
        q11 = dot(next1, next1) + e2 * w[0];
        q22 = dot(next2, next2) + e2 * w[2];
        q12 = dot(next1, next2) + e2 * w[1];
        if (trainable) {
            double path = 2 * w1 * w2 * (sums[0][2] - sums[1][2]) / b;
            double score = 2 * (w1 * (r1 - w1) + w2 * (r2m - w1));
            a -= eta * (path + score);
        }
        return new State(m1 / r2, m2 / r2, q11 / r2, q22 / r2, q12 / r2, a);
    }

    /**
     * Draws the batch of component {@code j} ({@code x = μ_j + z}) at inverse temperature {@code beta} and
     * accumulates its sums. The arguments are the means of the projections that the scalars read:
     * {@code μ*·μ_j}, {@code (μ1 − μ2)·μ_j}, {@code μ2·μ_j}.
     */
    private void sample(int j, double starMu, double diffMu, double mu2Mu, double c, double logW2, double beta) {
        double delta = 1 - beta;
        double[] own = p[j + 1];
        double[] star = p[0];
        double s0 = star[0];
        double s1 = star[1];
        double s2 = star[2];
        double d0 = p[1][0] - p[2][0];
        double d1 = p[1][1] - p[2][1];
        double d2 = p[1][2] - p[2][2];
        double n0 = p[2][0];
        double n1 = p[2][1];
        double n2 = p[2][2];
        double sr = 0;
        double st = 0;
        double sl = 0;
        double srr = 0;
        double srs = 0;
        double sss = 0;
        double ru0 = 0;
        double ru1 = 0;
        double ru2 = 0;
        double su0 = 0;
        double su1 = 0;
        double su2 = 0;
        for (int i = 0; i < batch; i++) {
            double u0 = rng.nextGaussian();
            double u1 = k > 1 ? rng.nextGaussian() : 0;
            double u2 = k > 2 ? rng.nextGaussian() : 0;
            double starX = starMu + s0 * u0 + s1 * u1 + s2 * u2;
            double pd = diffMu + d0 * u0 + d1 * u1 + d2 * u2 + c;
            // r = σ(pd) and s = 1 − r from one exponential, each without cancellation; tanh and the target's
            // softplus from another (absolute errors ~1e-16: these are summed). One log per sample: the two
            // softplus remainders log1p(e) − log1p(e2) combine (Math.log is an intrinsic, log1p is not).
            double e = Math.exp(-Math.min(Math.abs(pd), EXP_CUT));
            double big = 1 / (1 + e);
            double small = e * big;
            double r = pd >= 0 ? big : small;
            double s = pd >= 0 ? small : big;
            double y = starX + hStar;
            double e2 = Math.exp(-Math.min(2 * Math.abs(y), EXP_CUT));
            double tanh = (1 - e2) / (1 + e2);
            st += y >= 0 ? tanh : -tanh;
            if (trainable) {
                if (delta == 0) {
                    // log q − log p without the softplus remainders, then log((1 + e)/(1 + e2)) = their difference
                    sl += mu2Mu + n0 * u0 + n1 * u1 + n2 * u2 + Math.max(pd, 0) + starX - Math.max(2 * y, 0)
                        + Math.log((1 + e) * (1 / (1 + e2)));
                } else {
                    // log q − β log p without the constants, and the in-frame part of −δ|x|²/2 (z⊥'s below)
                    double logQ = mu2Mu + n0 * u0 + n1 * u1 + n2 * u2 + Math.max(pd, 0) + Math.log1p(e);
                    double logP = -starX + Math.max(2 * y, 0) + Math.log1p(e2);
                    double x0 = own[0] + u0;
                    double x1 = own[1] + u1;
                    double x2 = own[2] + u2;
                    sl += logQ - beta * logP - 0.5 * delta * (x0 * x0 + x1 * x1 + x2 * x2);
                }
            }
            sr += r;
            double c1 = j == 0 ? r - delta : r;
            double c2 = j == 1 ? s - delta : s;
            srr += c1 * c1;
            srs += c1 * c2;
            sss += c2 * c2;
            ru0 += r * u0;
            ru1 += r * u1;
            ru2 += r * u2;
            su0 += s * u0;
            su1 += s * u1;
            su2 += s * u2;
        }
        double[] out = sums[j];
        out[0] = sr;
        out[1] = st;
        // the per-sample constants of log q − β log p: −½Q22 + ln w2 and −β(−½R² + ln(1 − w*))
        out[2] = delta == 0 ? sl + batch * (-0.5 * q22 + logW2 + 0.5 * r2 - logOneMinusWStar)
            : sl + batch * (-0.5 * q22 + logW2 + beta * (0.5 * r2 - logOneMinusWStar))
                - (trainable ? 0.5 * delta * GramDraw.chiSquared(n * batch, rng) : 0);
        out[3] = srr;
        out[4] = srs;
        out[5] = sss;
        ru[j][0] = ru0;
        ru[j][1] = ru1;
        ru[j][2] = ru2;
        su[j][0] = su0;
        su[j][1] = su1;
        su[j][2] = su2;
    }

    /**
     * {@code [ε1·ε1, ε1·ε2, ε2·ε2]}, given the batch: Wishart {@code W₂(n, C)} with
     * {@code C = Σ_j (w_j/B)² Σ_i (r, 1−r)(r, 1−r)ᵀ}.
     *
     * @param c1 {@code w1/B}
     * @param c2 {@code w2/B}
     */
    private double[] perpendicularGram(double c1, double c2) {
        double k1 = c1 * c1;
        double k2 = c2 * c2;
        return wishart(n, k1 * sums[0][3] + k2 * sums[1][3], k1 * sums[0][4] + k2 * sums[1][4],
            k1 * sums[0][5] + k2 * sums[1][5], rng);
    }

    /**
     * {@code [W11, W12, W22]} of {@code W ∼ W₂(n, C)} by Bartlett's decomposition, {@code W = L A Aᵀ Lᵀ} with
     * {@code C = L Lᵀ} and {@code A = [[√χ²(n), 0], [N(0,1), √χ²(n−1)]]}: three draws whatever {@code n}. For
     * {@code n = 1} the second column of {@code A} is zero ({@code W = x xᵀ}, {@code x ∼ N(0, C)}), for
     * {@code n = 0} {@code W = 0}; a singular {@code C} just gives {@code L} of rank one.
     */
    static double[] wishart(long n, double c11, double c12, double c22, RandomGenerator rng) {
        if (n == 0) {
            return new double[3];
        }
        double l11 = FastMath.sqrt(c11);
        double l21 = l11 > 0 ? c12 / l11 : 0;
        double l22 = FastMath.sqrt(Math.max(0, c22 - l21 * l21));
        double a11 = FastMath.sqrt(GramDraw.chiSquared(n, rng));
        double a21 = rng.nextGaussian();
        double a22 = FastMath.sqrt(GramDraw.chiSquared(n - 1, rng));
        double x11 = l11 * a11;
        double x21 = l21 * a11 + l22 * a21;
        double x22 = l22 * a22;
        return new double[] {x11 * x11, x11 * x21, x21 * x21 + x22 * x22};
    }

    private static double dot(double[] x, double[] y) {
        return x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
    }
}
