package org.modesweep.core;

import java.util.Optional;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.realnvp.FlowTraining;

/** A RealNVP training (THEORY.md §7) and its class by side masses; it runs a fixed number of steps. */
public record RealNvpTrajectory(FlowTraining.Result training, Classification classification) implements Trajectory {

    @Override
    public double kl() {
        return training.end().kl();
    }

    @Override
    public double tFinal() {
        return training.steps();
    }

    @Override
    public boolean converged() {
        return false;
    }

    @Override
    public long cost() {
        return training.steps();
    }

    @Override
    public String error() {
        return training.error();
    }

    @Override
    public Optional<Overlaps> overlaps() {
        return Optional.empty();
    }

    @Override
    public Optional<FlowMeasure> sideMasses() {
        return Optional.of(training.end());
    }
}
