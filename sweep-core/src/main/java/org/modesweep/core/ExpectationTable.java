package org.modesweep.core;

/**
 * {@code E[σ(m + sZ)]} and {@code E[softplus(m + sZ)]} read from a table of Chebyshev patches: the
 * flow's inner loop, about fifty times cheaper than the quadrature of {@link GaussianExpectation} it is
 * built from, and as accurate (about {@code 3e-13} absolute; {@code ExpectationTableTest}).
 *
 * <p>Both expectations are analytic in {@code (m, s²)}, including {@code s = 0}; what makes them hard
 * to tabulate is the unbounded domain. In the coordinates
 *
 * <pre>
 *   w = 1 / √(1 + s²) ∈ (0, 1],   v = m w
 * </pre>
 *
 * {@code G(v, w) = E σ(m + sZ)} and {@code K(v, w) = w E softplus(m + sZ)} are smooth and bounded on
 * {@code [−40, 0] × [0, 1]}: {@code w → 0} ({@code s → ∞}) tends to {@code Φ(v)} and {@code vΦ(v) + φ(v)},
 * {@code w = 1} is {@code σ(v)} and {@code softplus(v)}. The identities {@code σ(−x) = 1 − σ(x)} and
 * {@code softplus(x) = x + softplus(−x)} give {@code v > 0}, and below {@code v = −40} both are under
 * {@code 5e-18} for every {@code w} (at most {@code σ(−40)}, at {@code w = 1}), so they are taken as 0.
 *
 * <p>Cells: {@code |v|} in steps of 1/4 up to 8 and of 1 from 8 to 40, {@code w} in 16 equal steps; in
 * each cell both functions are interpolated at 8 × 8 Chebyshev points (degree 7 in each variable). A
 * lookup is a dot product of 64 coefficients with the two bases; the basis in {@code w} is shared by
 * every lookup at the same spread ({@link Spread}), and one located point serves both functions.
 */
public final class ExpectationTable {

    /** Points per direction in a cell (degree + 1). */
    static final int N = 8;
    private static final int COEFFICIENTS = N * N;
    /** Cell widths in {@code x = |v|}: fine up to {@code NEAR}, coarse up to {@code FAR}. */
    static final double NEAR = 8;
    static final double FAR = 40;
    private static final double FINE = 0.25;
    private static final int FINE_CELLS = (int) (NEAR / FINE);
    static final int V_CELLS = FINE_CELLS + (int) (FAR - NEAR);
    static final int W_CELLS = 16;

    /**
     * Per cell {@code (i, j)} (i in {@code |v|}, j in {@code w}): 64 coefficients of G, then 64 of K,
     * each as {@code c[b * N + a]} of {@code T_a(x) T_b(y)} ({@code x} along {@code |v|}, {@code y} along
     * {@code w}), so that a lookup sums 8 independent columns.
     */
    private static final double[] COEFS = build();

    private ExpectationTable() {
    }

    /** Left edge and width of cell {@code i} in {@code x = |v|}. */
    static double cellStart(int i) {
        return i < FINE_CELLS ? i * FINE : NEAR + (i - FINE_CELLS);
    }

    static double cellWidth(int i) {
        return i < FINE_CELLS ? FINE : 1.0;
    }

    private static double[] build() {
        double[] coefs = new double[V_CELLS * W_CELLS * 2 * COEFFICIENTS];
        double[] nodes = new double[N];
        double[][] basis = new double[N][N];
        for (int k = 0; k < N; k++) {
            nodes[k] = Math.cos(Math.PI * (k + 0.5) / N);
            for (int a = 0; a < N; a++) {
                basis[a][k] = Math.cos(a * Math.PI * (k + 0.5) / N);
            }
        }
        double[] g = new double[COEFFICIENTS];
        double[] h = new double[COEFFICIENTS];
        for (int i = 0; i < V_CELLS; i++) {
            for (int j = 0; j < W_CELLS; j++) {
                for (int k = 0; k < N; k++) {
                    double x = cellStart(i) + 0.5 * cellWidth(i) * (1 + nodes[k]);
                    for (int l = 0; l < N; l++) {
                        double w = (j + 0.5 * (1 + nodes[l])) / W_CELLS;
                        double m = -x / w;
                        double s = Math.sqrt((1 - w) * (1 + w)) / w;
                        g[k * N + l] = GaussianExpectation.sigmoid(m, s);
                        h[k * N + l] = w * GaussianExpectation.softplus(m, s);
                    }
                }
                int base = (i * W_CELLS + j) * 2 * COEFFICIENTS;
                interpolate(g, basis, coefs, base);
                interpolate(h, basis, coefs, base + COEFFICIENTS);
            }
        }
        return coefs;
    }

