package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The table against the quadrature it replaces in the flow ({@link GaussianExpectation}), and both
 * against adaptive integration of the raw integrand: the cheaper path must not be the less accurate one.
 */
class ExpectationTableTest {

    /** What the flow may lose to the table: well under the old quadrature's 1e-11. */
    private static final double TOLERANCE = 1e-12;

    private static double softplusScale(double m, double s) {
        return Math.max(1, Math.max(Math.abs(m), s));
    }

    private static void assertMatchesQuadrature(ExpectationTable.Spread table, double m, double s, double[] worst) {
        table.spread(s * s).at(m);
        double g = Math.abs(table.sigmoid() - GaussianExpectation.sigmoid(m, s));
        double h = Math.abs(table.softplus() - GaussianExpectation.softplus(m, s)) / softplusScale(m, s);
        assertTrue(g < TOLERANCE, "sigmoid m=" + m + " s=" + s + ": " + g);
        assertTrue(h < TOLERANCE, "softplus m=" + m + " s=" + s + ": " + h);
        worst[0] = Math.max(worst[0], Math.max(g, h));
    }

    @Test
    void randomPointsOfEveryRegimeMatchTheQuadrature() {
        SplittableRandom rng = new SplittableRandom(11);
        ExpectationTable.Spread table = new ExpectationTable.Spread();
        double[] worst = {0};
        for (int i = 0; i < 200_000; i++) {
            // spreads: Gauss–Hermite range, the split range, log-uniform over 1e-4..1e4, next to the switch, zero
            double s = switch (i % 5) {
                case 0 -> 1.5 * rng.nextDouble();
                case 1 -> 1.5 + 8 * rng.nextDouble();
                case 2 -> Math.exp(18.4 * rng.nextDouble() - 9.2);
                case 3 -> 1.5 + 1e-6 * (rng.nextDouble() - 0.5);
                default -> 0;
            };
            // centres: near the step, up to the table's edge |v| = 40 and past it
            double m = switch (i % 3) {
                case 0 -> 6 * (rng.nextDouble() - 0.5);
                case 1 -> 90 * Math.sqrt(1 + s * s) * (rng.nextDouble() - 0.5);
                default -> 30 * (rng.nextDouble() - 0.5);
            };
            assertMatchesQuadrature(table, m, s, worst);
        }
        assertTrue(worst[0] > 0, "the comparison compared something");
    }

    @Test
    void cellEdgesMatchTheQuadrature() {
        ExpectationTable.Spread table = new ExpectationTable.Spread();
        double[] worst = {0};
        for (int j = 0; j <= ExpectationTable.W_CELLS; j++) {
            for (double dw : new double[] {-1e-12, 0, 1e-12}) {
                double w = Math.min(1, Math.max(1e-4, (double) j / ExpectationTable.W_CELLS + dw));
                double s = Math.sqrt((1 - w) * (1 + w)) / w;
                for (int i = 0; i <= ExpectationTable.V_CELLS; i++) {
                    double x = i == ExpectationTable.V_CELLS ? ExpectationTable.FAR : ExpectationTable.cellStart(i);
                    for (double dx : new double[] {-1e-12, 0, 1e-12}) {
                        for (double sign : new double[] {-1, 1}) {
                            assertMatchesQuadrature(table, sign * (x + dx) / w, s, worst);
                        }
                    }
                }
            }
        }
    }

    @Test
    void pastTheTableBothExpectationsAreAtTheirLimits() {
        // the table returns 0 (and 1, and m) beyond |v| = 40: the quadrature must agree for every spread
        for (int i = 0; i <= 2000; i++) {
            double w = Math.max(1e-6, i / 2000.0);
            double s = Math.sqrt((1 - w) * (1 + w)) / w;
            double m = -ExpectationTable.FAR / w;
            assertTrue(GaussianExpectation.sigmoid(m, s) < 1e-17, "sigmoid at w=" + w);
            assertTrue(w * GaussianExpectation.softplus(m, s) < 1e-17, "softplus at w=" + w);
        }
        ExpectationTable.Spread table = new ExpectationTable.Spread().spread(4);
        assertEquals(0.0, table.at(-1e3).sigmoid());
        assertEquals(1.0, table.at(1e3).sigmoid());
        assertEquals(1e3, table.at(1e3).softplus());
        assertEquals(1.0, table.at(Double.POSITIVE_INFINITY).sigmoid());
        assertTrue(Double.isNaN(table.at(Double.NaN).sigmoid()));
        assertTrue(Double.isNaN(table.at(Double.NaN).softplus()));
        assertTrue(Double.isNaN(new ExpectationTable.Spread().spread(Double.NaN).at(0.3).sigmoid()));
    }

    @Test
    void theTableMatchesAdaptiveIntegrationOfTheRawIntegrand() {
        ExpectationTable.Spread table = new ExpectationTable.Spread();
        double worst = 0;
        for (double s : new double[] {0, 1e-3, 0.3, 1, 1.5, 2, 2.5, 3.7, 5, 8, 20, 100}) {
            for (double m : new double[] {-30, -9, -4, -1.3, -0.2, 0, 0.7, 2, 5.5, 12, 40}) {
                table.spread(s * s).at(m);
                double sig = AdaptiveKronrod.gaussianExpectation(GaussianExpectation::sigmoid, m, s);
                double sp = AdaptiveKronrod.gaussianExpectation(GaussianExpectation::softplus, m, s);
                worst = Math.max(worst, Math.abs(sig - table.sigmoid()));
                worst = Math.max(worst, Math.abs(sp - table.softplus()) / softplusScale(m, s));
            }
        }
        assertTrue(worst < TOLERANCE, "worst error against adaptive integration " + worst);
    }

    @Test
    void aFixedSpreadReadsTheSameTable() {
        ExpectationTable.FixedSpread fixed = new ExpectationTable.FixedSpread(2.5 * 2.5);
        ExpectationTable.Spread varying = new ExpectationTable.Spread().spread(2.5 * 2.5);
        for (double m = -50; m <= 50; m += 0.37) {
            assertEquals(varying.at(m).sigmoid(), fixed.at(m).sigmoid(), 1e-15, "sigmoid at " + m);
            assertEquals(varying.at(m).softplus(), fixed.at(m).softplus(), 1e-13 * softplusScale(m, 2.5), "softplus at " + m);
        }
    }
}
