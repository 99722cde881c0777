package org.modesweep.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The estimators on trajectories simulated from a known P(R), over many independent data sets. */
class RcCoverageTest {
    private static final int DATA_SETS = 40;
    private static final int RESAMPLES = 400;

    @Test
    void logisticTruthIsCoveredAndMethodsAgree() {
        double truth = 2.5;
        // Grid step 0.07 from 1.93: the truth falls between grid radii (2.49 and 2.56).
        double[] grid = Simulation.grid(1.93, 0.07, 17);
        int[] covered = new int[RcMethod.values().length];
        int[] insideOther = new int[RcMethod.values().length];
        for (int set = 0; set < DATA_SETS; set++) {
            Simulation sim = Simulation.draw(grid, 100,
                    r -> Simulation.sigmoid((r - truth) / 0.1), 1000 + set);
            RcEstimate logistic = estimate(sim, 0.5, RcMethod.LOGISTIC, set);
            RcEstimate monotone = estimate(sim, 0.5, RcMethod.MONOTONE, set);
            for (RcEstimate e : List.of(logistic, monotone)) {
                assertFalse(e.censored(), e.toString());
                assertEquals(grid.length * 100L, e.trajectories());
                // Informative: far narrower than the grid (1.1), wide enough to hold the point estimate.
                assertTrue(e.rcHigh() - e.rcLow() < 0.25, e.toString());
                assertTrue(e.rcLow() <= e.rc() && e.rc() <= e.rcHigh(), e.toString());
                covered[e.method().ordinal()] += contains(e, truth);
            }
            assertTrue(Math.max(logistic.rcLow(), monotone.rcLow())
                            <= Math.min(logistic.rcHigh(), monotone.rcHigh()),
                    "disjoint intervals: " + logistic + " and " + monotone);
            insideOther[RcMethod.LOGISTIC.ordinal()] += contains(monotone, logistic.rc());
            insideOther[RcMethod.MONOTONE.ordinal()] += contains(logistic, monotone.rc());
        }
        // Nominal 95%: at least 34 of 40 (a 95% interval fails this about 1% of the time). The
        // estimates differ in noise, so each lies in the other's interval somewhat less often.
        for (RcMethod method : RcMethod.values()) {
            int i = method.ordinal();
            assertTrue(covered[i] >= 34, method + " covered the truth in " + covered[i] + " of 40");
            assertTrue(insideOther[i] >= 34,
                    method + " inside the other method's interval in " + insideOther[i] + " of 40");
        }
    }

    /**
     * A nearly step-like P(R) (THEORY.md section 6: large d) whose crossing falls at a different
     * place between two grid radii in every data set: each bootstrap resample then crosses at the
     * same interpolated point, so only the data-limited part of the interval can cover the truth.
     */
    @Test
    void stepLikeTransitionsBetweenRadiiAreCovered() {
        double[] grid = Simulation.grid(2.0, 0.1, 9);
        SplittableRandom where = new SplittableRandom(7);
        int[] covered = new int[RcMethod.values().length];
        for (int set = 0; set < DATA_SETS; set++) {
            double truth = 2.3 + 0.1 * where.nextDouble();
            Simulation sim = Simulation.draw(grid, 40,
                    r -> Simulation.sigmoid((r - truth) / 0.003), 3000 + set);
            for (RcMethod method : RcMethod.values()) {
                RcEstimate e = estimate(sim, 0.5, method, set);
                // At most the two grid gaps around a truth that sits close to a radius.
                assertTrue(e.rcHigh() - e.rcLow() <= 0.2 + 1e-9, e.toString());
                covered[method.ordinal()] += contains(e, truth);
            }
        }
        for (RcMethod method : RcMethod.values()) {
            assertTrue(covered[method.ordinal()] >= 34,
                    method + " covered the truth in " + covered[method.ordinal()] + " of 40");
        }
    }

    @Test
    void probabilityLevellingOffBelowTheLevelIsCensoredButItsOnsetIsFound() {
        double ceiling = 0.45;
        double centre = 2.5;
        double width = 0.2;
        // ceiling * sigmoid(z) = 0.25  <=>  z = ln(0.25 / (ceiling - 0.25))
        double onset = centre + width * Math.log(0.25 / (ceiling - 0.25));
        // Enough trajectories that the plateau (0.45 +- 0.016) cannot pass for 0.5 by chance, even
        // at the last radius where an isotonic fit follows a single radius's noise; radii close
        // enough that a local logistic is not biased by the curve's shape beyond its noise.
        double[] grid = Simulation.grid(1.5, 0.05, 41);
        int sets = 10;
        int[] covered = new int[RcMethod.values().length];
        for (int set = 0; set < sets; set++) {
            Simulation sim = Simulation.draw(grid, 1000,
                    r -> ceiling * Simulation.sigmoid((r - centre) / width), 2000 + set);
            for (RcMethod method : RcMethod.values()) {
                List<RcEstimate> both = RcEstimator.estimateLevels(sim.radius(), sim.collapse(),
                        new double[] {0.5, 0.25}, method, 200, 0.95, set);
                RcEstimate half = both.get(0);
                assertTrue(half.censored(), half.toString());
                assertTrue(Double.isNaN(half.rc()));
                assertEquals(3.5, half.rcLow(), 1e-12);
                assertEquals(Double.POSITIVE_INFINITY, half.rcHigh());
                assertTrue(half.maxProbability() < 0.5 && half.maxProbability() > 0.4,
                        half.toString());
                assertTrue(half.note().startsWith("above range, max P = "), half.note());

                RcEstimate quarter = both.get(1);
                assertFalse(quarter.censored(), quarter.toString());
                assertEquals(0.25, quarter.level());
                assertEquals(onset, quarter.rc(), 0.05, quarter.toString());
                covered[method.ordinal()] += contains(quarter, onset);
            }
        }
        // Nominal 95%: at least 8 of 10 (a 95% interval fails this about 1% of the time).
        for (RcMethod method : RcMethod.values()) {
            assertTrue(covered[method.ordinal()] >= 8,
                    method + " covered the onset in " + covered[method.ordinal()] + " of " + sets);
        }
    }

    private static int contains(RcEstimate e, double value) {
        return e.rcLow() <= value && value <= e.rcHigh() ? 1 : 0;
    }

    private static RcEstimate estimate(Simulation sim, double level, RcMethod method, long seed) {
        return RcEstimator.estimate(sim.radius(), sim.collapse(), level, method, RESAMPLES, 0.95,
                seed);
    }
}
