package org.modesweep.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class IsotonicTest {
    @Test
    void poolsAdjacentViolatorsWithEqualWeights() {
        double[] y = {0.1, 0.4, 0.2, 0.3, 0.8, 0.6};
        double[] expected = {0.1, 0.3, 0.3, 0.3, 0.7, 0.7};
        assertArrayEquals(expected, Isotonic.fit(y, new double[] {1, 1, 1, 1, 1, 1}), 1e-15);
    }

    @Test
    void poolingCascadesBackwardsAndRespectsWeights() {
        // 0.9 and 0.5 pool to 0.7 (weight 2), which still exceeds 0.0 (weight 2): all pool to 0.35.
        assertArrayEquals(new double[] {0.35, 0.35, 0.35},
                Isotonic.fit(new double[] {0.9, 0.5, 0.0}, new double[] {1, 1, 2}), 1e-15);
        // (0.5 * 1 + 0.1 * 3) / 4 = 0.2
        assertArrayEquals(new double[] {0.2, 0.2},
                Isotonic.fit(new double[] {0.5, 0.1}, new double[] {1, 3}), 1e-15);
    }

    @Test
    void leavesMonotoneDataAlone() {
        double[] y = {0, 0.2, 0.2, 0.9, 1};
        assertArrayEquals(y, Isotonic.fit(y, new double[] {5, 1, 2, 7, 3}), 0);
    }
}
