package org.modesweep.core.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Trajectories grouped by radius: sorted distinct radii with trial and collapse counts. Outcomes
 * at one radius are exchangeable, so every estimate here depends only on these counts (and thus
 * not on the order in which rows arrive).
 */
final class Counts {
    final double[] radius;
    final int[] trials;
    final int[] collapses;

    private Counts(double[] radius, int[] trials, int[] collapses) {
        this.radius = radius;
        this.trials = trials;
        this.collapses = collapses;
    }

    static Counts of(double[] radius, boolean[] collapse) {
        if (radius.length != collapse.length) {
            throw new IllegalArgumentException("radius and collapse differ in length: "
                    + radius.length + " vs " + collapse.length);
        }
        if (radius.length == 0) {
            throw new IllegalArgumentException("no trajectories");
        }
        Map<Double, int[]> byRadius = new TreeMap<>();
        for (int i = 0; i < radius.length; i++) {
            if (!Double.isFinite(radius[i])) {
                throw new IllegalArgumentException("radius[" + i + "] is not finite: " + radius[i]);
            }
            // + 0.0 folds -0.0 into 0.0, which Double.compareTo would keep apart.
            int[] tally = byRadius.computeIfAbsent(radius[i] + 0.0, r -> new int[2]);
            tally[0]++;
            tally[1] += collapse[i] ? 1 : 0;
        }
        return of(byRadius);
    }

    /** Counts already grouped by radius (any order; a radius given twice is summed). */
    static Counts of(double[] radius, long[] trials, long[] collapses) {
        if (radius.length != trials.length || radius.length != collapses.length) {
            throw new IllegalArgumentException("radius, trials and collapses differ in length");
        }
        Map<Double, int[]> byRadius = new TreeMap<>();
        for (int i = 0; i < radius.length; i++) {
            if (!Double.isFinite(radius[i]) || trials[i] <= 0 || collapses[i] < 0 || collapses[i] > trials[i]) {
                throw new IllegalArgumentException("bad counts at R = " + radius[i] + ": " + collapses[i] + " of " + trials[i]);
            }
            int[] tally = byRadius.computeIfAbsent(radius[i] + 0.0, r -> new int[2]);
            tally[0] += Math.toIntExact(trials[i]);
            tally[1] += Math.toIntExact(collapses[i]);
        }
        return of(byRadius);
    }

    private static Counts of(Map<Double, int[]> byRadius) {
        int k = 0;
        Counts counts = new Counts(new double[byRadius.size()], new int[byRadius.size()],
                new int[byRadius.size()]);
        for (Map.Entry<Double, int[]> e : byRadius.entrySet()) {
            counts.radius[k] = e.getKey();
            counts.trials[k] = e.getValue()[0];
            counts.collapses[k] = e.getValue()[1];
            k++;
        }
        return counts;
    }

    /** The same design with other collapse counts (a bootstrap resample). */
    Counts withCollapses(int[] resampled) {
        return new Counts(radius, trials, resampled);
    }

    int size() {
        return radius.length;
    }

    long trajectories() {
        long total = 0;
        for (int n : trials) {
            total += n;
        }
        return total;
    }
}
