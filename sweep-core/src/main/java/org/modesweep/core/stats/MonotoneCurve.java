package org.modesweep.core.stats;

/**
 * The isotonic fit of P(R) over the grid. Both methods use it to decide whether and between
 * which radii the level is crossed, so censoring does not depend on the method.
 */
final class MonotoneCurve {
    final Counts counts;
    final double[] probability;

    private MonotoneCurve(Counts counts, double[] probability) {
        this.counts = counts;
        this.probability = probability;
    }

    static MonotoneCurve fit(Counts counts) {
        int k = counts.size();
        double[] raw = new double[k];
        double[] weight = new double[k];
        for (int i = 0; i < k; i++) {
            raw[i] = counts.collapses[i] / (double) counts.trials[i];
            weight[i] = counts.trials[i];
        }
        return new MonotoneCurve(counts, Isotonic.fit(raw, weight));
    }

    /** Index of the first radius where the fit reaches {@code level}; {@code size()} if none. */
    int firstReaching(double level) {
        int i = 0;
        while (i < probability.length && probability[i] < level) {
            i++;
        }
        return i;
    }

    double max() {
        return probability[probability.length - 1];
    }

    /** Linear interpolation between radii {@code k - 1} (below the level) and {@code k} (at or above). */
    double interpolate(int k, double level) {
        double[] r = counts.radius;
        double p0 = probability[k - 1];
        return r[k - 1] + (level - p0) / (probability[k] - p0) * (r[k] - r[k - 1]);
    }
}
