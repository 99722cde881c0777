package org.modesweep.core.realnvp;

import java.util.random.RandomGenerator;

/**
 * A RealNVP in {@code R^d}: {@code layers} affine couplings with alternating parity masks. Layer
 * {@code l} keeps the coordinates {@code A_l = {i : i ≡ l mod 2}} and maps the others by
 * {@code x_B = u_B ⊙ exp(s) + t}, where {@code (ŝ, t)} is an MLP of {@code u_A} (two tanh hidden
 * layers of {@code width}) and {@code s = c·tanh(ŝ/c)} is bounded by {@code c = scaleBound}, so one
 * layer cannot blow up or collapse the density by more than {@code e^{±c}} per coordinate.
 *
 * <p>The parameters live in one flat array (per layer: {@code W1 (width×|A|), b1, W2 (width×width),
 * b2, W3 (2|B|×width), b3}) so Adam and finite-difference tests see a plain vector. The network is
 * immutable; the per-sample buffers of forward and backward passes live in a {@link Workspace}, so
 * training allocates nothing per step.
 */
public final class RealNvp {
    private final int d;
    private final int layers;
    private final int width;
    private final double scaleBound;
    /** Per layer: the kept (conditioning) and transformed coordinates, and the parameter offset. */
    private final int[][] kept;
    private final int[][] moved;
    private final int[] offset;
    private final int size;

