package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;

/** The lean stepper against Hipparchus's DormandPrince853Integrator, and its dense output against a tight reference. */
class DormandPrince853Test {

    private static final double W_STAR = 2.0 / 3;

    private static double[] start(Problem problem, long seed) {
        State y = new InitialCondition.Sphere(null).overlaps(problem, new SplittableRandom(seed));
        return new State(y.m1(), y.m2(), y.q11(), y.q22(), y.q12(), problem.trainable() ? 0.3 : problem.targetLogit())
            .toArray();
    }

    /** The untempered reduced flow. */
    private static DormandPrince853.Rhs rhs(ReducedModel model) {
        return (t, y, dy) -> model.derivative(1, y, dy);
    }

    static OrdinaryDifferentialEquation ode(DormandPrince853.Rhs rhs) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return State.DIMENSION;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[State.DIMENSION];
                rhs.derivative(t, y, dy);
                return dy;
            }
        };
    }

    @Test
    void takesHipparchusStepsAndLandsOnItsStates() {
        for (Weights weights : Weights.values()) {
            for (long seed = 0; seed < 4; seed++) {
                Problem problem = new Problem(2.5, 1000, W_STAR, weights);
                sameStepsAsHipparchus(rhs(new ReducedModel(problem)), start(problem, seed), 120, weights + " seed " + seed);
            }
        }
    }

    /** A time-dependent system: the tempered flow with β rising linearly (stage times enter through β(t)). */
    @Test
    void takesHipparchusStepsOnATimeDependentSystem() {
        for (Weights weights : Weights.values()) {
            Problem problem = new Problem(3, 1000, W_STAR, weights);
            ReducedModel model = new ReducedModel(problem);
            Anneal anneal = new Anneal(Anneal.Schedule.LINEAR, 0.05, 100);
            sameStepsAsHipparchus((t, y, dy) -> model.derivative(anneal.beta(t), y, dy), start(problem, 3), 90,
                "annealed " + weights);
        }
    }

    private static void sameStepsAsHipparchus(DormandPrince853.Rhs rhs, double[] y0, double tEnd, String label) {
        DormandPrince853Integrator reference = new DormandPrince853Integrator(1e-14, 5, 1e-10, 1e-9);
        List<double[]> referenceSteps = new ArrayList<>();
        reference.addStepHandler(s -> {
            ODEStateAndDerivative end = s.getCurrentState();
            double[] row = new double[State.DIMENSION + 1];
            row[0] = end.getTime();
            System.arraycopy(end.getCompleteState(), 0, row, 1, State.DIMENSION);
            referenceSteps.add(row);
        });
        reference.integrate(ode(rhs), new ODEState(0, y0), tEnd);

        DormandPrince853 lean = new DormandPrince853(rhs, State.DIMENSION, 1e-14, 5, 1e-10, 1e-9, 1_000_000);
        lean.start(0, y0);
        int steps = 0;
        while (lean.time() < tEnd) {
            lean.step(tEnd);
            double[] expected = referenceSteps.get(steps++);
            assertEquals(expected[0], lean.time(), 1e-12 * tEnd, label + ": step " + steps + " ends");
            for (int j = 0; j < State.DIMENSION; j++) {
                assertEquals(expected[j + 1], lean.state()[j], 1e-12, label + " step " + steps);
            }
        }
        assertEquals(referenceSteps.size(), steps, label + ": number of steps");
        // Hipparchus evaluates 15 stages per attempt, this 11 per attempt and 1 per accepted step
        assertTrue(lean.evaluations() < 0.85 * reference.getEvaluations(),
            lean.evaluations() + " vs " + reference.getEvaluations() + " evaluations");
    }

    @Test
    void denseOutputIsAccurateInsideLongSteps() {
        Problem problem = new Problem(2.5, 1000, W_STAR, Weights.TRAINABLE);
        ReducedModel model = new ReducedModel(problem);
        double[] y0 = start(problem, 7);
        DormandPrince853 lean = new DormandPrince853(rhs(model), State.DIMENSION, 1e-14, 5, 1e-10, 1e-9, 1_000_000);
        lean.start(0, y0);
        double worst = 0;
        int checked = 0;
        while (lean.time() < 100) {
            lean.step(100);
            ODEStateInterpolator dense = lean.interpolator();
            for (double theta : new double[] {0.17, 0.5, 0.83}) {
                double t = lean.previousTime() + theta * (lean.time() - lean.previousTime());
                double[] expected = tight(model, y0, t);
                double[] actual = dense.getInterpolatedState(t).getCompleteState();
                for (int j = 0; j < State.DIMENSION; j++) {
                    worst = Math.max(worst, Math.abs(expected[j] - actual[j]));
                }
                checked++;
            }
        }
        assertTrue(checked > 30, checked + " points");
        assertTrue(worst < 1e-7, "dense output off by " + worst);
    }

    /** The state at {@code t} by Hipparchus at rtol 1e-13, ending exactly at {@code t}. */
    private static double[] tight(ReducedModel model, double[] y0, double t) {
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14, 1, 1e-14, 1e-13);
        return integrator.integrate(ode(rhs(model)), new ODEState(0, y0), t).getCompleteState();
    }

    @Test
    void aStepThatCannotMeetTheToleranceFailsClearly() {
        // dy/dt = 1/(1 − t)^2 blows up at t = 1 (autonomous form: y' = y², y(0) = 1)
        DormandPrince853 blowUp = new DormandPrince853((t, y, dy) -> dy[0] = y[0] * y[0], 1, 1e-10, 1, 1e-12, 1e-10, 1_000_000);
        blowUp.start(0, new double[] {1});
        DormandPrince853.StepFailure failure = assertThrows(DormandPrince853.StepFailure.class, () -> {
            while (blowUp.time() < 2) {
                blowUp.step(2);
            }
        });
        assertTrue(blowUp.time() < 1 && blowUp.time() > 0.99, "stopped at t=" + blowUp.time());
        assertTrue(failure.getMessage().contains("step size"), failure.getMessage());
    }
}
