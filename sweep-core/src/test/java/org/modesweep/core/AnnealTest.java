package org.modesweep.core;

import org.modesweep.core.anneal.Anneal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.modesweep.core.realnvp.FlowRecorder;

/** Annealing (THEORY.md §9): the schedules, and the annealed flow and gd against independent integrations. */
class AnnealTest {

    private static final double W_STAR = 2.0 / 3;

    @Test
    void schedulesRiseFromBeta0ToOneAtTauAndStayThere() {
        Anneal linear = new Anneal(Anneal.Schedule.LINEAR, 0.2, 40);
        Anneal geometric = new Anneal(Anneal.Schedule.GEOMETRIC, 0.04, 40);
        assertEquals(0.2, linear.beta(0), 1e-15);
        assertEquals(0.6, linear.beta(20), 1e-15);
        assertEquals(0.04, geometric.beta(0), 1e-15);
        // halfway the temperature is the geometric mean of 1/β0 and 1
        assertEquals(0.2, geometric.beta(20), 1e-15);
        assertEquals(0.04 * Math.pow(25, 0.25), geometric.beta(10), 1e-15);
        for (Anneal a : new Anneal[] {linear, geometric, Anneal.NONE}) {
            assertEquals(1.0, a.beta(40), 0);
            assertEquals(1.0, a.beta(1e6), 0);
            assertEquals(1.0, a.beta(40 * (1 - 1e-12)), 1e-10, "continuous at tau");
        }
        assertEquals(1.0, Anneal.NONE.beta(0), 0);
        assertEquals(1.0, new Anneal(Anneal.Schedule.GEOMETRIC, 1, 5).beta(2), 0);
    }