    public RealNvp(int d, int layers, int width, double scaleBound) {
        if (d < 2) {
            throw new IllegalArgumentException("realnvp needs d >= 2 (a coupling must keep and move coordinates), got " + d);
        }
        if (layers < 2) {
            throw new IllegalArgumentException("layers must be >= 2 (so every coordinate is transformed), got " + layers);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (!(scaleBound > 0) || !Double.isFinite(scaleBound)) {
            throw new IllegalArgumentException("scaleBound must be a finite number > 0, got " + scaleBound);
        }
        this.d = d;
        this.layers = layers;
        this.width = width;
        this.scaleBound = scaleBound;
        kept = new int[layers][];
        moved = new int[layers][];
        offset = new int[layers + 1];
        for (int l = 0; l < layers; l++) {
            int nA = (d + 1 - l % 2) / 2;
            kept[l] = new int[nA];
            moved[l] = new int[d - nA];
            for (int i = 0, a = 0, b = 0; i < d; i++) {
                if (i % 2 == l % 2) {
                    kept[l][a++] = i;
                } else {
                    moved[l][b++] = i;
                }
            }
            int nB = d - nA;
            offset[l + 1] = offset[l] + width * nA + width + width * width + width + 2 * nB * width + 2 * nB;
        }
        size = offset[layers];
    }

    public int d() {
        return d;
    }

    /** Number of parameters. */
    public int size() {
        return size;
    }

    /**
     * Parameters that make the flow the identity (output layers zero) with Glorot-uniform hidden
     * weights drawn from {@code rng}, so training starts from {@code q = N(0, I)} and the seed
     * decides the features the couplings start from. The same as {@code initialParameters(rng, 0)}.
     */
    public double[] initialParameters(RandomGenerator rng) {
        return initialParameters(rng, 0);
    }

    /**
     * Glorot-uniform hidden weights drawn from {@code rng} (hidden biases zero) and, when
     * {@code initScale > 0}, output layers (weights and biases of every coupling's log-scale and
     * shift) uniform in {@code [−initScale, initScale]}, drawn after all hidden weights: for one
     * {@code rng} state the hidden weights do not depend on {@code initScale}, and {@code initScale = 0}
     * draws nothing more and is the identity start ({@code q = N(0, I)}). With {@code initScale > 0}
     * the start is a random, in general shifted and skewed, flow.
     */
    public double[] initialParameters(RandomGenerator rng, double initScale) {
        if (!(initScale >= 0) || !Double.isFinite(initScale)) {
            throw new IllegalArgumentException("initScale must be a finite number >= 0, got " + initScale);
        }
        double[] theta = new double[size];
        for (int l = 0; l < layers; l++) {
            int nA = kept[l].length;
            int p = offset[l];
            p = glorot(theta, p, width, nA, rng) + width;
            glorot(theta, p, width, width, rng);
        }
        if (initScale > 0) {
            for (int l = 0; l < layers; l++) {
                int nB = moved[l].length;
                int p3 = offset[l] + width * kept[l].length + width + width * width + width;
                for (int k = p3; k < p3 + 2 * nB * width + 2 * nB; k++) {
                    theta[k] = initScale * (2 * rng.nextDouble() - 1);
                }
            }
        }
        return theta;
    }

    private static int glorot(double[] theta, int p, int rows, int cols, RandomGenerator rng) {
        double limit = Math.sqrt(6.0 / (rows + cols));
        for (int k = 0; k < rows * cols; k++) {
            theta[p + k] = limit * (2 * rng.nextDouble() - 1);
        }
        return p + rows * cols;
    }

    public Workspace workspace() {
        return new Workspace();
    }

    /**
     * {@code x = f(z)}; returns {@code log|det ∂f/∂z|}. The intermediate values stay in {@code ws}
     * for {@link #backward}.
     */
    public double forward(double[] theta, double[] z, double[] x, Workspace ws) {
        System.arraycopy(z, 0, ws.u[0], 0, d);
        double logDet = 0;
        for (int l = 0; l < layers; l++) {
            double[] u = ws.u[l];
            double[] y = ws.u[l + 1];
            System.arraycopy(u, 0, y, 0, d);
            conditioner(theta, l, u, ws.h1[l], ws.h2[l], ws.s[l], ws.t);
            int[] b = moved[l];
            for (int j = 0; j < b.length; j++) {
                double s = ws.s[l][j];
                y[b[j]] = u[b[j]] * Math.exp(s) + ws.t[j];
                logDet += s;
            }
        }
        System.arraycopy(ws.u[layers], 0, x, 0, d);
        return logDet;
    }

    /** {@code z = f⁻¹(x)}; returns {@code log|det ∂f/∂z|} at that {@code z}. */
    public double inverse(double[] theta, double[] x, double[] z, Workspace ws) {
        double[] y = ws.u[layers];
        System.arraycopy(x, 0, y, 0, d);
        double logDet = 0;
        for (int l = layers - 1; l >= 0; l--) {
            double[] u = ws.u[l];
            System.arraycopy(y, 0, u, 0, d);
            conditioner(theta, l, y, ws.h1[l], ws.h2[l], ws.s[l], ws.t);
            int[] b = moved[l];
            for (int j = 0; j < b.length; j++) {
                double s = ws.s[l][j];
                u[b[j]] = (y[b[j]] - ws.t[j]) * Math.exp(-s);
                logDet += s;
            }
            y = u;
        }
        System.arraycopy(ws.u[0], 0, z, 0, d);
        return logDet;
    }

    /** {@code log q(x) = log N(f⁻¹(x); 0, I) − log|det ∂f/∂z|}, normalised; {@code z} receives {@code f⁻¹(x)}. */
    public double logDensity(double[] theta, double[] x, double[] z, Workspace ws) {
        double logDet = inverse(theta, x, z, ws);
        double r2 = 0;
        for (double v : z) {
            r2 += v * v;
        }
        return -0.5 * r2 - 0.5 * d * Math.log(2 * Math.PI) - logDet;
    }

    /**
     * Reverse mode through the last {@link #forward}: adds to {@code grad} the gradient with respect
     * to the parameters of {@code gx·x + gLogDet·log|det|}, where {@code gx} is the adjoint of the
     * output {@code x} (overwritten).
     */
    public void backward(double[] theta, double[] gx, double gLogDet, double[] grad, Workspace ws) {
        double[] gy = gx;
        for (int l = layers - 1; l >= 0; l--) {
            int[] a = kept[l];
            int[] b = moved[l];
            int nA = a.length;
            int nB = b.length;
            double[] u = ws.u[l];
            double[] h1 = ws.h1[l];
            double[] h2 = ws.h2[l];
            double[] sl = ws.s[l];
            double[] gOut = ws.gOut;
            for (int j = 0; j < nB; j++) {
                double e = Math.exp(sl[j]);
                double gs = gy[b[j]] * u[b[j]] * e + gLogDet;
                double ratio = sl[j] / scaleBound;
                gOut[j] = gs * (1 - ratio * ratio); // d(c·tanh(ŝ/c))/dŝ = 1 − tanh²
                gOut[nB + j] = gy[b[j]];
                gy[b[j]] *= e; // gu_B; gu_A starts as gy_A and gains the conditioner's share below
            }
            int p1 = offset[l];
            int pb1 = p1 + width * nA;
            int p2 = pb1 + width;
            int pb2 = p2 + width * width;
            int p3 = pb2 + width;
            int pb3 = p3 + 2 * nB * width;
            double[] g2 = ws.g2;
            java.util.Arrays.fill(g2, 0);
            for (int o = 0; o < 2 * nB; o++) {
                double go = gOut[o];
                grad[pb3 + o] += go;
                int row = p3 + o * width;
                for (int k = 0; k < width; k++) {
                    grad[row + k] += go * h2[k];
                    g2[k] += theta[row + k] * go;
                }
            }
            double[] g1 = ws.g1;
            java.util.Arrays.fill(g1, 0);
            for (int k = 0; k < width; k++) {
                double ga = g2[k] * (1 - h2[k] * h2[k]);
                grad[pb2 + k] += ga;
                int row = p2 + k * width;
                for (int m = 0; m < width; m++) {
                    grad[row + m] += ga * h1[m];
                    g1[m] += theta[row + m] * ga;
                }
            }
            for (int k = 0; k < width; k++) {
                double ga = g1[k] * (1 - h1[k] * h1[k]);
                grad[pb1 + k] += ga;
                int row = p1 + k * nA;
                for (int i = 0; i < nA; i++) {
                    grad[row + i] += ga * u[a[i]];
                    gy[a[i]] += theta[row + i] * ga;
                }
            }
        }
    }

    /** The MLP of layer {@code l} at {@code u_A}: fills the hidden layers, bounded {@code s} and {@code t}. */
    private void conditioner(double[] theta, int l, double[] u, double[] h1, double[] h2, double[] s, double[] t) {
        int[] a = kept[l];
        int nA = a.length;
        int nB = moved[l].length;
        int p = offset[l];
        int pb = p + width * nA;
        for (int k = 0; k < width; k++) {
            double sum = theta[pb + k];
            int row = p + k * nA;
            for (int i = 0; i < nA; i++) {
                sum += theta[row + i] * u[a[i]];
            }
            h1[k] = tanh(sum);
        }
        p = pb + width;
        pb = p + width * width;
        for (int k = 0; k < width; k++) {
            double sum = theta[pb + k];
            int row = p + k * width;
            for (int m = 0; m < width; m++) {
                sum += theta[row + m] * h1[m];
            }
            h2[k] = tanh(sum);
        }
        p = pb + width;
        pb = p + 2 * nB * width;
        for (int o = 0; o < 2 * nB; o++) {
            double sum = theta[pb + o];
            int row = p + o * width;
            for (int k = 0; k < width; k++) {
                sum += theta[row + k] * h2[k];
            }
            if (o < nB) {
                s[o] = scaleBound * tanh(sum / scaleBound);
            } else {
                t[o - nB] = sum;
            }
        }
    }

    /**
     * {@code tanh} through the intrinsic {@code Math.exp}: several times faster than {@code Math.tanh}
     * here, where it dominates the cost; absolute error ~1e-16, exact limits ±1.
     */
    private static double tanh(double v) {
        return 1 - 2 / (Math.exp(2 * v) + 1);
    }

    /** Buffers of one forward/backward pass, reused across samples and steps (not thread-safe). */
    public final class Workspace {
        private final double[][] u = new double[layers + 1][d];
        private final double[][] h1 = new double[layers][width];
        private final double[][] h2 = new double[layers][width];
        private final double[][] s = new double[layers][d];
        private final double[] t = new double[d];
        private final double[] gOut = new double[2 * d];
        private final double[] g1 = new double[width];
        private final double[] g2 = new double[width];

        private Workspace() {
        }
    }
}
