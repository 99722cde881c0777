package org.modesweep.core;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.math.Check;
import org.modesweep.core.realnvp.BimodalTarget;
import org.modesweep.core.realnvp.FlowRecorder;
import org.modesweep.core.realnvp.FlowTraining;
import org.modesweep.core.realnvp.RealNvp;

/**
 * The realnvp family (THEORY.md §7): VI with a RealNVP trained by reparametrised reverse KL and Adam for a fixed
 * number of steps. It has no reduced state: its trajectories train the flow directly and are classified by the
 * mass it puts on each side of {@code x·μ* = 0} ({@link SideMassRule}), whose thresholds are part of it and
 * recorded with every row.
 *
 * @param layers       coupling layers (alternating parity masks), at least 2
 * @param width        hidden width of the two-layer tanh MLPs giving scale and shift
 * @param lr           Adam learning rate
 * @param batch        base samples per step
 * @param steps        training steps (the run's {@code tFinal} and cost)
 * @param evalBatch    size of the fixed evaluation batch behind KL, side masses and mean projection
 * @param scaleBound   bound {@code c} of the log-scales, {@code s = c·tanh(ŝ/c)}
 * @param coverTol     see {@link SideMassRule}
 * @param collapseFrac see {@link SideMassRule}
 * @param initScale    0: the identity start {@code q = N(0, I)} (output layers zero); {@code > 0}: output
 *                     layers uniform in {@code [−initScale, initScale]} from the run's seed, a random
 *                     perturbed start ({@link RealNvp#initialParameters(RandomGenerator, double)})
 * @param anneal       the tempered loss {@code E_q[log q − β log p]} with {@code β} of the step count
 *                     (THEORY.md §9), {@link Anneal#NONE} for plain reverse KL
 */
public record RealNvpDynamics(int layers, int width, double lr, int batch, int steps, int evalBatch,
                              double scaleBound, double coverTol, double collapseFrac, double initScale,
                              Anneal anneal)
    implements Dynamics {

    public static final int DEFAULT_LAYERS = 4;
    public static final int DEFAULT_WIDTH = 16;
    public static final double DEFAULT_LR = 5e-3;
    public static final int DEFAULT_BATCH = 128;
    public static final int DEFAULT_STEPS = 1000;
    public static final int DEFAULT_EVAL_BATCH = 4096;
    public static final double DEFAULT_SCALE_BOUND = 2;
    public static final double DEFAULT_COVER_TOL = 0.25;
    public static final double DEFAULT_COLLAPSE_FRAC = 0.1;
    /** The identity start. */
    public static final double DEFAULT_INIT_SCALE = 0;
    /** Largest d accepted (the cost per step grows like d per layer and sample). */
    public static final long MAX_D = 100_000;

    public RealNvpDynamics {
        new RealNvp(2, layers, width, scaleBound); // checks layers, width and scaleBound
        Check.positive("lr", lr);
        if (batch < 1 || evalBatch < 1 || steps < 1) {
            throw new IllegalArgumentException("batch, evalBatch and steps must be >= 1, got "
                + batch + ", " + evalBatch + ", " + steps);
        }
        Check.positive("coverTol", coverTol);
        Check.positive("collapseFrac", collapseFrac);
        if (collapseFrac >= 1) {
            throw new IllegalArgumentException("collapseFrac must be < 1, got " + collapseFrac);
        }
        Check.nonNegative("initScale", initScale);
        anneal.checkHorizon(steps);
    }

    /** Without annealing. */
    public RealNvpDynamics(int layers, int width, double lr, int batch, int steps, int evalBatch,
                           double scaleBound, double coverTol, double collapseFrac, double initScale) {
        this(layers, width, lr, batch, steps, evalBatch, scaleBound, coverTol, collapseFrac, initScale, Anneal.NONE);
    }

    /** The identity start ({@code initScale = 0}), without annealing. */
    public RealNvpDynamics(int layers, int width, double lr, int batch, int steps, int evalBatch,
                           double scaleBound, double coverTol, double collapseFrac) {
        this(layers, width, lr, batch, steps, evalBatch, scaleBound, coverTol, collapseFrac, DEFAULT_INIT_SCALE);
    }

    /** Trains one flow on the target {@code (R, d, w*)} from {@code seed} and classifies it by its side masses. */
    public RealNvpTrajectory trajectory(double R, long d, double wStar, long seed, FlowRecorder recorder) {
        refusal(d).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        RealNvp flow = new RealNvp((int) d, layers, width, scaleBound);
        FlowTraining.Result result =
            new FlowTraining(flow, new BimodalTarget(R, wStar), lr, batch, evalBatch, initScale, anneal, seed)
                .run(steps, recorder);
        return new RealNvpTrajectory(result, rule().classify(result.end(), result.error(), wStar));
    }

    @Override
    public Optional<SideMassRule> sideMassRule() {
        return Optional.of(rule());
    }

    private SideMassRule rule() {
        return new SideMassRule(coverTol, collapseFrac);
    }

    @Override
    public Optional<String> refusal(long d) {
        return d < 2 || d > MAX_D ? Optional.of("realnvp needs 2 <= d <= " + MAX_D
            + " (a coupling keeps some coordinates and moves the others), got d = " + d) : Optional.empty();
    }

    /** Training length in steps. */
    @Override
    public double tMax() {
        return steps;
    }

    /**
     * The parameters; {@code initScale} only when it is not the default 0 and the schedule only when annealed, so
     * identity-start, unannealed rows read as before.
     */
    @Override
    public String describe() {
        return "realnvp(layers=" + layers + ", width=" + width + ", lr=" + lr + ", batch=" + batch + ", steps=" + steps
            + ", evalBatch=" + evalBatch + ", scaleBound=" + scaleBound + ", coverTol=" + coverTol
            + ", collapseFrac=" + collapseFrac + (initScale == 0 ? "" : ", initScale=" + initScale) + anneal.describeSuffix() + ")";
    }

    @Override
    public String type() {
        return "realnvp";
    }
}