    /** Chebyshev coefficients from values at the points of the first kind (discrete orthogonality). */
    private static void interpolate(double[] values, double[][] basis, double[] coefs, int base) {
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                double sum = 0;
                for (int k = 0; k < N; k++) {
                    for (int l = 0; l < N; l++) {
                        sum += values[k * N + l] * basis[a][k] * basis[b][l];
                    }
                }
                double norm = (a == 0 ? 1.0 : 2.0) * (b == 0 ? 1.0 : 2.0) / (N * N);
                coefs[base + b * N + a] = norm * sum;
            }
        }
    }

    /** {@code T_0(x) ... T_{N−1}(x)} into {@code t}. */
    private static void chebyshev(double x, double[] t) {
        t[0] = 1;
        t[1] = x;
        double twoX = 2 * x;
        for (int a = 2; a < N; a++) {
            t[a] = twoX * t[a - 1] - t[a - 2];
        }
    }

    /**
     * A cursor at one spread {@code s} and one centre {@code m}: the spread fixes the basis in {@code w},
     * {@link #at} the centre, then {@link #sigmoid} and {@link #softplus} read the two expectations
     * there. Mutable scratch, one per trajectory; allocation-free in use.
     */
    public abstract static sealed class Lookup permits Spread, FixedSpread {
        private static final int TAIL = -1;
        private static final int UNDEFINED = -2;
        final double[] tw = new double[N];
        final double[] tv = new double[N];
        int wOffset;
        private double w;
        /** Index of the located cell in {@code |v|}, {@link #TAIL} beyond {@code |v| = 40}, {@link #UNDEFINED} at NaN. */
        private int cell;
        private boolean mirrored;
        private double m;

        /** Sets the spread from its square {@code s² ≥ 0} (a variance needs no square root). */
        final void setSpread(double s2) {
            w = 1 / Math.sqrt(1 + s2);
            int j = Math.min((int) (w * W_CELLS), W_CELLS - 1);
            wOffset = j * 2 * COEFFICIENTS;
            chebyshev(2 * (w * W_CELLS - j) - 1, tw);
        }

        /** Locates the centre {@code m} at the current spread. */
        public final Lookup at(double centre) {
            m = centre;
            double v = centre * w;
            mirrored = v > 0;
            double x = Math.abs(v);
            if (!(x < FAR)) {
                cell = Double.isNaN(x) ? UNDEFINED : TAIL;
                return this;
            }
            // cell coordinate: the integer part is the cell, the fraction the place in it
            double u = x < NEAR ? x * (1 / FINE) : FINE_CELLS + (x - NEAR);
            cell = (int) u;
            chebyshev(2 * (u - cell) - 1, tv);
            return this;
        }

        /** {@code E[σ(m + sZ)]} at the located point. */
        public final double sigmoid() {
            double g = cell >= 0 ? value(cell, 0) : cell == TAIL ? 0 : Double.NaN;
            return mirrored ? 1 - g : g;
        }

        /** {@code E[softplus(m + sZ)]} at the located point. */
        public final double softplus() {
            double k = cell >= 0 ? value(cell, 1) : cell == TAIL ? 0 : Double.NaN;
            return mirrored ? m + k / w : k / w;
        }

        /** Function {@code f} (0: G, 1: K) of cell {@code i} at the located point. */
        abstract double value(int i, int f);

        /** The 8 column sums {@code Σ_b c[b][a] T_b(y)} of function {@code f} in cell {@code i}, into {@code out}. */
        final void columns(int i, int f, double[] out, int at) {
            int offset = i * W_CELLS * 2 * COEFFICIENTS + wOffset + f * COEFFICIENTS;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (int b = 0; b < N; b++) {
                int r = offset + b * N;
                double t = tw[b];
                s0 += COEFS[r] * t;
                s1 += COEFS[r + 1] * t;
                s2 += COEFS[r + 2] * t;
                s3 += COEFS[r + 3] * t;
                s4 += COEFS[r + 4] * t;
                s5 += COEFS[r + 5] * t;
                s6 += COEFS[r + 6] * t;
                s7 += COEFS[r + 7] * t;
            }
            out[at] = s0;
            out[at + 1] = s1;
            out[at + 2] = s2;
            out[at + 3] = s3;
            out[at + 4] = s4;
            out[at + 5] = s5;
            out[at + 6] = s6;
            out[at + 7] = s7;
        }

        final double alongV(double[] columns, int at) {
            return columns[at] * tv[0] + columns[at + 1] * tv[1] + columns[at + 2] * tv[2] + columns[at + 3] * tv[3]
                + columns[at + 4] * tv[4] + columns[at + 5] * tv[5] + columns[at + 6] * tv[6] + columns[at + 7] * tv[7];
        }
    }

    /** A spread that changes from lookup to lookup (the model terms, {@code s² = Δ}). */
    public static final class Spread extends Lookup {
        private final double[] columns = new double[N];

        public Spread spread(double s2) {
            setSpread(s2);
            return this;
        }

        @Override
        double value(int i, int f) {
            columns(i, f, columns, 0);
            return alongV(columns, 0);
        }
    }

    /**
     * A spread fixed for a whole trajectory (the target terms, {@code s = 2R}): each cell's basis in
     * {@code w} is contracted once, on first use (a run visits a handful of cells), so that a lookup
     * costs 8 products.
     */
    public static final class FixedSpread extends Lookup {
        /** Per cell in {@code |v|}: the 8 column sums of G, then of K; null until the cell is used. */
        private final double[][] contracted = new double[V_CELLS][];

        public FixedSpread(double s2) {
            setSpread(s2);
        }

        @Override
        double value(int i, int f) {
            double[] cell = contracted[i];
            if (cell == null) {
                cell = new double[2 * N];
                columns(i, 0, cell, 0);
                columns(i, 1, cell, N);
                contracted[i] = cell;
            }
            return alongV(cell, f * N);
        }
    }
}
