package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code threshold} block: the probability levels at which {@code R_c} is read off,
 * the estimation method ({@code logistic} or {@code monotone}), bootstrap resamples and the
 * confidence of intervals (also used for the Wilson intervals of probabilities).
 *
 * <p>Without {@code targetWidth} it only affects aggregation, so changing it re-aggregates without
 * recomputing trajectories. With {@code targetWidth} the sweep is adaptive ({@link Refinement}):
 * after the grid (round 0), rounds add {@code radiiPerRound} radii (each with {@code grid.seeds}
 * seeds) inside the {@code R_c} interval of every (setup, d, wStar) whose interval at some level is
 * wider than {@code targetWidth}, until all are narrow enough, {@code maxRounds} rounds ran or the
 * next round would exceed {@code budget} trajectories in all (0 = no budget). Then the whole block
 * decides which rows exist and enters the spec hash ({@link #adaptiveCanonical()}).
 */
public record ThresholdSpec(List<Double> levels, String method, int bootstrap, double confidence,
                            Double targetWidth, long budget, int maxRounds, int radiiPerRound)
    implements Serializable {

    public static final int DEFAULT_MAX_ROUNDS = 8;
    public static final int DEFAULT_RADII_PER_ROUND = 4;
    public static final ThresholdSpec DEFAULT = new ThresholdSpec(List.of(0.5), "monotone", 200, 0.95);

    public ThresholdSpec {
        levels = List.copyOf(levels);
    }

    /** A non-adaptive threshold block. */
    public ThresholdSpec(List<Double> levels, String method, int bootstrap, double confidence) {
        this(levels, method, bootstrap, confidence, null, 0, DEFAULT_MAX_ROUNDS, DEFAULT_RADII_PER_ROUND);
    }

    /** Whether adaptive refinement is on ({@code targetWidth} given). */
    public boolean adaptive() {
        return targetWidth != null;
    }

    public ThresholdSpec withLevels(List<Double> newLevels) {
        return new ThresholdSpec(newLevels, method, bootstrap, confidence, targetWidth, budget, maxRounds, radiiPerRound);
    }

    public ThresholdSpec withMethod(String newMethod) {
        return new ThresholdSpec(levels, newMethod, bootstrap, confidence, targetWidth, budget, maxRounds, radiiPerRound);
    }

    public ThresholdSpec withBootstrap(int resamples) {
        return new ThresholdSpec(levels, method, resamples, confidence, targetWidth, budget, maxRounds, radiiPerRound);
    }

    public ThresholdSpec withConfidence(double newConfidence) {
        return new ThresholdSpec(levels, method, bootstrap, newConfidence, targetWidth, budget, maxRounds, radiiPerRound);
    }

    /**
     * The text added to the spec hash in adaptive mode: every key of the block, since levels,
     * method, bootstrap and confidence decide the intervals and so the refined radii. Empty when not adaptive
     * (so the hashes of non-adaptive specs are unchanged).
     */
    public String adaptiveCanonical() {
        if (!adaptive()) {
            return "";
        }
        StringBuilder b = new StringBuilder("levels=");
        levels.forEach(x -> b.append(Canonical.num(x)).append(','));
        return b.append(";method=").append(method).append(";bootstrap=").append(bootstrap)
            .append(";confidence=").append(Canonical.num(confidence))
            .append(";targetWidth=").append(Canonical.num(targetWidth)).append(";budget=").append(budget)
            .append(";maxRounds=").append(maxRounds).append(";radiiPerRound=").append(radiiPerRound).toString();
    }
}
