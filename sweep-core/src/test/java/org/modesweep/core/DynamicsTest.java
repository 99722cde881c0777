package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three dynamics against each other: flow ← gd(η → 0), gd(η) ← sgd(η, batch → ∞). */
class DynamicsTest {

    private static final double W_STAR = 2.0 / 3;

    /** Records the state at fixed times. */
    static final class Samples implements Recorder {
        final double every;
        final List<double[]> rows = new ArrayList<>();

        Samples(double every) {
            this.every = every;
        }

        @Override
        public double every() {
            return every;
        }

        @Override
        public void record(double t, State y) {
            double[] row = new double[7];
            row[0] = t;
            System.arraycopy(y.toArray(), 0, row, 1, 6);
            rows.add(row);
        }

        State at(double t) {
            for (double[] row : rows) {
                if (Math.abs(row[0] - t) < 1e-9) {
                    return new State(row[1], row[2], row[3], row[4], row[5], row[6]);
                }
            }
            throw new AssertionError("no sample at t=" + t + " in " + rows.size() + " rows");
        }
    }

    static State start(Problem problem, long seed) {
        State y = new InitialCondition.Sphere(null).overlaps(problem, new SplittableRandom(seed));
        return new State(y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), problem.trainable() ? 0 : problem.targetLogit());
    }

    static State runTo(ReducedDynamics dynamics, ReducedModel model, State start, double t, long noiseSeed) {
        Samples samples = new Samples(t);
        dynamics.run(model, start, 0.5, new SplittableRandom(noiseSeed), samples);
        return samples.at(t);
    }

    @Test
    void gradientDescentApproachesTheFlowAtFirstOrderInEta() {
        for (Weights weights : Weights.values()) {
            Problem problem = new Problem(2.5, 50, W_STAR, weights);
            ReducedModel model = new ReducedModel(problem);
            State y0 = start(problem, 21);
            State flow = runTo(new Flow(10, 1e-10, 1e-12), model, y0, 10, 0);
            double coarse = runTo(new GradientDescent(0.02, 10, 1e-12), model, y0, 10, 0).maxAbsDifference(flow, 1);
            double fine = runTo(new GradientDescent(0.01, 10, 1e-12), model, y0, 10, 0).maxAbsDifference(flow, 1);
            assertTrue(fine < 2e-2, weights + ": gd(0.01) is " + fine + " from the flow");
            assertEquals(0.5, fine / coarse, 0.1, weights + ": error ratio when halving eta");
        }
    }

    @Test
    void sgdApproachesPopulationGradientDescentAsTheBatchGrows() {
        for (Weights weights : Weights.values()) {
            Problem problem = new Problem(2.5, 20, W_STAR, weights);
            ReducedModel model = new ReducedModel(problem);
            double eta = 0.02;
            // early enough that the escape from the symmetric start has not yet amplified the noise
            double t = 1.5;
            double small = 0;
            double large = 0;
            for (long seed = 1; seed <= 4; seed++) {
                State y0 = start(problem, seed);
                State gd = runTo(new GradientDescent(eta, t, 1e-12), model, y0, t, 0);
                State noisy = runTo(new StochasticGradientDescent(eta, 100, t, 1e-12), model, y0, t, seed);
                State precise = runTo(new StochasticGradientDescent(eta, 3200, t, 1e-12), model, y0, t, seed);
                small += meanOverlapDeviation(noisy, gd);
                large += meanOverlapDeviation(precise, gd);
                // the logit's gradient estimate (through log q − log p) is far noisier than the means'
                assertEquals(gd.a(), precise.a(), 0.02, weights + " a, seed " + seed);
            }
            // noise ∝ 1/√batch: 32 times the batch should cut the deviation by about √32 ≈ 5.7
            assertTrue(large < small / 3, weights + ": deviation " + large / 4 + " at batch 3200 vs " + small / 4 + " at 100");
            assertTrue(large / 4 < 3e-3, weights + ": sgd(batch 3200) deviates by " + large / 4);
        }
    }

    private static double meanOverlapDeviation(State x, State y) {
        State xs = new State(x.m1(), x.m2(), x.q11(), x.q22(), x.q12(), 0);
        return xs.maxAbsDifference(new State(y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), 0), 1);
    }

    @Test
    void flowAndLargeBatchSgdFromTheSameSeedEndAlike() {
        Mixture fixed = new Mixture(Weights.FIXED, new InitialCondition.Sphere(null), 0);
        Setup flow = new ReducedSetup("f", fixed, new Flow(40, 1e-9, 1e-8), Thresholds.DEFAULT);
        Setup sgd = new ReducedSetup("s", fixed, new StochasticGradientDescent(0.02, 1000, 40, 1e-8), Thresholds.DEFAULT);
        for (long seed : new long[] {2, 5}) {
            Trajectory a = Trajectory.run(flow, 2.5, 10, W_STAR, seed, Recorder.NONE);
            Trajectory b = Trajectory.run(sgd, 2.5, 10, W_STAR, seed, Recorder.NONE);
            Overlaps oa = a.overlaps().orElseThrow();
            Overlaps ob = b.overlaps().orElseThrow();
            assertEquals(oa.start(), ob.start(), "the start depends on the seed only");
            assertEquals(a.outcome(), b.outcome(), "seed " + seed);
            assertTrue(oa.end().maxAbsDifference(ob.end(), 1) < 0.1, oa.end() + " vs " + ob.end());
        }
    }

    @Test
    void flowStopsWhereTheVelocityFallsUnderTheTolerance() {
        Problem problem = new Problem(2.0, 100, W_STAR, Weights.TRAINABLE);
        ReducedModel model = new ReducedModel(problem);
        double tol = 1e-7;
        Run run = new Flow(1000, 1e-9, tol).run(model, start(problem, 3), 0.5, new SplittableRandom(0), Recorder.NONE);
        assertTrue(run.converged());
        assertTrue(run.tFinal() < 1000);
        double speed = Flow.maxAbs(model.derivative(run.end()));
        assertEquals(tol, speed, 0.05 * tol, "max|dy/dt| at the stop");
    }

    @Test
    void plateauTimeAgreesWithAFinelySampledTrajectory() {
        Problem problem = new Problem(2.5, 1000, W_STAR, Weights.TRAINABLE);
        ReducedModel model = new ReducedModel(problem);
        // Both means start near +μ*: a plateau, then (trainable weights) an escape or a vanishing weight.
        State y0 = new State(0.8, 0.75, 1, 1, 0.97, 0);
        double dt = 0.01;
        Samples fine = new Samples(dt);
        Run run = new Flow(60, 1e-10, 1e-9).run(model, y0, 0.5, new SplittableRandom(0), fine);
        double sampled = 0;
        for (int i = 0; i + 1 < fine.rows.size(); i++) {
            double[] r = fine.rows.get(i);
            State y = new State(r[1], r[2], r[3], r[4], r[5], r[6]);
            sampled += y.onPlateau(0.5) ? fine.rows.get(i + 1)[0] - r[0] : 0;
        }
        assertTrue(run.plateauTime() > 1, "plateau " + run.plateauTime());
        assertEquals(sampled, run.plateauTime(), 2 * dt);
    }

    @Test
    void trajectoriesAreReproducibleFromTheirSeed() {
        Setup setup = new ReducedSetup("s", new Mixture(Weights.TRAINABLE, new InitialCondition.Gaussian(1), 0),
            new StochasticGradientDescent(0.05, 50, 5, 1e-8), Thresholds.DEFAULT);
        Trajectory a = Trajectory.run(setup, 1.9, 10, W_STAR, 42, Recorder.NONE);
        Trajectory b = Trajectory.run(setup, 1.9, 10, W_STAR, 42, Recorder.NONE);
        Trajectory c = Trajectory.run(setup, 1.9, 10, W_STAR, 43, Recorder.NONE);
        assertEquals(a, b);
        assertTrue(!a.overlaps().orElseThrow().start().equals(c.overlaps().orElseThrow().start()));
    }
}
