package org.modesweep.core;

import java.util.function.DoubleUnaryOperator;

/** Adaptive Gauss–Kronrod 7–15 by bisection: an independent reference integrator for tests. */
final class AdaptiveKronrod {
    private static final double[] XK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
        0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0.0};
    private static final double[] WK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
        0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private AdaptiveKronrod() {
    }

    static double integrate(DoubleUnaryOperator f, double a, double b, double tol) {
        return bisect(f, a, b, tol, 0);
    }

    private static double bisect(DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        double c = 0.5 * (a + b);
        double h = 0.5 * (b - a);
        double fc = f.applyAsDouble(c);
        double kronrod = WK[7] * fc;
        double gauss = WG[3] * fc;
        for (int i = 0; i < 7; i++) {
            double x = h * XK[i];
            double pair = f.applyAsDouble(c - x) + f.applyAsDouble(c + x);
            kronrod += WK[i] * pair;
            if (i % 2 == 1) {
                gauss += WG[i / 2] * pair;
            }
        }
        kronrod *= h;
        gauss *= h;
        if (Math.abs(kronrod - gauss) <= Math.max(tol, 1e-14 * Math.abs(kronrod)) || depth > 40) {
            return kronrod;
        }
        double half = Math.max(tol / 2, 1e-18);
        return bisect(f, a, c, half, depth + 1) + bisect(f, c, b, half, depth + 1);
    }

    /**
     * {@code E[f(m + sZ)] = ∫ f(m + sz) φ(z) dz} on {@code |z| ≤ 40}, split at every unit of {@code z}
     * and around the kink at {@code x = 0}, where {@code f} changes on the scale 1 in {@code x}.
     */
    static double gaussianExpectation(DoubleUnaryOperator f, double m, double s) {
        if (s == 0) {
            return f.applyAsDouble(m);
        }
        java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
        for (int k = -40; k <= 40; k++) {
            cuts.add((double) k);
        }
        for (double b : new double[] {0, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64}) {
            for (double x : new double[] {b, -b}) {
                double z = (x - m) / s;
                if (Math.abs(z) < 40) {
                    cuts.add(z);
                }
            }
        }
        double norm = 1 / Math.sqrt(2 * Math.PI);
        Double[] z = cuts.toArray(new Double[0]);
        double sum = 0;
        for (int i = 0; i + 1 < z.length; i++) {
            if (z[i + 1] > z[i]) {
                sum += integrate(t -> f.applyAsDouble(m + s * t) * norm * Math.exp(-0.5 * t * t), z[i], z[i + 1], 1e-15);
            }
        }
        return sum;
    }
}
