package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * Cody's erfc against Hipparchus' incomplete-gamma erfc over the whole range. The reference itself
 * is good to a few 1e-14 relative only (at x = 1.1640625 and 11.4609375 mpmath agrees with Cody to
 * 1e-16, not with it), which sets the tolerance.
 */
class ErfcTest {

    @Test
    void matchesTheIncompleteGammaErfcToRoundoff() {
        for (double x = -6; x <= 26.5; x += 0.001953125) {
            double expected = Erf.erfc(x);
            assertEquals(expected, Erfc.erfc(x), 5e-14 * expected + 1e-300, "x=" + x);
        }
        for (double x : new double[] {0, 0.46875, 0.4687500001, 4, 4.0000001, -0.46875, -4, 1e-20, -1e-20}) {
            assertEquals(Erf.erfc(x), Erfc.erfc(x), 5e-14 * Erf.erfc(x), "x=" + x);
        }
        assertEquals(0.0, Erfc.erfc(40));
        assertEquals(2.0, Erfc.erfc(-40));
    }
}
