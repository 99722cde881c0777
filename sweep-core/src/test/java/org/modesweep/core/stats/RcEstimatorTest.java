package org.modesweep.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hand-made data whose answers follow from the definitions, plus reproducibility and input checks. */
class RcEstimatorTest {

    @Test
    void monotoneInterpolatesTheRawCrossing() {
        // P = 0, 0.3, 0.8 at R = 1, 2, 3: level 0.5 is 0.2 / 0.5 of the way from 2 to 3.
        Simulation sim = Simulation.counts(new double[] {1, 2, 3}, new int[] {10, 10, 10},
                new int[] {0, 3, 8});
        assertEquals(2.4, point(sim, 0.5, RcMethod.MONOTONE).rc(), 1e-12);
    }

    @Test
    void monotoneInterpolatesThePooledCurve() {
        // Raw 0, 0.6, 0.4, 0.9 pools to 0, 0.5, 0.5, 0.9; level 0.4 lies 0.4 / 0.5 from R = 1 to 2.
        Simulation sim = Simulation.counts(new double[] {1, 2, 3, 4}, new int[] {10, 10, 10, 10},
                new int[] {0, 6, 4, 9});
        RcEstimate e = point(sim, 0.4, RcMethod.MONOTONE);
        assertEquals(1.8, e.rc(), 1e-12);
        assertEquals(0.9, e.maxProbability(), 1e-12);
    }

    @Test
    void logisticOnTwoRadiiReproducesBothProportions() {
        // Two radii, two parameters: the MLE passes through logit(0.2) at R = 1 and logit(0.7) at 2.
        Simulation sim = Simulation.counts(new double[] {1, 2}, new int[] {10, 10},
                new int[] {2, 7});
        for (double level : new double[] {0.5, 0.3, 0.65}) {
            double expected = 1 + (logit(level) - logit(0.2)) / (logit(0.7) - logit(0.2));
            assertEquals(expected, point(sim, level, RcMethod.LOGISTIC).rc(), 1e-9);
        }
    }

    @Test
    void separatedDataCrossInTheMiddleOfTheGap() {
        double[] grid = {1, 2, 3, 4};
        int[] trials = {10, 10, 10, 10};
        RcEstimate e = point(Simulation.counts(grid, trials, new int[] {0, 0, 10, 10}), 0.5, RcMethod.LOGISTIC);
        assertEquals(2.5, e.rc(), 1e-6);
        assertTrue(e.note().contains("separated"), e.note());
    }

    @Test
    void quasiSeparatedDataCrossWhereTheStepMustBe() {
        // 3 of 10 at R = 2, none below, all above: the likelihood's supremum is a step just above
        // R = 2 (P(2) = 0.3 < 0.5 needs the crossing after 2, and every extra unit of distance
        // costs the collapses at 2 likelihood), so the estimate sits just above 2, not at 2.5.
        RcEstimate e = point(Simulation.counts(new double[] {1, 2, 3, 4}, new int[] {10, 10, 10, 10},
            new int[] {0, 3, 10, 10}), 0.5, RcMethod.LOGISTIC);
        assertTrue(e.rc() > 2 && e.rc() < 2.1, e.toString());
        assertTrue(e.rcLow() <= e.rc() && e.rc() <= e.rcHigh(), e.toString());
    }

