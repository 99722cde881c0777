package org.modesweep.core.stats;

/**
 * What monotonicity of P(R) alone says about the crossing: it lies above every radius whose
 * Wilson interval is entirely below the level and at or below every radius whose interval is
 * entirely at or above it. Between two such radii nothing is known, however many resamples agree
 * on one interpolated point, so the interval is at least the gap between them.
 */
final class MonotoneBracket {
    private MonotoneBracket() {
    }

    /**
     * {@code [largest radius confidently below, smallest radius confidently at or above]}, each end
     * the range limit when no radius qualifies on its side.
     */
    static Interval interval(Counts c, double level, double confidence) {
        double[] r = c.radius;
        double low = r[0];
        double high = r[r.length - 1];
        for (int i = r.length - 1; i >= 0; i--) {
            if (Wilson.interval(c.collapses[i], c.trials[i], confidence).high() < level) {
                low = r[i];
                break;
            }
        }
        for (int i = 0; i < r.length; i++) {
            if (Wilson.interval(c.collapses[i], c.trials[i], confidence).low() >= level) {
                high = r[i];
                break;
            }
        }
        return new Interval(Math.min(low, high), Math.max(low, high));
    }
}
