package org.modesweep.core.stats;

/**
 * Logistic maximum likelihood on the few radii around the monotone crossing. P(R) may level off
 * or rise asymmetrically (THEORY.md section 6), so a logistic over the whole range is biased;
 * locally any smooth rise looks logistic.
 */
final class LocalLogistic {
    /** Radii in the window: enough to pin a slope, few enough to stay local. */
    private static final int WINDOW_RADII = 4;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 50;
    /** Newton step size, in coefficients of the radius rescaled to [-1, 1] over the window. */
    private static final double STEP_TOLERANCE = 1e-9;

    private LocalLogistic() {
    }

    /** The radii {@code lo..hi} around the bracket {@code (k - 1, k)} that a local fit uses. */
    record Window(int lo, int hi) {
        static Window around(Counts c, int k) {
            int lo = k - 1;
            int hi = k;
            boolean left = true;
            while (hi - lo + 1 < WINDOW_RADII && (lo > 0 || hi < c.size() - 1)) {
                if ((left && lo > 0) || hi == c.size() - 1) {
                    lo--;
                } else {
                    hi++;
                }
                left = !left;
            }
            return new Window(lo, hi);
        }

        String describe(double[] r) {
            return "logistic on R in [" + Crossing.radius(r[lo]) + ", " + Crossing.radius(r[hi]) + "]";
        }
    }

    /** The crossing near the bracket {@code (k - 1, k)} found by the monotone fit. */
    static Crossing crossing(MonotoneCurve curve, int k, double level) {
        Counts c = curve.counts;
        double[] r = c.radius;
        Window w = Window.around(c, k);
        int lo = w.lo();
        int hi = w.hi();
        String window = w.describe(r);
        if (separated(c, lo, hi)) {
            return unbounded(curve, k, level, window, "separated");
        }
        double centre = (r[lo] + r[hi]) / 2;
        double scale = (r[hi] - r[lo]) / 2;
        double[] b = maximise(c, lo, hi, centre, scale);
        if (b == null) {
            return unbounded(curve, k, level, window, "no convergence");
        }
        if (b[1] <= 0) {
            return unbounded(curve, k, level, window, "non-increasing fit");
        }
        double rc = centre + scale * (logit(level) - b[0]) / b[1];
        // Stay inside the window: beyond it the fit is an extrapolation the data do not support.
        return new Crossing(Math.max(r[lo], Math.min(r[hi], rc)), window);
    }

    /**
     * Without a finite maximum the slope is unbounded and a whole range of crossings is equally
     * likely; its middle is the honest answer.
     */
    private static Crossing unbounded(MonotoneCurve curve, int k, double level, String window, String reason) {
        return new Crossing(ProfileLikelihood.argmax(curve, k, level),
                window + ": " + reason + ", middle of the most likely crossings");
    }

    /**
     * Whether a radius threshold splits collapses from non-collapses (ties allowed at one radius):
     * then the likelihood has no finite maximum.
     */
    private static boolean separated(Counts c, int lo, int hi) {
        int firstHit = -1;
        int lastHit = -1;
        int firstMiss = -1;
        int lastMiss = -1;
        for (int i = lo; i <= hi; i++) {
            if (c.collapses[i] > 0) {
                firstHit = firstHit < 0 ? i : firstHit;
                lastHit = i;
            }
            if (c.collapses[i] < c.trials[i]) {
                firstMiss = firstMiss < 0 ? i : firstMiss;
                lastMiss = i;
            }
        }
        return firstHit < 0 || firstMiss < 0 || lastMiss <= firstHit || lastHit <= firstMiss;
    }

    /** Newton's method with step halving on the binomial log-likelihood; null if it stalls. */
    private static double[] maximise(Counts c, int lo, int hi, double centre, double scale) {
        long hits = 0;
        long trials = 0;
        for (int i = lo; i <= hi; i++) {
            hits += c.collapses[i];
            trials += c.trials[i];
        }
        double[] b = {logit(hits / (double) trials), 0};
        double ll = logLikelihood(c, lo, hi, centre, scale, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = lo; i <= hi; i++) {
                double x = (c.radius[i] - centre) / scale;
                double p = sigmoid(b[0] + b[1] * x);
                double residual = c.collapses[i] - c.trials[i] * p;
                double w = c.trials[i] * p * (1 - p);
                g0 += residual;
                g1 += residual * x;
                h00 += w;
                h01 += w * x;
                h11 += w * x * x;
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 0)) {
                return null;
            }
            double d0 = (h11 * g0 - h01 * g1) / det;
            double d1 = (h00 * g1 - h01 * g0) / det;
            if (Math.max(Math.abs(d0), Math.abs(d1)) < STEP_TOLERANCE) {
                return b;
            }
            double step = 1;
            double[] next = null;
            for (int halving = 0; halving < MAX_HALVINGS && next == null; halving++, step /= 2) {
                double[] candidate = {b[0] + step * d0, b[1] + step * d1};
                double candidateLl = logLikelihood(c, lo, hi, centre, scale, candidate);
                // Allow rounding-level decreases so the last tiny steps are not refused.
                if (candidateLl >= ll - 1e-12 * (1 + Math.abs(ll))) {
                    next = candidate;
                    ll = candidateLl;
                }
            }
            if (next == null) {
                return null;
            }
            b = next;
        }
        return null;
    }

    private static double logLikelihood(Counts c, int lo, int hi, double centre, double scale,
                                        double[] b) {
        double ll = 0;
        for (int i = lo; i <= hi; i++) {
            double eta = b[0] + b[1] * (c.radius[i] - centre) / scale;
            ll += c.collapses[i] * eta - c.trials[i] * softplus(eta);
        }
        return ll;
    }

    /** log(1 + e^eta) without overflow. */
    static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    static double sigmoid(double eta) {
        return 1 / (1 + Math.exp(-eta));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
