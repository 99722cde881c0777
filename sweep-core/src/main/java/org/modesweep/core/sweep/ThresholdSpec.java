package org.modesweep.core.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The {@code threshold} block: the probability levels at which {@code R_c} is read off,
 * the estimation method ({@code logistic} or {@code monotone}), bootstrap resamples and the
 * confidence of intervals (also used for the Wilson intervals of probabilities). It only affects
 * aggregation, so changing it re-aggregates without recomputing trajectories.
 */
public record ThresholdSpec(List<Double> levels, String method, int bootstrap, double confidence)
    implements Serializable {

    public static final ThresholdSpec DEFAULT = new ThresholdSpec(List.of(0.5), "monotone", 200, 0.95);

    public ThresholdSpec {
        levels = List.copyOf(levels);
    }

    public ThresholdSpec withLevels(List<Double> newLevels) {
        return new ThresholdSpec(newLevels, method, bootstrap, confidence);
    }

    public ThresholdSpec withMethod(String newMethod) {
        return new ThresholdSpec(levels, newMethod, bootstrap, confidence);
    }

    public ThresholdSpec withBootstrap(int resamples) {
        return new ThresholdSpec(levels, method, resamples, confidence);
    }
}
