package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Annealed sgd (THEORY.md §9): the reduced engine against the {@code d}-vector engine in law at {@code β < 1},
 * with {@link SgdEngineLawTest}'s two-sample tests (Welch t on every overlap and every centred product, KS on
 * every overlap, each at level 1e-5). Power as stated there: with {@code N = 4000} draws per engine after one
 * step, probability 0.8 to see a mean shift of 0.118 sd, a variance off by 17% or a KS distance of 0.055; with
 * {@code N = 1500} after {@code K} steps, 0.19 sd, 27%, 0.09. {@link #theTestsSeeAWrongTemperature} checks that
 * this power reaches the tempered terms.
 *
 * <p>The regimes exercise what tempering adds: the {@code −(1 − β)x} path term in the frame and its
 * {@code −(1 − β)w_k/B} in the perpendicular noise (fixed weights, large {@code d/B}), the {@code χ²(nB)} part of
 * the logit's {@code −(1 − β)|x|²/2} (trainable, large {@code d/B}), {@code d = 3} ({@code n = 0}) and
 * {@code d = 4} ({@code n = 1}), and both schedules over tens of steps.
 */
class AnnealedSgdLawTest {

    private static final double W_STAR = 2.0 / 3;

    private static StochasticGradientDescent sgd(StochasticGradientDescent.Engine engine, int batch, Anneal anneal) {
        return new StochasticGradientDescent(0.05, batch, anneal.tau(), 1e-300, engine, anneal);
    }

    private static List<String> rejected(Weights weights, double r, long d, int batch, int steps, State y0, int n,
                                         Anneal vectorsAnneal, Anneal reducedAnneal, long seed) {
        Problem problem = new Problem(r, d, W_STAR, weights);
        State start = weights == Weights.FIXED
            ? new State(y0.m1(), y0.m2(), y0.q11(), y0.q22(), y0.q12(), problem.targetLogit()) : y0;
        double[][] vectors = SgdEngineLawTest.draws(sgd(StochasticGradientDescent.Engine.VECTORS, batch, vectorsAnneal),
            problem, start, steps, n, seed);
        double[][] reduced = SgdEngineLawTest.draws(sgd(StochasticGradientDescent.Engine.REDUCED, batch, reducedAnneal),
            problem, start, steps, n, seed + 1000);
        return SgdEngineLawTest.compare(vectors, reduced);
    }

    private static void agree(Weights weights, double r, long d, int batch, int steps, State y0, Anneal anneal, long seed) {
        List<String> rejected = rejected(weights, r, d, batch, steps, y0, steps == 1 ? 4000 : 1500, anneal, anneal, seed);
        assertTrue(rejected.isEmpty(), weights + " R=" + r + " d=" + d + " B=" + batch + " " + anneal + " after " + steps
            + " steps: " + rejected);
    }

    @Test
    void oneTemperedStep() {
        Anneal hot = new Anneal(Anneal.Schedule.LINEAR, 0.2, 10);
        agree(Weights.FIXED, 2.5, 200, 10, 1, SgdEngineLawTest.start(0.3, -0.2, 0.1, 1.0, 0), hot, 501);
        agree(Weights.TRAINABLE, 2.5, 200, 10, 1, SgdEngineLawTest.start(0.25, -0.4, -0.15, 1.3, 0.4), hot, 502);
        agree(Weights.TRAINABLE, 2.0, 3, 5, 1, SgdEngineLawTest.start(0.5, -0.6, 0.2, 0.9, -0.3),
            new Anneal(Anneal.Schedule.GEOMETRIC, 0.05, 10), 503);
        agree(Weights.TRAINABLE, 2.0, 4, 3, 1, SgdEngineLawTest.start(0.1, -0.7, 0.3, 1.1, 0.2), hot, 504);
    }

    @Test
    void tensOfTemperedSteps() {
        // 25 steps of 0.05 within tau = 2: β rises from beta0 on every step
        agree(Weights.TRAINABLE, 2.5, 40, 8, 25, SgdEngineLawTest.start(0.2, -0.1, 0.05, 1.0, 0),
            new Anneal(Anneal.Schedule.GEOMETRIC, 0.1, 2), 601);
        agree(Weights.FIXED, 3.0, 60, 5, 25, SgdEngineLawTest.start(0.05, -0.02, 0.0, 1.0, 0),
            new Anneal(Anneal.Schedule.LINEAR, 0.05, 2), 602);
    }

    /** β = 0.2 against β = 0.3 on the reduced side, in the trainable large-d/B regime: the tests must tell. */
    @Test
    void theTestsSeeAWrongTemperature() {
        List<String> rejected = rejected(Weights.TRAINABLE, 2.5, 200, 10, 1,
            SgdEngineLawTest.start(0.25, -0.4, -0.15, 1.3, 0.4), 4000, new Anneal(Anneal.Schedule.LINEAR, 0.2, 10),
            new Anneal(Anneal.Schedule.LINEAR, 0.3, 10), 701);
        assertTrue(!rejected.isEmpty(), "a tenth in beta went unnoticed");
    }

    /**
     * Against the tempered gd map, whose velocities are checked against quadrature ({@code TemperedModelTest}):
     * the means of {@code m1, m2, a} after one step, linear in the batch means, are unbiased (within 5 standard
     * errors over 2000 draws), for both engines; the untempered map's {@code m1, m2} are more than 20 standard
     * errors away, so the test sees the tempering.
     */
    @Test
    void aTemperedStepIsUnbiasedForTheTemperedGradientDescentMap() {
        Problem problem = new Problem(2.5, 20, W_STAR, Weights.TRAINABLE);
        State y0 = new State(0.3, -0.2, 1.1, 0.9, 0.1, 0.3);
        double beta = 0.3;
        Anneal anneal = new Anneal(Anneal.Schedule.LINEAR, beta, 10);
        ReducedModel model = new ReducedModel(problem);
        double[] tempered = model.gradientStep(y0, 0.05, beta).toArray();
        double[] plain = model.gradientStep(y0, 0.05, 1).toArray();
        for (StochasticGradientDescent.Engine engine : StochasticGradientDescent.Engine.values()) {
            double[][] draws = SgdEngineLawTest.draws(sgd(engine, 100, anneal), problem, y0, 1, 2000, 11);
            for (int c : new int[] {0, 1, 5}) {
                double mean = java.util.Arrays.stream(draws[c]).average().orElseThrow();
                double se = Math.sqrt(java.util.Arrays.stream(draws[c]).map(x -> (x - mean) * (x - mean)).sum()
                    / (draws[c].length - 1) / draws[c].length);
                assertEquals(tempered[c], mean, 5 * se, engine + ": overlap " + c);
                assertTrue(c == 5 || Math.abs(plain[c] - mean) > 20 * se, engine + ": overlap " + c + " tells the tempering");
            }
        }
    }

    /** {@code beta0 = 1}: the same draws and arithmetic as without the key, for both engines. */
    @Test
    void beta0OneIsBitForBitNoAnnealing() {
        for (StochasticGradientDescent.Engine engine : StochasticGradientDescent.Engine.values()) {
            Problem problem = new Problem(2.5, 30, W_STAR, Weights.TRAINABLE);
            State y0 = SgdEngineLawTest.start(0.2, -0.1, 0.05, 1.0, 0.1);
            double[][] plain = SgdEngineLawTest.draws(new StochasticGradientDescent(0.05, 7, 10, 1e-300, engine), problem,
                y0, 20, 5, 9);
            double[][] flat = SgdEngineLawTest.draws(sgd(engine, 7, new Anneal(Anneal.Schedule.GEOMETRIC, 1, 10)),
                problem, y0, 20, 5, 9);
            for (int c = 0; c < State.DIMENSION; c++) {
                for (int i = 0; i < plain[c].length; i++) {
                    assertEquals(Double.doubleToRawLongBits(plain[c][i]), Double.doubleToRawLongBits(flat[c][i]), engine + "");
                }
            }
        }
    }
}
