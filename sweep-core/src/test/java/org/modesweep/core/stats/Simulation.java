package org.modesweep.core.stats;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Per-trajectory outcomes drawn from a known collapse probability P(R). */
record Simulation(double[] radius, boolean[] collapse) {

    static Simulation draw(double[] grid, int perRadius, DoubleUnaryOperator probability,
                           long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] radius = new double[grid.length * perRadius];
        boolean[] collapse = new boolean[radius.length];
        int i = 0;
        for (double r : grid) {
            double p = probability.applyAsDouble(r);
            for (int j = 0; j < perRadius; j++, i++) {
                radius[i] = r;
                collapse[i] = random.nextDouble() < p;
            }
        }
        return new Simulation(radius, collapse);
    }

    /** Exact counts: {@code hits[k]} collapses among {@code trials[k]} trajectories at {@code grid[k]}. */
    static Simulation counts(double[] grid, int[] trials, int[] hits) {
        int total = 0;
        for (int n : trials) {
            total += n;
        }
        double[] radius = new double[total];
        boolean[] collapse = new boolean[total];
        int i = 0;
        for (int k = 0; k < grid.length; k++) {
            for (int j = 0; j < trials[k]; j++, i++) {
                radius[i] = grid[k];
                collapse[i] = j < hits[k];
            }
        }
        return new Simulation(radius, collapse);
    }

    static double[] grid(double first, double step, int size) {
        double[] grid = new double[size];
        for (int k = 0; k < size; k++) {
            grid[k] = first + k * step;
        }
        return grid;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