    @Test
    void rulesOnBeta0AndTauNameTheParameter() {
        assertNull(Anneal.beta0Problem(1));
        assertNotNull(Anneal.beta0Problem(0));
        assertNotNull(Anneal.beta0Problem(1.5));
        assertNotNull(Anneal.beta0Problem(Double.NaN));
        assertNotNull(Anneal.tauProblem(0));
        assertNotNull(Anneal.tauProblem(Double.POSITIVE_INFINITY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Anneal(Anneal.Schedule.LINEAR, -0.1, 10));
        assertTrue(e.getMessage().startsWith("anneal.beta0 "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Flow(50, 1e-9, 1e-8,
            new Anneal(Anneal.Schedule.LINEAR, 0.1, 60)));
        assertTrue(e.getMessage().startsWith("anneal.tau "), e.getMessage());
        assertEquals(Anneal.Schedule.GEOMETRIC, Anneal.Schedule.parse(" Geometric"));
        assertNull(Anneal.Schedule.parse("none"));
    }

    /** {@code beta0 = 1} anneals nothing: flow and gd take exactly the steps they take without the key. */
    @Test
    void beta0OneIsBitForBitNoAnnealing() {
        for (Weights weights : Weights.values()) {
            Problem problem = new Problem(2.5, 100, W_STAR, weights);
            ReducedModel model = new ReducedModel(problem);
            State y0 = DynamicsTest.start(problem, 4);
            Anneal flat = new Anneal(Anneal.Schedule.GEOMETRIC, 1, 30);
            assertSameRun(new Flow(200, 1e-9, 1e-8), new Flow(200, 1e-9, 1e-8, flat), model, y0);
            assertSameRun(new GradientDescent(0.05, 200, 1e-8), new GradientDescent(0.05, 200, 1e-8, flat), model, y0);
        }
        RealNvpDynamics plain = new RealNvpDynamics(2, 4, 5e-3, 16, 30, 64, 2, 0.25, 0.1);
        RealNvpDynamics flat = new RealNvpDynamics(2, 4, 5e-3, 16, 30, 64, 2, 0.25, 0.1, 0,
            new Anneal(Anneal.Schedule.LINEAR, 1, 10));
        assertEquals(plain.trajectory(2.5, 2, W_STAR, 3, FlowRecorder.NONE), flat.trajectory(2.5, 2, W_STAR, 3, FlowRecorder.NONE));
    }

    private static void assertSameRun(ReducedDynamics a, ReducedDynamics b, ReducedModel model, State y0) {
        DynamicsTest.Samples sa = new DynamicsTest.Samples(1);
        DynamicsTest.Samples sb = new DynamicsTest.Samples(1);
        Run ra = a.run(model, y0, 0.5, new SplittableRandom(0), sa);
        Run rb = b.run(model, y0, 0.5, new SplittableRandom(0), sb);
        assertEquals(ra, rb, a.describe());
        assertEquals(sa.rows.size(), sb.rows.size());
        for (int i = 0; i < sa.rows.size(); i++) {
            assertArrayEquals(sa.rows.get(i), sb.rows.get(i), a.describe() + " row " + i);
        }
    }

    /** An annealed problem from a sphere start: both schedules, both weight modes. */
    private record Case(ReducedModel model, Anneal anneal, State y0, String label) {
        static List<Case> all(double R, long d, double beta0, double tau, long seed) {
            List<Case> cases = new ArrayList<>();
            for (Anneal.Schedule schedule : new Anneal.Schedule[] {Anneal.Schedule.LINEAR, Anneal.Schedule.GEOMETRIC}) {
                for (Weights weights : Weights.values()) {
                    Problem problem = new Problem(R, d, W_STAR, weights);
                    cases.add(new Case(new ReducedModel(problem), new Anneal(schedule, beta0, tau),
                        DynamicsTest.start(problem, seed), schedule + " " + weights));
                }
            }
            return cases;
        }
    }

    /** The annealed flow against Hipparchus at rtol 1e-13, integrated in two pieces split at tau. */
    @Test
    void annealedFlowFollowsATightIntegrationAcrossTheKink() {
        for (Case c : Case.all(3, 1000, 0.05, 20, 8)) {
            DynamicsTest.Samples samples = new DynamicsTest.Samples(5);
            new Flow(40, 1e-10, 1e-12, c.anneal()).run(c.model(), c.y0(), 0.5, new SplittableRandom(0), samples);
            OrdinaryDifferentialEquation ode = DormandPrince853Test.ode((t, y, dy) -> c.model().derivative(c.anneal().beta(t), y, dy));
            DormandPrince853Integrator tight = new DormandPrince853Integrator(1e-14, 1, 1e-14, 1e-13);
            ODEState start = new ODEState(0, c.y0().toArray());
            ODEState atTau = tight.integrate(ode, start, 20);
            for (double t : new double[] {10, 20, 25, 40}) {
                State expected = State.of(tight.integrate(ode, t <= 20 ? start : atTau, t).getCompleteState());
                State actual = samples.at(t);
                assertTrue(actual.maxAbsDifference(expected, 1) < 1e-7, c.label() + " t=" + t + ": " + actual + " vs " + expected);
            }
        }
    }

    /** gd with β at each step's start is a first-order scheme for the annealed flow: halving η halves the error. */
    @Test
    void annealedGradientDescentApproachesTheAnnealedFlowAtFirstOrder() {
        for (Case c : Case.all(2.5, 50, 0.1, 8, 21)) {
            State flow = DynamicsTest.runTo(new Flow(10, 1e-10, 1e-12, c.anneal()), c.model(), c.y0(), 10, 0);
            double coarse = DynamicsTest.runTo(new GradientDescent(0.02, 10, 1e-12, c.anneal()), c.model(), c.y0(), 10, 0)
                .maxAbsDifference(flow, 1);
            double fine = DynamicsTest.runTo(new GradientDescent(0.01, 10, 1e-12, c.anneal()), c.model(), c.y0(), 10, 0)
                .maxAbsDifference(flow, 1);
            State plain = DynamicsTest.runTo(new Flow(10, 1e-10, 1e-12), c.model(), c.y0(), 10, 0);
            assertTrue(plain.maxAbsDifference(flow, 1) > 20 * fine, c.label() + ": annealing must matter here");
            assertEquals(0.5, fine / coarse, 0.1, c.label() + ": error ratio when halving eta (" + fine + ")");
        }
    }

    /**
     * {@code q = p} is stationary for the untempered flow but not for the tempered one: annealed, the flow leaves
     * it, may not stop before tau, and comes back after.
     */
    @Test
    void annealedFlowDoesNotStopBeforeTau() {
        Problem problem = new Problem(2.5, 10, W_STAR, Weights.FIXED);
        ReducedModel model = new ReducedModel(problem);
        State target = new State(1, -1, 1, 1, -1, problem.targetLogit());
        Run plain = new Flow(400, 1e-9, 1e-8).run(model, target, 0.5, new SplittableRandom(0), Recorder.NONE);
        assertTrue(plain.converged() && plain.tFinal() == 0, "q = p is a fixed point: " + plain);
        DynamicsTest.Samples samples = new DynamicsTest.Samples(15);
        Run annealed = new Flow(400, 1e-9, 1e-8, new Anneal(Anneal.Schedule.LINEAR, 0.3, 30))
            .run(model, target, 0.5, new SplittableRandom(0), samples);
        assertTrue(annealed.converged() && annealed.tFinal() > 30, annealed.toString());
        assertTrue(samples.at(15).maxAbsDifference(target, 1) > 0.01, "tempered, q = p moves: " + samples.at(15));
        assertTrue(annealed.end().maxAbsDifference(target, 1) < 1e-6, "back at q = p: " + annealed.end());
        // a slow schedule and a loose tolerance: the tempered state creeps under the tolerance long before tau
        Anneal slow = new Anneal(Anneal.Schedule.LINEAR, 0.3, 300);
        for (ReducedDynamics d : new ReducedDynamics[] {new Flow(400, 1e-9, 1e-2, slow), new GradientDescent(0.1, 400, 1e-2, slow)}) {
            Run run = d.run(model, target, 0.5, new SplittableRandom(0), Recorder.NONE);
            assertTrue(run.converged() && run.tFinal() >= 300, d.describe() + ": " + run);
        }
    }
}
