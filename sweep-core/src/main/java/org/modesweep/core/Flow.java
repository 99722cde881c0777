package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.math.Check;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;

/**
 * The reduced gradient flow, integrated by Dormand–Prince 8(5,3) ({@link DormandPrince853}). It stops
 * when {@code max|dy/dt|} falls under {@code convergenceTol} (located inside the step on the dense
 * output's derivative) or at {@code tMax}; plateau entries and exits are located the same way, so the
 * plateau time is exact up to root-finding accuracy. A step is interpolated (three more evaluations)
 * only when it holds one of these events or an output time.
 *
 * <p>Annealed (THEORY.md §9), the flow is the tempered one, {@code β(t)} at each stage's time; {@code β} has
 * a kink at {@code tau}, so the integration stops there and restarts (no step straddles it, and the
 * high-order steps keep their accuracy), and it may stop as converged only from {@code tau} on.
 */
public record Flow(double tMax, double rtol, double convergenceTol, Anneal anneal) implements ReducedDynamics {

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
    private static final double MIN_STEP = 1e-14;
    /** Longest interval between two looks at the plateau margin inside a step, in time units. */
    private static final double EVENT_CHECK = 1.0;
    private static final long MAX_EVALUATIONS = 20_000_000;
    /**
     * max|dy/dt| is a kinked function near the tolerance, where the interpolated derivative is also at
     * its noise floor: the stop time needs no more than 1e-6 accuracy, and asking more fails.
     */
    private static final double STOP_TIME_ACCURACY = 1e-6;
    private static final double PLATEAU_TIME_ACCURACY = 1e-10;

    public Flow {
        Check.positive("tMax", tMax);
        Check.below("rtol", Check.positive("rtol", rtol), 1); // a relative tolerance of 100% integrates nothing
        Check.positive("convergenceTol", convergenceTol);
        anneal.checkHorizon(tMax);
    }

    /** Without annealing. */
    public Flow(double tMax, double rtol, double convergenceTol) {
        this(tMax, rtol, convergenceTol, Anneal.NONE);
    }

    @Override
    public Run run(ReducedModel model, State start, double plateauCos, RandomGenerator rng, Recorder recorder) {
        DormandPrince853 integrator = new DormandPrince853(checkedDerivative(model, anneal), State.DIMENSION,
            MIN_STEP, Math.min(tMax, MAX_STEP), rtol * ATOL_PER_RTOL, rtol, MAX_EVALUATIONS);
        PlateauClock plateau = new PlateauClock(0, start.onPlateau(plateauCos));
        double settled = anneal.settled();
        double[] accepted = start.toArray();
        double acceptedTime = 0;
        try {
            integrator.start(0, accepted);
            recorder.record(0, start);
            if (settled == 0 && maxAbs(integrator.derivative()) < convergenceTol) {
                return new Run(start, 0, true, 0, integrator.evaluations(), null);
            }
            double nextOutput = recorder.every();
            while (true) {
                boolean tempered = integrator.time() < settled;
                integrator.step(tempered ? Math.min(settled, tMax) : tMax);
                Step step = new Step(integrator);
                boolean converged = maxAbs(integrator.derivative()) < convergenceTol && step.end >= settled;
                double end = converged && !tempered
                    ? step.crossing(s -> maxAbs(s.getCompleteDerivative()) - convergenceTol, step.start, step.end,
                        STOP_TIME_ACCURACY, 1e-3 * convergenceTol, AllowedSolution.RIGHT_SIDE)
                    : step.end;
                step.plateau(plateau, plateauCos, end);
                for (; nextOutput <= end * (1 + 1e-14); nextOutput = next(nextOutput, recorder.every())) {
                    recorder.record(nextOutput, step.state(nextOutput));
                }
                if (converged || end >= tMax) {
                    State last = step.state(end);
                    if (lastOutput(nextOutput, recorder.every()) < end) {
                        recorder.record(end, last);
                    }
                    return new Run(last, end, converged, plateau.total(end), integrator.evaluations(), null);
                }
                System.arraycopy(integrator.state(), 0, accepted, 0, State.DIMENSION);
                acceptedTime = end;
                if (tempered && end == settled) {
                    // the kink of β: a fresh start, from which β = 1 (a rounded landing short of tau takes one tiny step more)
                    integrator.start(end, accepted);
                }
            }
        } catch (NonFiniteVelocity | DormandPrince853.StepFailure | MathRuntimeException e) {
            String message = e instanceof NonFiniteVelocity ? e.getMessage() + " in the step from t=" + acceptedTime
                : e.getMessage();
            return new Run(State.of(accepted), acceptedTime, false, plateau.total(acceptedTime),
                integrator.evaluations(), message);
        }
    }

