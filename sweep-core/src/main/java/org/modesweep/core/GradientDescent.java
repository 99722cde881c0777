package org.modesweep.core;

import java.util.random.RandomGenerator;

/** Population gradient descent, {@code μk ← μk + η v_k}, through its exact map on the overlaps. */
public record GradientDescent(double eta, double tMax, double convergenceTol) implements Dynamics {

    public GradientDescent {
        Check.positive("eta", eta);
        Check.positive("tMax", tMax);
        Check.positive("convergenceTol", convergenceTol);
    }

    @Override
    public Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder) {
        State[] current = {start};
        return DiscreteTraining.run(eta, tMax, convergenceTol, start, plateauCos, recorder,
            () -> current[0] = model.gradientStep(current[0], eta));
    }

    @Override
    public String describe() {
        return "gd(eta=" + eta + ", tMax=" + tMax + ", tol=" + convergenceTol + ")";
    }

    @Override
    public String type() {
        return "gd";
    }
}
