package org.modesweep.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.hipparchus.util.FastMath;

/**
 * The {@code vectors} engine of {@link StochasticGradientDescent}: the means stored as {@code d}-vectors
 * and {@code batch} samples {@code x = μk + z} per component and step, O(batch · d) per step. It is the
 * algorithm as written (THEORY.md §4), kept as the reference {@link OverlapChain} is checked against in
 * law.
 *
 * <p>The start is realised as {@code d}-vectors with exactly the given overlaps ({@code μ* = R e1},
 * the means in the span of {@code e1, e2, e3}); the noise is isotropic, so this has the law of any
 * rotated realisation.
 */
final class VectorSgd {

    private final Problem problem;
    private final double eta;
    private final int batch;
    private final RandomGenerator rng;
    private final int d;
    private final double r;
    private final double hStar;
    private final double logOneMinusWStar;
    private final double[] mu1;
    private final double[] mu2;
    private double a;
    private final double[] z;
    /** Per component j: {@code Σ_i z_ji} and {@code Σ_i r(x_ji) z_ji}. */
    private final double[][] zSum = new double[2][];
    private final double[][] rzSum = new double[2][];

    VectorSgd(Problem problem, State start, double eta, int batch, RandomGenerator rng) {
        this.problem = problem;
        this.eta = eta;
        this.batch = batch;
        this.rng = rng;
        this.d = (int) problem.d();
        this.r = problem.R();
        this.hStar = problem.hStar();
        this.logOneMinusWStar = FastMath.log1p(-problem.wStar());
        double[][] means = embed(start, d, r);
        mu1 = means[0];
        mu2 = means[1];
        a = start.a();
        z = new double[d];
        for (int j = 0; j < 2; j++) {
            zSum[j] = new double[d];
            rzSum[j] = new double[d];
        }
    }

    /** One step at inverse temperature {@code beta} (THEORY.md §9; 1: untempered, with the same arithmetic). */
    State step(double beta) {
        double delta = 1 - beta;
        double w1 = GaussianExpectation.sigmoid(a);
        double w2 = 1 - w1;
        double q11 = State.dot(mu1, mu1);
        double q22 = State.dot(mu2, mu2);
        double q12 = State.dot(mu1, mu2);
        double c = -0.5 * (q11 - q22) + a;
        double logW2 = -GaussianExpectation.softplus(a);
        double[] rMean = new double[2];
        double[] tMean = new double[2];
        double[] logRatio = new double[2];
        for (int j = 0; j < 2; j++) {
            double[] mu = j == 0 ? mu1 : mu2;
            // Projections of x = μ_j + z: their means, and the z parts computed per sample.
            double diffMu = (j == 0 ? q11 : q12) - (j == 0 ? q12 : q22);
            double mu2Mu = j == 0 ? q12 : q22;
            double[] zs = zSum[j];
            double[] rzs = rzSum[j];
            Arrays.fill(zs, 0);
            Arrays.fill(rzs, 0);
            double rSum = 0;
            double tSum = 0;
            double lSum = 0;
            for (int i = 0; i < batch; i++) {
                double diffZ = 0;
                double mu2Z = 0;
                for (int k = 0; k < d; k++) {
                    double zk = rng.nextGaussian();
                    z[k] = zk;
                    diffZ += (mu1[k] - mu2[k]) * zk;
                    mu2Z += mu2[k] * zk;
                    zs[k] += zk;
                }
                double starX = r * (mu[0] + z[0]);
                double pd = diffMu + diffZ + c;
                double ri = GaussianExpectation.sigmoid(pd);
                for (int k = 0; k < d; k++) {
                    rzs[k] += ri * z[k];
                }
                rSum += ri;
                tSum += FastMath.tanh(starX + hStar);
                double logQ = mu2Mu + mu2Z - 0.5 * q22 + logW2 + GaussianExpectation.softplus(pd);
                double logP = -starX - 0.5 * r * r + logOneMinusWStar
                    + GaussianExpectation.softplus(2 * (starX + hStar));
                if (delta == 0) {
                    lSum += logQ - logP;
                } else {
                    double xx = 0;
                    for (int k = 0; k < d; k++) {
                        double xk = mu[k] + z[k];
                        xx += xk * xk;
                    }
                    // log q − β log p keeps −(1 − β)|x|²/2 (logQ and logP leave out −|x|²/2 each)
                    lSum += logQ - beta * logP - 0.5 * delta * xx;
                }
            }
            rMean[j] = rSum / batch;
            tMean[j] = tSum / batch;
            logRatio[j] = lSum / batch;
        }
        double[] w = {w1, w2};
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        for (int k = 0; k < d; k++) {
            double star = k == 0 ? r : 0;
            // Path terms w_k [r̄ μ1 + (1 − r̄) μ2 − β t̄ μ* − (1 − β) x̄_k].
            g1[k] = w1 * (rMean[0] * mu1[k] + (1 - rMean[0]) * mu2[k] - beta * tMean[0] * star);
            g2[k] = w2 * (rMean[1] * mu1[k] + (1 - rMean[1]) * mu2[k] - beta * tMean[1] * star);
            if (delta != 0) {
                g1[k] -= delta * w1 * (mu1[k] + zSum[0][k] / batch);
                g2[k] -= delta * w2 * (mu2[k] + zSum[1][k] / batch);
            }
            // Score terms Σ_j w_j mean_i r(x)(x − μ1) and (1 − r(x))(x − μ2), x − μ = μ_j − μ + z.
            for (int j = 0; j < 2; j++) {
                double muj = j == 0 ? mu1[k] : mu2[k];
                g1[k] += w[j] * (rMean[j] * (muj - mu1[k]) + rzSum[j][k] / batch);
                g2[k] += w[j] * ((1 - rMean[j]) * (muj - mu2[k]) + (zSum[j][k] - rzSum[j][k]) / batch);
            }
        }
        for (int k = 0; k < d; k++) {
            mu1[k] -= eta * g1[k];
            mu2[k] -= eta * g2[k];
        }
        if (problem.trainable()) {
            double path = 2 * w1 * w2 * (logRatio[0] - logRatio[1]);
            double score = 2 * (w1 * (rMean[0] - w1) + w2 * (rMean[1] - w1));
            a -= eta * (path + score);
        }
        return State.ofMeans(mu1, mu2, r, a);
    }


