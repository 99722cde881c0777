package org.modesweep.spark;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.modesweep.core.Mixture;
import org.modesweep.core.Overlaps;
import org.modesweep.core.Setup;
import org.modesweep.core.SideMassRule;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.realnvp.FlowMeasure;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SweepSpec;

/**
 * What the columns of a {@code trajectories/} row are read from: a grid point, its setup (null if it
 * could not be built) and either its trajectory or the exception its run threw ({@code failed}).
 *
 * <p>A family's own columns hold null where the row's family has no such quantity (the setup's dynamics or the
 * trajectory answers: realnvp has no overlaps, the reduced family no side masses); the overlap columns are NaN
 * when the run failed.
 */
public record ComputedPoint(SweepSpec spec, GridPoint point, Setup setup, Trajectory trajectory, RuntimeException error,
                            int round, double wallMs) {

    public boolean failed() {
        return trajectory == null;
    }

    /** A column of the setup's mixture (init, weights, {@code a0}): null without a setup or when its family trains none. */
    public <T> T mixture(Function<Mixture, T> f) {
        return setup == null ? null : setup.trainedMixture().map(f).orElse(null);
    }

    /** A threshold of the setup's side-mass rule: null without a setup or for a family classified otherwise. */
    public Double sideMassRule(ToDoubleFunction<SideMassRule> f) {
        return setup == null ? null : setup.dynamics().sideMassRule().map(f::applyAsDouble).orElse(null);
    }

    /** The annealing schedule of the point's setup (from the spec: known even when the setup could not be built). */
    public Anneal anneal() {
        return spec.setups().get(point.setupIndex()).dynamics().anneal();
    }

    /** A column of the start state. */
    public Double start(ToDoubleFunction<State> f) {
        return overlaps(o -> f.applyAsDouble(o.start()));
    }

    /** A column of the final state. */
    public Double end(ToDoubleFunction<State> f) {
        return overlaps(o -> f.applyAsDouble(o.end()));
    }

    /** A column of the mixture's overlaps: NaN when the run failed, null when its family has none. */
    public Double overlaps(ToDoubleFunction<Overlaps> f) {
        return failed() ? Double.valueOf(Double.NaN) : trajectory.overlaps().map(f::applyAsDouble).orElse(null);
    }

    /** A column of the flow's final side masses: null when the run failed or its family trains no flow. */
    public Double sideMasses(ToDoubleFunction<FlowMeasure> f) {
        return failed() ? null : trajectory.sideMasses().map(f::applyAsDouble).orElse(null);
    }

    /** A column of the run (NaN, or {@code ifFailed}, when it failed). */
    public <T> T run(Function<Trajectory, T> f, T ifFailed) {
        return failed() ? ifFailed : f.apply(trajectory);
    }

    public String errorMessage() {
        return failed() ? error.getClass().getSimpleName() + ": " + error.getMessage() : trajectory.error();
    }
}
