package org.modesweep.core;

import java.util.Optional;
import org.modesweep.core.realnvp.FlowMeasure;

/** A trajectory of the reduced family: the mixture's start overlaps, run, final KL and class. */
public record ReducedTrajectory(State start, Run run, double kl, Classification classification)
    implements Trajectory {

    @Override
    public double tFinal() {
        return run.tFinal();
    }

    @Override
    public boolean converged() {
        return run.converged();
    }

    @Override
    public long cost() {
        return run.cost();
    }

    @Override
    public String error() {
        return run.error();
    }

    @Override
    public Optional<Overlaps> overlaps() {
        return Optional.of(new Overlaps(start, run.end(), run.plateauTime()));
    }

    @Override
    public Optional<FlowMeasure> sideMasses() {
        return Optional.empty();
    }
}