    @Test
    void aStepBetweenTwoRadiiKeepsTheLogisticIntervalOverTheWholeGap() {
        // None of 32 collapse at 2.6125, 24 of 32 at 2.7 (a step at large d): the level-0.25 crossing
        // may lie anywhere in between, whatever the logistic's tail says.
        Simulation sim = Simulation.counts(new double[] {2.5, 2.6, 2.6125, 2.7, 2.7125, 2.8, 2.9},
                new int[] {32, 32, 32, 32, 32, 32, 32}, new int[] {0, 0, 0, 24, 29, 32, 32});
        for (RcMethod method : RcMethod.values()) {
            RcEstimate e = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.25, method, 200, 0.95, 3);
            assertTrue(e.rcLow() <= 2.6125 && e.rcHigh() >= 2.7, method + ": " + e);
        }
    }

    @Test
    void radiiInsideTheBracketLetTheLogisticBeSharperThanIt() {
        // A gradual rise measured at many radii: the pooled logistic interval is narrower than the
        // model-free bracket, and nothing widens it.
        double[] grid = new double[13];
        int[] trials = new int[13];
        int[] collapses = new int[13];
        for (int i = 0; i < 13; i++) {
            grid[i] = 2 + 0.1 * i;
            trials[i] = 40;
            collapses[i] = (int) Math.round(40 / (1 + Math.exp(-(grid[i] - 2.6) / 0.12)));
        }
        Simulation sim = Simulation.counts(grid, trials, collapses);
        RcEstimate logistic = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, RcMethod.LOGISTIC, 200, 0.95, 3);
        RcEstimate monotone = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, RcMethod.MONOTONE, 200, 0.95, 3);
        assertTrue(logistic.rcHigh() - logistic.rcLow() < monotone.rcHigh() - monotone.rcLow(),
                logistic + " vs " + monotone);
        assertTrue(!logistic.note().contains("widened"), logistic.note());
    }

    @Test
    void aLogisticThatDoesNotFitTheRiseIsWidenedToHoldTheIsotonicCrossing() {
        // P rises to 0.44 and stays there for a radius (trainable weights, d = 20000, w* = 0.6, level
        // 0.25): a logistic through the four radii around the crossing places it near 2.96, while the
        // raw probabilities cross between 2.8 and 3.0 at about 2.88.
        Simulation sim = Simulation.counts(new double[] {2.4, 2.6, 2.8, 3.0, 3.2, 3.4, 3.6, 3.8, 4.0},
                new int[] {48, 48, 48, 48, 48, 48, 48, 48, 48}, new int[] {0, 0, 6, 21, 21, 32, 37, 34, 34});
        RcEstimate logistic = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.25, RcMethod.LOGISTIC, 200, 0.95, 3);
        RcEstimate monotone = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.25, RcMethod.MONOTONE, 200, 0.95, 3);
        assertTrue(logistic.rcLow() <= monotone.rc() && monotone.rc() <= logistic.rcHigh(), logistic + " vs " + monotone);
        assertTrue(logistic.note().contains("widened to the monotone bracket"), logistic.note());
    }

    @Test
    void levelReachedAtTheSmallestRadiusIsCensoredBelow() {
        Simulation sim = Simulation.counts(new double[] {2.6, 2.8}, new int[] {10, 10},
                new int[] {8, 9});
        for (RcMethod method : RcMethod.values()) {
            RcEstimate e = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, method, 50,
                    0.95, 1);
            assertTrue(e.censored());
            assertTrue(Double.isNaN(e.rc()));
            assertEquals(2.6, e.rcHigh());
            assertEquals(Double.NEGATIVE_INFINITY, e.rcLow());
            assertTrue(e.note().startsWith("below range"), e.note());
        }
    }

    @Test
    void bootstrapIsReproducibleAndIgnoresRowOrder() {
        Simulation sim = Simulation.draw(Simulation.grid(2, 0.1, 11), 50,
                r -> Simulation.sigmoid((r - 2.5) / 0.2), 7);
        for (RcMethod method : RcMethod.values()) {
            RcEstimate first = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, method, 300,
                    0.9, 42);
            RcEstimate again = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, method, 300,
                    0.9, 42);
            Simulation shuffled = shuffle(sim, 3);
            RcEstimate reordered = RcEstimator.estimate(shuffled.radius(), shuffled.collapse(), 0.5,
                    method, 300, 0.9, 42);
            RcEstimate otherSeed = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, method,
                    300, 0.9, 43);
            assertEquals(first, again);
            assertEquals(first, reordered);
            assertEquals(first.rc(), otherSeed.rc());
            // The bootstrap part of the interval (in the note) depends on the seed.
            assertNotEquals(first.note(), otherSeed.note());
            List<RcEstimate> levels = RcEstimator.estimateLevels(sim.radius(), sim.collapse(),
                    new double[] {0.25, 0.5}, method, 300, 0.9, 42);
            assertEquals(first, levels.get(1));
        }
    }

    @Test
    void everyResampleCrossesWhereItsOwnFitDoes() {
        // Quasi-separated near the crossing: most resamples repeat a window's counts (their crossings are
        // computed once), a few differ at R = 3 and 5. The percentile interval must be that of every
        // resample's crossing fitted on its own.
        Simulation sim = Simulation.counts(new double[] {1, 2, 3, 4, 5}, new int[] {40, 40, 40, 40, 40},
                new int[] {0, 0, 3, 40, 37});
        Counts data = Counts.of(sim.radius(), sim.collapse());
        List<Counts> resamples = Bootstrap.resamples(data, 200, 11);
        double[] crossings = new double[resamples.size()];
        for (int b = 0; b < crossings.length; b++) {
            MonotoneCurve curve = MonotoneCurve.fit(resamples.get(b));
            int k = curve.firstReaching(0.5);
            assertTrue(k > 0 && k < data.size(), "a resample crosses inside the range");
            crossings[b] = LocalLogistic.crossing(curve, k, 0.5).rc();
        }
        Interval expected = Bootstrap.percentile(crossings, 0.95);
        RcEstimate e = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, RcMethod.LOGISTIC, 200, 0.95, 11);
        assertTrue(e.note().contains("200 resamples at 0.95: [" + Crossing.radius(expected.low()) + ", "
                + Crossing.radius(expected.high()) + "]"), e.note() + " vs " + expected);
        assertTrue(expected.high() > expected.low(), "the resamples differ: " + expected);
    }

    @Test
    void separatedOutcomesGiveTheWholeGapNotAPoint() {
        // P = 0 up to R = 2 and 1 from R = 3 on: the crossing may be anywhere in (2, 3), and no
        // amount of resampling (every resample is the data themselves) says where.
        Simulation sim = Simulation.counts(new double[] {1, 2, 3, 4}, new int[] {40, 40, 40, 40},
                new int[] {0, 0, 40, 40});
        for (RcMethod method : RcMethod.values()) {
            for (int resamples : new int[] {0, 200}) {
                RcEstimate e = RcEstimator.estimate(sim.radius(), sim.collapse(), 0.5, method,
                        resamples, 0.95, 3);
                assertEquals(2.0, e.rcLow(), 1e-5, e.toString());
                assertEquals(3.0, e.rcHigh(), 1e-5, e.toString());
            }
        }
    }

    @Test
    void monotoneBracketStopsAtTheRadiiWhoseWilsonIntervalsExcludeTheLevel() {
        // Wilson 95% of 4/20 is [0.081, 0.416] and of 12/20 is [0.387, 0.781]: R = 2 is confidently
        // below 0.5, R = 3 is not confidently above, R = 4 (18/20: [0.699, 0.972]) is.
        Simulation sim = Simulation.counts(new double[] {1, 2, 3, 4}, new int[] {20, 20, 20, 20},
                new int[] {0, 4, 12, 18});
        RcEstimate e = point(sim, 0.5, RcMethod.MONOTONE);
        assertEquals(2.0, e.rcLow(), 1e-12);
        assertEquals(4.0, e.rcHigh(), 1e-12);
    }

    /**
     * The profile-likelihood interval against a brute-force search of the two-parameter likelihood
     * on a grid of crossings and slopes: the crossings whose best slope keeps the likelihood within
     * z²/2 of the maximum.
     */
    @Test
    void profileLikelihoodMatchesABruteForceGridSearch() {
        double[] grid = {1.0, 1.5, 2.0, 2.5};
        int[] trials = {50, 50, 50, 50};
        int[] hits = {3, 15, 31, 44};
        Simulation sim = Simulation.counts(grid, trials, hits);
        RcEstimate e = point(sim, 0.5, RcMethod.LOGISTIC);
        double z = 1.959963984540054;
        int steps = 3000;
        double[] profile = new double[steps + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double rho = 1.0 + 1.5 * i / steps;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= 4000; j++) {
                double beta = Math.pow(10, -3 + 6.0 * j / 4000);
                double ll = 0;
                for (int k = 0; k < grid.length; k++) {
                    double p = 1 / (1 + Math.exp(-beta * (grid[k] - rho)));
                    ll += hits[k] * Math.log(p) + (trials[k] - hits[k]) * Math.log(1 - p);
                }
                best = Math.max(best, ll);
            }
            profile[i] = best;
            max = Math.max(max, best);
        }
        double low = Double.NaN;
        double high = Double.NaN;
        for (int i = 0; i <= steps; i++) {
            if (profile[i] >= max - z * z / 2) {
                double rho = 1.0 + 1.5 * i / steps;
                low = Double.isNaN(low) ? rho : low;
                high = rho;
            }
        }
        assertEquals(low, e.rcLow(), 2e-3, e.toString());
        assertEquals(high, e.rcHigh(), 2e-3, e.toString());
        assertTrue(e.note().contains("profile likelihood"), e.note());
    }

    @Test
    void rejectsBadInput() {
        double[] r = {1, 2};
        boolean[] c = {false, true};
        assertBad("differ in length", () -> RcEstimator.estimate(r, new boolean[1], 0.5,
                RcMethod.MONOTONE, 10, 0.95, 1));
        assertBad("no trajectories", () -> RcEstimator.estimate(new double[0], new boolean[0],
                0.5, RcMethod.MONOTONE, 10, 0.95, 1));
        for (double level : new double[] {0, 1, -0.1, Double.NaN}) {
            assertBad("level", () -> RcEstimator.estimate(r, c, level, RcMethod.MONOTONE, 10,
                    0.95, 1));
        }
        assertBad("confidence", () -> RcEstimator.estimate(r, c, 0.5, RcMethod.MONOTONE, 10, 1.5,
                1));
        assertBad("bootstrapResamples", () -> RcEstimator.estimate(r, c, 0.5, RcMethod.MONOTONE,
                -1, 0.95, 1));
        assertBad("radius[1]", () -> RcEstimator.estimate(new double[] {1, Double.NaN}, c, 0.5,
                RcMethod.MONOTONE, 10, 0.95, 1));
        assertBad("no levels", () -> RcEstimator.estimateLevels(r, c, new double[0],
                RcMethod.MONOTONE, 10, 0.95, 1));
    }

    private static void assertBad(String messagePart, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static RcEstimate point(Simulation sim, double level, RcMethod method) {
        return RcEstimator.estimate(sim.radius(), sim.collapse(), level, method, 0, 0.95, 0);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static Simulation shuffle(Simulation sim, long seed) {
        double[] radius = sim.radius().clone();
        boolean[] collapse = sim.collapse().clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = radius.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double r = radius[i];
            radius[i] = radius[j];
            radius[j] = r;
            boolean c = collapse[i];
            collapse[i] = collapse[j];
            collapse[j] = c;
        }
        return new Simulation(radius, collapse);
    }
}
