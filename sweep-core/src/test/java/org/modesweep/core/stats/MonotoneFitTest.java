package org.modesweep.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonotoneFitTest {

    @Test
    void poolsADipAndSortsRadii() {
        // 2/10 then 1/10 violate monotonicity: pooled to 3/20 (by hand); radii given out of order.
        MonotoneFit fit = MonotoneFit.of(new double[] {3, 1, 2}, new long[] {10, 10, 10}, new long[] {8, 2, 1}, 0, 0.95, 1);
        assertArrayEquals(new double[] {1, 2, 3}, fit.radius());
        assertArrayEquals(new double[] {0.15, 0.15, 0.8}, fit.probability(), 1e-12);
        assertArrayEquals(fit.probability(), fit.low());
        assertArrayEquals(fit.probability(), fit.high());
    }

    @Test
    void bandHoldsTheFitAndNarrowsWithMoreRuns() {
        double[] r = {1, 2, 3, 4};
        MonotoneFit small = MonotoneFit.of(r, new long[] {20, 20, 20, 20}, new long[] {0, 5, 10, 18}, 400, 0.95, 7);
        MonotoneFit large = MonotoneFit.of(r, new long[] {2000, 2000, 2000, 2000}, new long[] {0, 500, 1000, 1800}, 400,
            0.95, 7);
        for (int i = 0; i < r.length; i++) {
            assertTrue(small.low()[i] <= small.probability()[i] && small.probability()[i] <= small.high()[i]);
            assertTrue(large.high()[i] - large.low()[i] <= small.high()[i] - small.low()[i]);
        }
        // Binomial sd at p = 0.5, n = 20 is 0.11: a 95% band is far from a point there.
        assertTrue(small.high()[2] - small.low()[2] > 0.2);
        assertThrows(IllegalArgumentException.class, () -> MonotoneFit.of(r, new long[] {1, 1, 1, 1},
            new long[] {0, 2, 0, 0}, 0, 0.95, 1));
    }
}
