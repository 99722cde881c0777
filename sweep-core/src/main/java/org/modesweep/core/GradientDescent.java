package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.math.Check;
import java.util.random.RandomGenerator;

/**
 * Population gradient descent, {@code μk ← μk + η v_k}, through its exact map on the overlaps; annealed,
 * with the tempered velocities at {@code β} of each step's start ({@code t = η × step}).
 */
public record GradientDescent(double eta, double tMax, double convergenceTol, Anneal anneal) implements ReducedDynamics {

    public GradientDescent {
        Check.positive("eta", eta);
        Check.positive("tMax", tMax);
        Check.positive("convergenceTol", convergenceTol);
        anneal.checkHorizon(tMax);
    }

    /** Without annealing. */
    public GradientDescent(double eta, double tMax, double convergenceTol) {
        this(eta, tMax, convergenceTol, Anneal.NONE);
    }

    @Override
    public Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder) {
        State[] current = {start};
        return DiscreteTraining.run(eta, tMax, convergenceTol, anneal, start, plateauCos, recorder,
            DiscreteTraining.annealed(eta, anneal, beta -> current[0] = model.gradientStep(current[0], eta, beta)));
    }

    @Override
    public String describe() {
        return "gd(eta=" + eta + ", tMax=" + tMax + ", tol=" + convergenceTol + anneal.describeSuffix() + ")";
    }

    @Override
    public String type() {
        return "gd";
    }
}
