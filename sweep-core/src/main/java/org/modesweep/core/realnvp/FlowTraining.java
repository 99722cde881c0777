package org.modesweep.core.realnvp;

import java.util.SplittableRandom;
import org.modesweep.core.anneal.Anneal;

/**
 * Reverse-KL training of a RealNVP (THEORY.md §7): each step draws {@code batch} base samples
 * {@code z ~ N(0, I)}, pushes them through the flow, and takes an Adam step on the gradient of
 * {@code KL̂ = mean_i [log N(z_i) − log|det ∂f/∂z|(z_i) − log p(f(z_i))]} (reparametrised). Annealed
 * (THEORY.md §9), step {@code n} descends the tempered loss with {@code β · log p} at {@code β(n − 1)} (time
 * in steps). Measurements use a fixed evaluation batch, so their changes over training are the flow's, not
 * sampling noise; their KL is the untempered one.
 *
 * <p>Randomness: the seed feeds a splittable generator whose first child initialises the weights,
 * the second draws the training samples and the third the evaluation batch, so the weights and
 * training noise do not depend on the evaluation batch size, and the training samples and
 * evaluation batch do not depend on the initialisation scale.
 */
public final class FlowTraining {

    /** The result: the last measurement, the steps taken and an error message if training failed. */
    public record Result(FlowMeasure end, long steps, String error) {
    }

    private final RealNvp flow;
    private final Target target;
    private final Anneal anneal;
    private final double[] theta;
    private final double[] grad;
    private final Adam adam;
    private final double[][] batchZ;
    private final SplittableRandom samples;
    private final double[][] evalZ;
    private final RealNvp.Workspace ws;
    private final double[] x;
    private final double[] gx;

    /** Training from the identity start ({@code initScale = 0}). */
    public FlowTraining(RealNvp flow, Target target, double lr, int batch, int evalBatch, long seed) {
        this(flow, target, lr, batch, evalBatch, 0, Anneal.NONE, seed);
    }

    /**
     * Training from {@link RealNvp#initialParameters(java.util.random.RandomGenerator, double)} with
     * {@code initScale} (0: the identity start, {@code q = N(0, I)}), annealed by {@code anneal}.
     */
    public FlowTraining(RealNvp flow, Target target, double lr, int batch, int evalBatch, double initScale,
                        Anneal anneal, long seed) {
        if (batch < 1 || evalBatch < 1) {
            throw new IllegalArgumentException("batch and evalBatch must be >= 1, got " + batch + ", " + evalBatch);
        }
        this.flow = flow;
        this.target = target;
        this.anneal = anneal;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom init = root.split();
        this.samples = root.split();
        SplittableRandom eval = root.split();
        this.theta = flow.initialParameters(init, initScale);
        this.grad = new double[flow.size()];
        this.adam = new Adam(flow.size(), lr);
        int d = flow.d();
        this.batchZ = new double[batch][d];
        this.evalZ = new double[evalBatch][d];
        for (double[] row : evalZ) {
            gaussian(eval, row);
        }
        this.ws = flow.workspace();
        this.x = new double[d];
        this.gx = new double[d];
    }

    /** Trains for {@code steps} steps, stopping early only if the KL estimate turns non-finite. */
    public Result run(long steps, FlowRecorder recorder) {
        FlowMeasure m = measure(0);
        recorder.record(m, flow, theta);
        long every = recorder.every();
        for (long n = 1; n <= steps; n++) {
            double kl = step(anneal.beta(n - 1));
            if (!Double.isFinite(kl)) {
                return new Result(measure(n), n, "non-finite KL estimate at step " + n);
            }
            if (every > 0 && n % every == 0 && n < steps) {
                recorder.record(measure(n), flow, theta);
            }
        }
        if (steps > 0) {
            m = measure(steps);
            recorder.record(m, flow, theta);
        }
        return new Result(m, steps, m.isFinite() ? null : "non-finite measurement after training");
    }

    /** One Adam step on the loss tempered at {@code beta}; returns the batch's loss estimate before the step. */
    double step(double beta) {
        for (double[] row : batchZ) {
            gaussian(samples, row);
        }
        double kl = klGradient(theta, batchZ, grad, beta);
        adam.step(theta, grad);
        return kl;
    }

    /**
     * The tempered reverse-KL estimate {@code mean_i [log N(z_i) − log|det| − β log p(f(z_i))]} (up to
     * constants that do not depend on {@code theta}) at {@code theta} for base samples {@code zs}, and its
     * gradient into {@code grad}; {@code beta = 1} is the KL.
     */
    double klGradient(double[] theta, double[][] zs, double[] grad, double beta) {
        java.util.Arrays.fill(grad, 0);
        double sum = 0;
        double scale = 1.0 / zs.length;
        double pathScale = -beta * scale;
        for (double[] zi : zs) {
            double logDet = flow.forward(theta, zi, x, ws);
            sum += -0.5 * dot(zi, zi) - logDet - beta * target.logDensity(x, gx);
            for (int k = 0; k < gx.length; k++) {
                gx[k] *= pathScale; // ∂loss/∂x = −β ∇log p / B
            }
            flow.backward(theta, gx, -scale, grad, ws);
        }
        return sum * scale;
    }

    /** The KL estimate, side mass and mean projection on the evaluation batch. */
    FlowMeasure measure(long step) {
        double kl = 0;
        long plus = 0;
        double proj = 0;
        for (double[] e : evalZ) {
            double logDet = flow.forward(theta, e, x, ws);
            kl += -0.5 * dot(e, e) - logDet - target.logDensity(x, null);
            plus += x[0] > 0 ? 1 : 0;
            proj += x[0];
        }
        int n = evalZ.length;
        return new FlowMeasure(step, kl / n, (double) plus / n, proj / n);
    }

    static void gaussian(SplittableRandom rng, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = rng.nextGaussian();
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