    /**
     * Share of a mean's squared norm below which a direction of the start is rounding, not rank: the same
     * as the Gram-determinant tolerance of explicit starts ({@link InitialCondition.Explicit}).
     */
    static final double RANK_TOL = 1e-9;

    /**
     * Two vectors in {@code R^d} whose overlaps with {@code μ* = R e1} and each other are exactly those
     * of {@code y} (Cholesky of the Gram matrix of {@code (μ*, μ1, μ2)}). A direction counts as used when
     * its squared length exceeds {@link #RANK_TOL} of the mean's squared norm; when {@code μ1} is (within
     * that) collinear with {@code μ*}, {@code μ2} is placed first, so that rounding divided by {@code μ1}'s
     * tiny orthogonal part cannot fake a third dimension.
     */
    static double[][] embed(State y, int d, double r) {
        double r2 = r * r;
        double n1 = r2 * y.q11();
        double n2 = r2 * y.q22();
        double x1 = r2 * y.m1() / r;
        double x2 = r2 * y.m2() / r;
        boolean swap = n1 - x1 * x1 <= RANK_TOL * n1 && n2 - x2 * x2 > n1 - x1 * x1;
        double[][] mu = swap ? cholesky(x2, x1, n2, n1, r2 * y.q12(), d) : cholesky(x1, x2, n1, n2, r2 * y.q12(), d);
        return swap ? new double[][] {mu[1], mu[0]} : mu;
    }

    /**
     * {@code (a, b)} in {@code R^d} with {@code a·e1 = xa}, {@code b·e1 = xb}, {@code |a|² = na},
     * {@code |b|² = nb}, {@code a·b = nab}: {@code a} in {@code span(e1, e2)}, {@code b} in {@code span(e1, e2, e3)}.
     */
    private static double[][] cholesky(double xa, double xb, double na, double nb, double nab, int d) {
        // Squares, not lengths, are compared with the tolerance: rounding leaves residuals of ~1e-16 of a
        // squared norm, whose square roots (~1e-8 of the norm) made planar sphere starts at d = 2 look 3-d.
        double ea2 = Math.max(0, na - xa * xa);
        double ea = FastMath.sqrt(ea2);
        double yb = ea > 0 ? (nab - xa * xb) / ea : 0;
        double eb2 = Math.max(0, nb - xb * xb - yb * yb);
        requireRoom(d, 2, ea2 > RANK_TOL * na || yb * yb > RANK_TOL * nb);
        requireRoom(d, 3, eb2 > RANK_TOL * nb);
        double[] a = new double[d];
        double[] b = new double[d];
        a[0] = xa;
        b[0] = xb;
        if (d >= 2) {
            a[1] = ea;
            b[1] = yb;
        }
        if (d >= 3) {
            b[2] = FastMath.sqrt(eb2);
        }
        return new double[][] {a, b};
    }

    private static void requireRoom(int d, int needed, boolean used) {
        if (used && d < needed) {
            throw new IllegalArgumentException("the start's overlaps need " + needed + " dimensions, but d = " + d);
        }
    }
}
