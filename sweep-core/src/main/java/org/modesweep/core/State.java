package org.modesweep.core;

/**
 * The reduced state {@code y} of THEORY.md §2, normalised by {@code R²}: {@code m_k = M_k / R²},
 * {@code q_jk = Q_jk / R²}, and the weight logit {@code a = a1 − a2} ({@code w1 = σ(a)}).
 * Every dynamics reports this, and the classifier reads only this.
 */
public record State(double m1, double m2, double q11, double q22, double q12, double a) {

    public static final int DIMENSION = 6;

    public static State of(double[] y) {
        return new State(y[0], y[1], y[2], y[3], y[4], y[5]);
    }

    /** The overlaps of explicit means {@code μ1, μ2 ∈ R^d}, with {@code μ* = R e1}. */
    public static State ofMeans(double[] mu1, double[] mu2, double R, double a) {
        double r2 = R * R;
        return new State(mu1[0] / R, mu2[0] / R, dot(mu1, mu1) / r2, dot(mu2, mu2) / r2, dot(mu1, mu2) / r2, a);
    }

    static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    public double[] toArray() {
        return new double[] {m1, m2, q11, q22, q12, a};
    }

    public double w1() {
        return GaussianExpectation.sigmoid(a);
    }

    public double w2() {
        return GaussianExpectation.sigmoid(-a);
    }

    public boolean isFinite() {
        for (double v : toArray()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Both components on the same side of the equator, each with {@code |m_k| > alignCos} (§5). */
    public boolean onPlateau(double alignCos) {
        return plateauMargin(alignCos) > 0;
    }

    /** Continuous, positive exactly on the plateau region: a switching function for event detection. */
    public double plateauMargin(double alignCos) {
        return plateauMargin(m1, m2, alignCos);
    }

    /** {@link #plateauMargin(double)} of the overlaps {@code m1, m2}. */
    static double plateauMargin(double m1, double m2, double alignCos) {
        return Math.max(Math.min(m1, m2) - alignCos, -Math.max(m1, m2) - alignCos);
    }

    /** Largest absolute component of {@code (this − other) / scale}. */
    public double maxAbsDifference(State other, double scale) {
        double[] x = toArray();
        double[] y = other.toArray();
        double max = 0;
        for (int i = 0; i < DIMENSION; i++) {
            max = Math.max(max, Math.abs(x[i] - y[i]) / scale);
        }
        return max;
    }
}
