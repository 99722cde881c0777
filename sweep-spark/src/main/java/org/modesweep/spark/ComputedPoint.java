package org.modesweep.spark;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.RealNvpDynamics;
import org.modesweep.core.Setup;
import org.modesweep.core.State;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.GridPoint;
import org.modesweep.core.sweep.SweepSpec;

/**
 * What the columns of a {@code trajectories/} row are read from: a grid point, its setup (null if it
 * could not be built) and either its trajectory or the exception its run threw ({@code failed}).
 *
 * <p>The state columns follow one rule: NaN when the run failed, null when the dynamics has no
 * mixture state ({@code realnvp}), else the value.
 */
public record ComputedPoint(SweepSpec spec, GridPoint point, Setup setup, Trajectory trajectory, RuntimeException error,
                            int round, double wallMs) {

    public boolean failed() {
        return trajectory == null;
    }

    /** The setup trains a RealNVP flow: no mixture state, weights, init or {@code a0}. */
    public boolean flow() {
        return setup != null && setup.dynamics() instanceof RealNvpDynamics;
    }

    /** The flow's dynamics, or null. */
    public RealNvpDynamics nvp() {
        return flow() ? (RealNvpDynamics) setup.dynamics() : null;
    }

    /** A column of the mixture setup (init, weights, {@code a0}): null without a setup or for a flow. */
    public <T> T mixtureSetup(Function<Setup, T> f) {
        return setup == null || flow() ? null : f.apply(setup);
    }

    /** The annealing schedule of the point's setup (from the spec: known even when the setup could not be built). */
    public Anneal anneal() {
        return spec.setups().get(point.setupIndex()).dynamics().anneal();
    }

    /** A column of the start state. */
    public Double start(ToDoubleFunction<State> f) {
        return state(f, false);
    }

    /** A column of the final state. */
    public Double end(ToDoubleFunction<State> f) {
        return state(f, true);
    }

    private Double state(ToDoubleFunction<State> f, boolean end) {
        if (failed()) {
            return Double.NaN;
        }
        if (trajectory.start() == null) {
            return null;
        }
        return f.applyAsDouble(end ? trajectory.run().end() : trajectory.start());
    }

    /** A column of the run (NaN, or {@code ifFailed}, when it failed). */
    public <T> T run(Function<Trajectory, T> f, T ifFailed) {
        return failed() ? ifFailed : f.apply(trajectory);
    }

    public String errorMessage() {
        return failed() ? error.getClass().getSimpleName() + ": " + error.getMessage() : trajectory.run().error();
    }
}
