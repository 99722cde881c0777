package org.modesweep.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonTest {
    /** Standard normal quantiles from tables, not from the code under test. */
    private static final double Z95 = 1.959963984540054;
    private static final double Z90 = 1.6448536269514722;

    private static double[] closedForm(long s, long n, double z) {
        double p = (double) s / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }

    @Test
    void matchesTheClosedForm() {
        long[][] cases = {{0, 10}, {1, 29}, {7, 13}, {50, 100}, {99, 100}, {10, 10}, {3, 1000}};
        for (long[] c : cases) {
            for (double[] confidenceAndZ : new double[][] {{0.95, Z95}, {0.90, Z90}}) {
                Interval wilson = Wilson.interval(c[0], c[1], confidenceAndZ[0]);
                double[] expected = closedForm(c[0], c[1], confidenceAndZ[1]);
                String what = c[0] + "/" + c[1] + " at " + confidenceAndZ[0];
                assertEquals(expected[0], wilson.low(), 1e-12, what);
                assertEquals(expected[1], wilson.high(), 1e-12, what);
            }
        }
    }

    /** Newcombe (1998), Statistics in Medicine 17:857, Table II, method 3 (Wilson score). */
    @Test
    void matchesTextbookValues() {
        assertInterval(0.0, 0.2775, Wilson.interval(0, 10, 0.95));
        assertInterval(0.2553, 0.3662, Wilson.interval(81, 263, 0.95));
        assertInterval(0.0624, 0.1605, Wilson.interval(15, 148, 0.95));
        assertInterval(0.0, 0.1611, Wilson.interval(0, 20, 0.95));
        assertInterval(0.0061, 0.1718, Wilson.interval(1, 29, 0.95));
    }

    @Test
    void endsAreExactAtZeroAndAllSuccesses() {
        assertEquals(0.0, Wilson.interval(0, 7, 0.95).low());
        assertEquals(1.0, Wilson.interval(7, 7, 0.95).high());
        assertEquals(new Interval(0, 1), Wilson.interval(0, 0, 0.95));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(11, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(-1, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval(1, 10, Double.NaN));
    }

    private static void assertInterval(double low, double high, Interval actual) {
        assertEquals(low, actual.low(), 5e-5, "low");
        assertEquals(high, actual.high(), 5e-5, "high");
    }
}
