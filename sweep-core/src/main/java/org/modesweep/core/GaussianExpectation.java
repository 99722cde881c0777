package org.modesweep.core;

import org.modesweep.core.math.Softplus;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.util.FastMath;

/**
 * One-dimensional Gaussian expectations {@code E[f(m + sZ)]}, {@code Z ~ N(0,1)}, of the three
 * functions the reduced flow needs: the logistic {@code σ}, {@code tanh} and {@code softplus}.
 *
 * <p>Plain Gauss–Hermite fails once {@code s} is large, because {@code f(m + sZ)} is then close to a
 * step ({@code σ}, {@code tanh}) or a kink ({@code softplus}) on the scale of the nodes. So for
 * {@code s > HERMITE_MAX_S} the step {@code H(x)} or ramp {@code max(x, 0)} is integrated in closed
 * form, and only the smooth, exponentially decaying remainder is integrated numerically:
 *
 * <pre>
 *   σ(x)        = H(x)       − sgn(x) e(|x|),   e(u) = 1 / (1 + exp(u))
 *   softplus(x) = max(x, 0)  + ℓ(|x|),          ℓ(u) = log(1 + exp(−u))
 * </pre>
 *
 * The remainders are analytic on {@code u ≥ 0} (poles/branch points at {@code u = ±iπ}) and below
 * {@code 1e-18} past {@code u = 42}, so composite Gauss–Legendre on {@code [0, 42]} integrates them
 * against the folded Gaussian density. For small {@code s}, {@code f(m + sz)} is analytic in a strip of
 * half-width {@code π/s} around the real {@code z} axis and Gauss–Hermite converges fast. {@code s = 0}
 * is exact. The node counts give about {@code 1e-15} absolute (checked against adaptive integration in
 * the tests): this is the accurate path, from which {@link ExpectationTable} is built and against which
 * it is checked; the flow's inner loop reads the table.
 */
public final class GaussianExpectation {

    /** Largest {@code s} handled by Gauss–Hermite; beyond it the step/kink is split out. */
    static final double HERMITE_MAX_S = 1.5;
    private static final int HERMITE_NODES = 64;
    /** Panel edges in {@code u = |x|} for the remainder; {@code e(42) < 1e-18}. */
    private static final double[] PANEL_EDGES = {0, 1, 2.5, 4.5, 7, 10, 14, 19, 25, 31, 37, 42};
    /** Nodes per panel: the remainder is below {@code e^{-u}}, so far panels need fewer. */
    private static final int[] PANEL_NODES = {14, 12, 12, 12, 11, 10, 8, 7, 6, 5, 3};

    private static final double SQRT2 = FastMath.sqrt(2.0);
    private static final double INV_SQRT_2PI = 1.0 / FastMath.sqrt(2.0 * FastMath.PI);

    /** Gauss–Hermite for the standard normal: {@code E[g(Z)] ≈ Σ w_i g(z_i)}. */
    private static final double[] HERMITE_Z;
    private static final double[] HERMITE_W;
    /** Composite Gauss–Legendre on {@code [0, 42]}. */
    private static final double[] LEGENDRE_U;
    private static final double[] LEGENDRE_W;
    /** Remainder functions tabulated at the Legendre nodes: they do not depend on (m, s). */
    private static final double[] E_AT_U;
    private static final double[] L_AT_U;

    static {
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        GaussIntegrator hermite = factory.hermite(HERMITE_NODES);
        HERMITE_Z = new double[HERMITE_NODES];
        HERMITE_W = new double[HERMITE_NODES];
        for (int i = 0; i < HERMITE_NODES; i++) {
            HERMITE_Z[i] = SQRT2 * hermite.getPoint(i);
            HERMITE_W[i] = hermite.getWeight(i) / FastMath.sqrt(FastMath.PI);
        }
        int nodes = java.util.Arrays.stream(PANEL_NODES).sum();
        LEGENDRE_U = new double[nodes];
        LEGENDRE_W = new double[nodes];
        int next = 0;
        for (int p = 0; p < PANEL_NODES.length; p++) {
            GaussIntegrator rule = factory.legendre(PANEL_NODES[p], PANEL_EDGES[p], PANEL_EDGES[p + 1]);
            for (int i = 0; i < PANEL_NODES[p]; i++, next++) {
                LEGENDRE_U[next] = rule.getPoint(i);
                LEGENDRE_W[next] = rule.getWeight(i);
            }
        }
        E_AT_U = new double[LEGENDRE_U.length];
        L_AT_U = new double[LEGENDRE_U.length];
        for (int i = 0; i < LEGENDRE_U.length; i++) {
            double u = LEGENDRE_U[i];
            E_AT_U[i] = 1.0 / (1.0 + Math.exp(u));
            L_AT_U[i] = FastMath.log1p(Math.exp(-u));
        }
    }

    private GaussianExpectation() {
    }

    /** Logistic function {@code 1 / (1 + e^{−x})}, without overflow. */
    public static double sigmoid(double x) {
        return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }

    /** {@code log(1 + e^x)}, without overflow or loss of precision. */
    public static double softplus(double x) {
        return Softplus.of(x);
    }

    /** Standard normal distribution function, accurate in both tails. */
    static double normalCdf(double x) {
        return 0.5 * Erfc.erfc(-x / SQRT2);
    }

    /** {@code E[σ(m + sZ)]}. */
    public static double sigmoid(double m, double s) {
        if (s == 0) {
            return sigmoid(m);
        }
        if (s <= HERMITE_MAX_S) {
            double sum = 0;
            for (int i = 0; i < HERMITE_NODES; i++) {
                sum += HERMITE_W[i] * sigmoid(m + s * HERMITE_Z[i]);
            }
            return sum;
        }
        // E[H(X)] − ∫_0^∞ e(u) [p(u) − p(−u)] du, p the N(m, s²) density.
        return normalCdf(m / s) - foldedIntegral(E_AT_U, m, s, -1);
    }

    /** {@code E[tanh(m + sZ)] = 2 E[σ(2m + 2sZ)] − 1}. */
    public static double tanh(double m, double s) {
        return 2.0 * sigmoid(2.0 * m, 2.0 * s) - 1.0;
    }

    /** {@code E[softplus(m + sZ)]}. */
    public static double softplus(double m, double s) {
        if (s == 0) {
            return softplus(m);
        }
        if (s <= HERMITE_MAX_S) {
            double sum = 0;
            for (int i = 0; i < HERMITE_NODES; i++) {
                sum += HERMITE_W[i] * softplus(m + s * HERMITE_Z[i]);
            }
            return sum;
        }
        // E[max(X, 0)] = m Φ(m/s) + s φ(m/s), plus ∫_0^∞ ℓ(u) [p(u) + p(−u)] du.
        double ratio = m / s;
        return m * normalCdf(ratio) + s * INV_SQRT_2PI * Math.exp(-0.5 * ratio * ratio)
            + foldedIntegral(L_AT_U, m, s, 1);
    }

    /** {@code ∫_0^∞ g(u) [p(u) + sign p(−u)] du} with {@code g} tabulated at the Legendre nodes. */
    private static double foldedIntegral(double[] g, double m, double s, double sign) {
        double scale = -0.5 / (s * s);
        double sum = 0;
        for (int i = 0; i < LEGENDRE_U.length; i++) {
            double below = LEGENDRE_U[i] - m;
            double above = LEGENDRE_U[i] + m;
            sum += LEGENDRE_W[i] * g[i] * (Math.exp(scale * below * below) + sign * Math.exp(scale * above * above));
        }
        return INV_SQRT_2PI / s * sum;
    }
}
