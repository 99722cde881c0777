package org.modesweep.core.realnvp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Classification;
import org.modesweep.core.Outcome;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.RealNvpTrajectory;
import org.modesweep.core.SideMassRule;

/** Training: it reaches a single Gaussian target, it is reproducible from its seed, and its outcome rules. */
class FlowTrainingTest {

    /** {@code N(m, diag(σ²))}: reachable exactly (constant biases give any diagonal affine map). */
    record Gaussian(double[] m, double[] sigma) implements Target {
        @Override
        public double logDensity(double[] x, double[] grad) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double u = (x[i] - m[i]) / sigma[i];
                sum += -0.5 * u * u - Math.log(sigma[i]);
                if (grad != null) {
                    grad[i] = -u / sigma[i];
                }
            }
            return sum;
        }
    }

    /**
     * The stated value: KL(q‖p) below 0.01 nats after 600 Adam steps (d = 3, batch 128, lr 0.01), from
     * a start whose KL estimate matches the closed form; and the trained flow's samples have the
     * target's means and standard deviations, a check that does not use the log-determinant.
     */
    @Test
    void reachesASingleGaussianTarget() {
        double[] m = {1.0, -0.5, 0.3};
        double[] sigma = {1.5, 0.7, 1.1};
        trainOnGaussian(m, sigma, 8, 0.01, 600, 0.01, 0.1);
    }

    /**
     * The same at d = 32 (issue 7: "d from 2 to at least 32"): KL from 11.2 nats to below 0.05 after
     * 2000 steps (lr 3e-3; measured 0.023), means and standard deviations within 0.15 per coordinate.
     */
    @Test
    void reachesASingleGaussianTargetInThirtyTwoDimensions() {
        int d = 32;
        double[] m = new double[d];
        double[] sigma = new double[d];
        for (int i = 0; i < d; i++) {
            m[i] = Math.sin(i + 1);
            sigma[i] = Math.exp(0.4 * Math.cos(i + 1));
        }
        trainOnGaussian(m, sigma, 8, 3e-3, 2000, 0.05, 0.15);
    }

    private static void trainOnGaussian(double[] m, double[] sigma, int width, double lr, int steps, double klBound,
                                        double momentTol) {
        int d = m.length;
        RealNvp flow = new RealNvp(d, 4, width, 2.0);
        FlowTraining training = new FlowTraining(flow, new Gaussian(m, sigma), lr, 128, 4096, 5);
        double start = training.measure(0).kl();
        // KL(N(0, I) ‖ N(m, diag σ²)) in closed form: the evaluation estimate starts there.
        double exact = 0;
        for (int i = 0; i < d; i++) {
            exact += Math.log(sigma[i]) + (1 + m[i] * m[i]) / (2 * sigma[i] * sigma[i]) - 0.5;
        }
        assertEquals(exact, start, 0.05 * exact);
        double[][] end = new double[1][];
        FlowTraining.Result r = training.run(steps, new FlowRecorder() {
            @Override
            public long every() {
                return 0;
            }

            @Override
            public void record(FlowMeasure measure, RealNvp f, double[] theta) {
                end[0] = theta.clone();
            }
        });
        assertNull(r.error());
        double kl = r.end().kl();
        // An estimate of a KL: below the bound, and not below zero by more than its sampling noise.
        assertTrue(kl < klBound && kl > -0.01, "KL after training " + kl + " (start " + start + ")");
        assertEquals(m[0], r.end().meanProj(), momentTol);
        // Moments of fresh samples of the trained flow, against the target's.
        int n = 20_000;
        double[] sum = new double[d];
        double[] sum2 = new double[d];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(99);
        double[] z = new double[d];
        double[] x = new double[d];
        RealNvp.Workspace ws = flow.workspace();
        for (int k = 0; k < n; k++) {
            FlowTraining.gaussian(rng, z);
            flow.forward(end[0], z, x, ws);
            for (int i = 0; i < d; i++) {
                sum[i] += x[i];
                sum2[i] += x[i] * x[i];
            }
        }
        for (int i = 0; i < d; i++) {
            double mean = sum[i] / n;
            double sd = Math.sqrt(sum2[i] / n - mean * mean);
            assertEquals(m[i], mean, momentTol, "mean of coordinate " + i);
            assertEquals(sigma[i], sd, momentTol, "standard deviation of coordinate " + i);
        }
    }

    @Test
    void aRunIsAPureFunctionOfItsSeed() {
        RealNvpDynamics nvp = new RealNvpDynamics(2, 6, 0.01, 32, 40, 256, 2, 0.25, 0.1);
        List<FlowMeasure> first = new ArrayList<>();
        List<FlowMeasure> second = new ArrayList<>();
        RealNvpTrajectory a = nvp.trajectory(2.5, 3, 1.0 / 3, 17, recorder(first));
        RealNvpTrajectory b = nvp.trajectory(2.5, 3, 1.0 / 3, 17, recorder(second));
        RealNvpTrajectory c = nvp.trajectory(2.5, 3, 1.0 / 3, 18, FlowRecorder.NONE);
        assertEquals(first, second);
        assertEquals(5, first.size()); // steps 0, 10, 20, 30 and the end
        assertEquals(a.training(), b.training());
        assertEquals(a.training().end(), first.get(first.size() - 1));
        assertNotEquals(a.training().end(), c.training().end());
        assertEquals(40, a.cost());
    }

    /**
     * The start's side mass {@code P_q(x₁ > 0)} on the evaluation batch: exactly 1/2 up to the batch's
     * binomial noise (sd 0.008 at 4096) from the identity start, whatever the seed; spread away from
     * 1/2 by a random start (initScale 0.5: some seeds beyond 0.1 from 1/2, on both sides). The
     * training samples and the evaluation batch do not depend on initScale (same seed, same batch).
     */
    @Test
    void initScaleMovesTheStartSideMassAwayFromOneHalf() {
        RealNvpDynamics identity = new RealNvpDynamics(4, 16, 5e-3, 128, 1, 4096, 2, 0.25, 0.1, 0);
        RealNvpDynamics perturbed = new RealNvpDynamics(4, 16, 5e-3, 128, 1, 4096, 2, 0.25, 0.1, 0.5);
        int far = 0;
        double lowest = 1;
        double highest = 0;
        for (long seed = 0; seed < 20; seed++) {
            FlowMeasure id = start(identity, seed);
            FlowMeasure p = start(perturbed, seed);
            assertEquals(0.5, id.massPlus(), 0.035, "identity start, seed " + seed);
            assertEquals(0.0, id.meanProj(), 0.06, "identity start, seed " + seed);
            far += Math.abs(p.massPlus() - 0.5) > 0.1 ? 1 : 0;
            lowest = Math.min(lowest, p.massPlus());
            highest = Math.max(highest, p.massPlus());
        }
        assertTrue(far >= 5, far + " of 20 perturbed starts beyond 0.1 from 1/2");
        assertTrue(lowest < 0.4 && highest > 0.6, "perturbed start masses in [" + lowest + ", " + highest + "]");
    }

    private static FlowMeasure start(RealNvpDynamics nvp, long seed) {
        List<FlowMeasure> out = new ArrayList<>();
        nvp.trajectory(3.1, 2, 1.0 / 3, seed, recorder(out, 0));
        assertEquals(0, out.get(0).step());
        return out.get(0);
    }

    private static FlowRecorder recorder(List<FlowMeasure> out) {
        return recorder(out, 10);
    }

    private static FlowRecorder recorder(List<FlowMeasure> out, long every) {
        return new FlowRecorder() {
            @Override
            public long every() {
                return every;
            }

            @Override
            public void record(FlowMeasure m, RealNvp flow, double[] theta) {
                out.add(m);
            }
        };
    }

    @Test
    void sideMassesDecideTheOutcome() {
        SideMassRule nvp = new SideMassRule(0.25, 0.1);
        double w = 1.0 / 3; // coverage band: |mass₊ − 1/3| <= 0.25/3; collapse below 1/30 (+ side) or 1/15 (− side)
        assertEquals(new Classification(Outcome.COVERAGE, 0), nvp.classify(new FlowMeasure(1, 0.1, 0.30, 0), null, w));
        assertEquals(new Classification(Outcome.VANISHING_WEIGHT, -1), nvp.classify(new FlowMeasure(1, 0.1, 0.02, 0), null, w));
        assertEquals(new Classification(Outcome.VANISHING_WEIGHT, 1), nvp.classify(new FlowMeasure(1, 0.1, 0.95, 0), null, w));
        assertEquals(new Classification(Outcome.UNRESOLVED, 0), nvp.classify(new FlowMeasure(1, 0.1, 0.15, 0), null, w));
        assertEquals(new Classification(Outcome.FAILED, 0), nvp.classify(new FlowMeasure(1, Double.NaN, 0.3, 0), null, w));
        assertEquals(new Classification(Outcome.FAILED, 0), nvp.classify(new FlowMeasure(1, 0.1, 0.3, 0), "boom", w));
    }
}
