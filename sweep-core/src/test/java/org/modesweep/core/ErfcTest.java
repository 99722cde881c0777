package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** Cody's erfc against two independent computations. */
class ErfcTest {

    /**
     * Hipparchus' incomplete-gamma erfc is itself good to a few 1e-14 relative up to x = 10 (at
     * x = 1.1640625 mpmath agrees with Cody to 1e-16, not with it), which sets the tolerance.
     */
    @Test
    void matchesTheIncompleteGammaErfc() {
        for (double x = -6; x <= 10; x += 0.001953125) {
            double expected = Erf.erfc(x);
            assertEquals(expected, Erfc.erfc(x), 3e-14 * expected, "x=" + x);
        }
        for (double x : new double[] {0, 0.46875, 0.4687500001, 4, 4.0000001, -0.46875, -4, 1e-20, -1e-20}) {
            assertEquals(Erf.erfc(x), Erfc.erfc(x), 3e-14 * Erf.erfc(x), "x=" + x);
        }
    }

    /** In the far tail, the asymptotic series e^{-x²}/(x√π) Σ (−1)^k (2k−1)!!/(2x²)^k. */
    @Test
    void matchesTheAsymptoticSeriesInTheTail() {
        for (double x = 15; x < 26.5; x += 0.0625) {
            double term = 1;
            double sum = 1;
            for (int k = 1; k <= 8; k++) {
                term *= -(2 * k - 1) / (2 * x * x);
                sum += term;
            }
            double expected = Math.exp(-x * x) / (x * Math.sqrt(Math.PI)) * sum;
            assertEquals(expected, Erfc.erfc(x), 1e-12 * expected, "x=" + x);
        }
        assertEquals(0.0, Erfc.erfc(40));
        assertEquals(2.0, Erfc.erfc(-40));
    }
}
