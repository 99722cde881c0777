package org.modesweep.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Stratified bootstrap over trajectories: each radius keeps its number of trajectories. */
final class Bootstrap {
    private Bootstrap() {
    }

    /** Deterministic in {@code seed}; radii are visited in sorted order so row order cannot matter. */
    static List<Counts> resamples(Counts data, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Counts> out = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int[] collapses = new int[data.size()];
            for (int k = 0; k < data.size(); k++) {
                collapses[k] = redraw(data.trials[k], data.collapses[k], random);
            }
            out.add(data.withCollapses(collapses));
        }
        return out;
    }

    /** Collapses among n trajectories drawn with replacement from n of which {@code hits} collapsed. */
    private static int redraw(int n, int hits, SplittableRandom random) {
        if (hits == 0 || hits == n) {
            return hits;
        }
        int drawn = 0;
        for (int j = 0; j < n; j++) {
            drawn += random.nextInt(n) < hits ? 1 : 0;
        }
        return drawn;
    }

    /** Equal-tailed percentile interval, interpolating between order statistics. */
    static Interval percentile(double[] values, double confidence) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(sorted, tail), quantile(sorted, 1 - tail));
    }

    private static double quantile(double[] sorted, double q) {
        double h = q * (sorted.length - 1);
        int i = (int) Math.floor(h);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
    }
}