    /** The output time after {@code t}: multiples of {@code every}, without accumulating rounding. */
    private static double next(double t, double every) {
        return (Math.rint(t / every) + 1) * every;
    }

    private static double lastOutput(double nextOutput, double every) {
        return Double.isFinite(every) ? nextOutput - every : 0;
    }

    /**
     * The model's velocity at {@code β(t)}, refusing a non-finite one so that the integrator stops instead of
     * shrinking its step.
     */
    private static DormandPrince853.Rhs checkedDerivative(ReducedModel model, Anneal anneal) {
        return (t, y, dy) -> {
            model.derivative(anneal.beta(t), y, dy);
            for (double v : dy) {
                if (!Double.isFinite(v)) {
                    throw new NonFiniteVelocity(y);
                }
            }
        };
    }

    /**
     * The last accepted step: exact at its ends, the cheap cubic Hermite interpolant of the end values
     * to look for sign changes inside it, the dense output (interpolated on first use) to locate them.
     */
    private static final class Step {
        private final DormandPrince853 integrator;
        final double start;
        final double end;
        private ODEStateInterpolator dense;

        Step(DormandPrince853 integrator) {
            this.integrator = integrator;
            this.start = integrator.previousTime();
            this.end = integrator.time();
        }

        private ODEStateAndDerivative dense(double t) {
            if (dense == null) {
                dense = integrator.interpolator();
            }
            return dense.getInterpolatedState(t);
        }

        State state(double t) {
            return t == end ? State.of(integrator.state()) : State.of(dense(t).getCompleteState());
        }

        /**
         * Where {@code g}, which changes sign between the exact or sampled values at {@code a} and
         * {@code b}, does so on the dense output; {@code b} if the dense output does not bracket it (a
         * crossing at the noise floor).
         */
        double crossing(ToDoubleFunction<ODEStateAndDerivative> g, double a, double b, double timeAccuracy,
                        double valueAccuracy, AllowedSolution side) {
            UnivariateFunction onDense = t -> g.applyAsDouble(dense(t));
            if ((onDense.value(a) > 0) == (onDense.value(b) > 0)) {
                return b;
            }
            return new BracketingNthOrderBrentSolver(1e-9, timeAccuracy, valueAccuracy, 5).solve(200, onDense, a, b, side);
        }

        /** Toggles the clock at each entry to or exit from the plateau in {@code (start, until]}. */
        void plateau(PlateauClock clock, double plateauCos, double until) {
            int looks = Math.max(1, (int) Math.ceil((until - start) / EVENT_CHECK));
            double[] y0 = integrator.previousState();
            double before = State.plateauMargin(y0[0], y0[1], plateauCos);
            double tBefore = start;
            for (int i = 1; i <= looks; i++) {
                double t = i == looks ? until : start + i * (until - start) / looks;
                double margin = i == looks && until == end
                    ? State.plateauMargin(integrator.state()[0], integrator.state()[1], plateauCos)
                    : State.plateauMargin(hermite(t, 0), hermite(t, 1), plateauCos);
                if ((before > 0) != (margin > 0)) {
                    clock.toggle(crossing(s -> State.of(s.getCompleteState()).plateauMargin(plateauCos), tBefore, t,
                        PLATEAU_TIME_ACCURACY, 1e-15, AllowedSolution.ANY_SIDE), margin > 0);
                }
                before = margin;
                tBefore = t;
            }
        }

        /** Component {@code j} of the cubic Hermite interpolant of the step's end states and derivatives at {@code t}. */
        private double hermite(double t, int j) {
            double h = end - start;
            double theta = (t - start) / h;
            double theta2 = theta * theta;
            double h00 = 2 * theta2 * theta - 3 * theta2 + 1;
            double h10 = theta2 * theta - 2 * theta2 + theta;
            double h01 = -2 * theta2 * theta + 3 * theta2;
            double h11 = theta2 * theta - theta2;
            return h00 * integrator.previousState()[j] + h * h10 * integrator.previousDerivative()[j]
                + h01 * integrator.state()[j] + h * h11 * integrator.derivative()[j];
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
        return "flow(tMax=" + tMax + ", rtol=" + rtol + ", tol=" + convergenceTol + anneal.describeSuffix() + ")";
    }

    @Override
    public String type() {
        return "flow";
    }

    /** Its cost counts right-hand-side evaluations. */
    @Override
    public String costName() {
        return "rhsEvals";
    }

    /** Raised from the right-hand side so that the integrator stops instead of shrinking its step. */
    static final class NonFiniteVelocity extends RuntimeException {
        NonFiniteVelocity(double[] y) {
            super("non-finite velocity at state " + Arrays.toString(y));
        }
    }
}
