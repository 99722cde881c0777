package org.modesweep.core.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Profile-likelihood interval for the crossing of the local logistic (Venzon and Moolgavkar):
 * the radii {@code ρ} in the window with {@code 2 (ℓ_max − ℓ_p(ρ)) ≤ z²}, where
 * {@code ℓ_p(ρ) = max_{β ≥ 0} ℓ(logit P(R) = logit(level) + β (R − ρ))}.
 *
 * <p>Unlike the bootstrap it stays honest when outcomes are (nearly) separated: there every
 * {@code ρ} in the gap between the last radius without and the first with collapses reaches the
 * supremum as {@code β → ∞}, so the interval covers the whole gap instead of one midpoint.
 */
final class ProfileLikelihood {
    /** Largest slope tried, per unit of the window half-width: a step far finer than any radius spacing. */
    private static final double MAX_SLOPE = 1e7;
    private static final int SCAN = 400;
    private static final int BISECTIONS = 64;
    /** Log-likelihood differences below this count as ties of the maximum. */
    private static final double TIE = 1e-9;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final Counts c;
    private final int lo;
    private final int hi;
    private final double scale;
    private final double offset;

    private ProfileLikelihood(Counts c, LocalLogistic.Window w, double level) {
        this.c = c;
        this.lo = w.lo();
        this.hi = w.hi();
        this.scale = (c.radius[hi] - c.radius[lo]) / 2;
        this.offset = LocalLogistic.logit(level);
    }

    /** The interval around the bracket {@code (k - 1, k)}, clipped to the window's radii. */
    static Interval interval(MonotoneCurve curve, int k, double level, double confidence) {
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
        return of(curve, k, level).within(z * z / 2);
    }

    /**
     * The middle of the crossings that maximise the profile: the estimate when the slope's maximum
     * likelihood is infinite ((quasi-)separated outcomes), e.g. the middle of the gap between the
     * last radius without and the first with collapses.
     */
    static double argmax(MonotoneCurve curve, int k, double level) {
        Interval best = of(curve, k, level).within(TIE);
        return (best.low() + best.high()) / 2;
    }

    private static ProfileLikelihood of(MonotoneCurve curve, int k, double level) {
        return new ProfileLikelihood(curve.counts, LocalLogistic.Window.around(curve.counts, k), level);
    }

    private Interval within(double drop) {
        double a = c.radius[lo];
        double b = c.radius[hi];
        double[] rho = new double[SCAN + 1];
        double[] ll = new double[SCAN + 1];
        int best = 0;
        for (int i = 0; i <= SCAN; i++) {
            rho[i] = a + (b - a) * i / SCAN;
            ll[i] = profile(rho[i]);
            best = ll[i] > ll[best] ? i : best;
        }
        double max = ll[best];
        double cut = max - drop;
        int first = 0;
        while (ll[first] < cut) {
            first++;
        }
        int last = SCAN;
        while (ll[last] < cut) {
            last--;
        }
        double low = first == 0 ? a : edge(rho[first - 1], rho[first], cut);
        double high = last == SCAN ? b : edge(rho[last + 1], rho[last], cut);
        return new Interval(low, high);
    }

    /** Bisection for {@code ℓ_p = cut} between {@code out} (below the cut) and {@code in} (at or above). */
    private double edge(double out, double in, double cut) {
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (out + in) / 2;
            if (profile(mid) >= cut) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return in;
    }

    /** {@code ℓ_p(ρ)}: concave in {@code β}, so its maximum is where the score changes sign. */
    private double profile(double rho) {
        double low = 0;
        double high = MAX_SLOPE;
        if (score(rho, low) <= 0) {
            return logLikelihood(rho, low);
        }
        if (score(rho, high) >= 0) {
            return logLikelihood(rho, high);
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (low + high) / 2;
            if (score(rho, mid) > 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return logLikelihood(rho, (low + high) / 2);
    }

    private double score(double rho, double beta) {
        double g = 0;
        for (int i = lo; i <= hi; i++) {
            double x = (c.radius[i] - rho) / scale;
            g += x * (c.collapses[i] - c.trials[i] * LocalLogistic.sigmoid(offset + beta * x));
        }
        return g;
    }

    private double logLikelihood(double rho, double beta) {
        double ll = 0;
        for (int i = lo; i <= hi; i++) {
            double eta = offset + beta * (c.radius[i] - rho) / scale;
            ll += c.collapses[i] * eta - c.trials[i] * LocalLogistic.softplus(eta);
        }
        return ll;
    }
}
