package org.modesweep.core.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlateauFigureTest {

    @Test
    void survivalStepsCountTheRunsAboveEachTauWithCensoredRunsAboveAll() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 60;
        double[] times = new double[n];
        boolean[] censored = new boolean[n];
        for (int i = 0; i < n; i++) {
            // ties, zeros (never on the plateau) and censored runs all occur
            times[i] = rng.nextInt(3) == 0 ? 0 : Math.floor(rng.nextDouble() * 20) * 5;
            censored[i] = rng.nextInt(10) == 0;
        }
        double[][] steps = PlateauFigure.survival(times, censored, 120);
        assertEquals(120, steps[0][steps[0].length - 1]);
        for (double tau = 0; tau < 120; tau += 0.7) {
            int above = 0;
            for (int i = 0; i < n; i++) {
                if (censored[i] || times[i] > tau) {
                    above++;
                }
            }
            assertEquals((double) above / n, valueAt(steps, tau), 1e-12, "tau = " + tau);
        }
    }

    /** The step curve at tau: the last point at or before it (after a drop at exactly tau). */
    static double valueAt(double[][] steps, double tau) {
        double y = Double.NaN;
        for (int i = 0; i < steps[0].length && steps[0][i] <= tau; i++) {
            y = steps[1][i];
        }
        return y;
    }
}
