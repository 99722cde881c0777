package org.modesweep.core.realnvp;

/** Adam (Kingma and Ba) with the standard defaults {@code β1 = 0.9, β2 = 0.999, ε = 1e-8}, in place. */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double lr;
    private final double[] m;
    private final double[] v;
    private double beta1Power = 1;
    private double beta2Power = 1;

    Adam(int size, double lr) {
        this.lr = lr;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step {@code θ ← θ − lr · m̂ / (√v̂ + ε)} with bias-corrected moments. */
    void step(double[] theta, double[] grad) {
        beta1Power *= BETA1;
        beta2Power *= BETA2;
        double c1 = 1 / (1 - beta1Power);
        double c2 = 1 / (1 - beta2Power);
        for (int i = 0; i < theta.length; i++) {
            double g = grad[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            theta[i] -= lr * (m[i] * c1) / (Math.sqrt(v[i] * c2) + EPS);
        }
    }
}
