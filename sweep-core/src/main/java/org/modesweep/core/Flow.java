package org.modesweep.core;

import java.util.random.RandomGenerator;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.StepNormalizer;
import org.hipparchus.ode.sampling.StepNormalizerBounds;
import org.hipparchus.ode.sampling.StepNormalizerMode;

/**
 * The reduced gradient flow, integrated by Dormand–Prince 8(5,3) with dense output. It stops inside
 * one {@code integrate} call when {@code max|dy/dt|} falls under {@code convergenceTol} (an event on
 * the interpolated derivative) or at {@code tMax}; plateau entries and exits are events too, so the
 * plateau time is exact up to root-finding accuracy.
 */
public record Flow(double tMax, double rtol, double convergenceTol) implements Dynamics {

    /** Absolute tolerance relative to rtol, in normalised units (overlaps of order 1). */
    private static final double ATOL_PER_RTOL = 0.1;
    /**
     * Longest step, in time units. Inside the long steps of a slow final phase the dense output (the
     * printed rows, event times) is less accurate than the step ends: 1e-6 inside 10-unit steps at
     * rtol 1e-9. Capping at 5 costs about 2% more evaluations and brings that to the 1e-8 level; the
     * cap does not depend on the output interval, so a sweep row and {@code sweep trajectory} take the
     * same steps.
     */
    private static final double MAX_STEP = 5.0;
    /** Longest interval between two checks of an event function, in time units. */
    private static final double EVENT_CHECK = 1.0;
    private static final int MAX_EVALUATIONS = 20_000_000;

    public Flow {
        Check.positive("tMax", tMax);
        Check.positive("rtol", rtol);
        Check.positive("convergenceTol", convergenceTol);
    }

    @Override
    public Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder) {
        double[] y0 = start.toArray();
        PlateauClock plateau = new PlateauClock(0, start.onPlateau(plateauCos));
        if (maxAbs(model.derivative(start)) < convergenceTol) {
            recorder.record(0, start);
            return new Run(start, 0, true, 0, 1, null);
        }
        double maxStep = Math.min(tMax, MAX_STEP);
        DormandPrince853Integrator integrator =
            new DormandPrince853Integrator(1e-14, maxStep, rtol * ATOL_PER_RTOL, rtol);
        integrator.setMaxEvaluations(MAX_EVALUATIONS);
        boolean[] converged = {false};
        // max|dy/dt| is a kinked function near the tolerance, where the interpolated derivative is also
        // at its noise floor: the stop time needs no more than 1e-6 accuracy, and asking more fails.
        integrator.addEventDetector(new Detector("convergence", new BracketingNthOrderBrentSolver(1e-9, 1e-6, 1e-3 * convergenceTol, 5),
            s -> maxAbs(s.getCompleteDerivative()) - convergenceTol,
            (s, detector, increasing) -> {
                if (increasing) {
                    return Action.CONTINUE;
                }
                converged[0] = true;
                return Action.STOP;
            }));
        integrator.addEventDetector(new Detector("plateau", new BracketingNthOrderBrentSolver(1e-12, 1e-10, 1e-15, 5),
            s -> State.of(s.getCompleteState()).plateauMargin(plateauCos),
            (s, detector, increasing) -> {
                plateau.toggle(s.getTime(), increasing);
                return Action.CONTINUE;
            }));
        if (recorder.active()) {
            integrator.addStepHandler(new StepNormalizer(recorder.every(),
                (s, isLast) -> recorder.record(s.getTime(), State.of(s.getCompleteState())),
                StepNormalizerMode.MULTIPLES, StepNormalizerBounds.BOTH));
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return State.DIMENSION;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = model.derivative(State.of(y));
                for (double v : dy) {
                    if (!Double.isFinite(v)) {
                        throw new NonFiniteState(t, y);
                    }
                }
                return dy;
            }
        };
        try {
            ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0, y0), tMax);
            State last = State.of(end.getCompleteState());
            return new Run(last, end.getTime(), converged[0], plateau.total(end.getTime()),
                integrator.getEvaluations(), null);
        } catch (NonFiniteState | MathRuntimeException e) {
            State last = integrator.getStepStart() == null ? start : State.of(integrator.getStepStart().getCompleteState());
            double t = integrator.getStepStart() == null ? 0 : integrator.getStepStart().getTime();
            return new Run(last, t, false, plateau.total(t), integrator.getEvaluations(), e.getMessage());
        }
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    @Override
    public String describe() {
        return "flow(tMax=" + tMax + ", rtol=" + rtol + ", tol=" + convergenceTol + ")";
    }

    @Override
    public String type() {
        return "flow";
    }

    /** Raised from the right-hand side so that the integrator stops instead of shrinking its step. */
    static final class NonFiniteState extends RuntimeException {
        NonFiniteState(double t, double[] y) {
            super("non-finite velocity at t=" + t + ", state " + java.util.Arrays.toString(y));
        }
    }

    /** An event detector from a switching function and a handler. */
    private record Detector(String name, BracketedUnivariateSolver<UnivariateFunction> solver,
                            java.util.function.ToDoubleFunction<ODEStateAndDerivative> switching,
                            ODEEventHandler handler) implements ODEEventDetector {

        @Override
        public AdaptableInterval getMaxCheckInterval() {
            return AdaptableInterval.of(EVENT_CHECK);
        }

        @Override
        public int getMaxIterationCount() {
            return 200;
        }

        @Override
        public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
            return solver;
        }

        @Override
        public ODEEventHandler getHandler() {
            return handler;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            return switching.applyAsDouble(state);
        }

        @Override
        public String toString() {
            return name + " event";
        }
    }
}
