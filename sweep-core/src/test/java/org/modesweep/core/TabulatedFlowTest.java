package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole trajectories of the flow on the table against the same trajectories on the quadrature: the
 * cheaper expectations must not change a result a sweep reports.
 */
class TabulatedFlowTest {

    @Test
    void tableAndQuadratureGiveTheSameOutcomesAndEndStates() {
        Flow flow = new Flow(400, 1e-9, 1e-8);
        int runs = 0;
        double worstState = 0;
        for (Weights weights : Weights.values()) {
            for (double R : new double[] {1.5, 2.5, 3.5}) {
                for (long d : new long[] {10, 1000}) {
                    Problem problem = new Problem(R, d, 2.0 / 3, weights);
                    for (long seed = 0; seed < 12; seed++) {
                        State drawn = new InitialCondition.Sphere(null).overlaps(problem, new SplittableRandom(seed));
                        ReducedModel table = new ReducedModel(problem, ReducedModel.Expectations.TABLE);
                        ReducedModel quadrature = new ReducedModel(problem, ReducedModel.Expectations.QUADRATURE);
                        State start = new State(drawn.m1(), drawn.m2(), drawn.q11(), drawn.q22(), drawn.q12(),
                            table.initialLogit(0));
                        Run a = flow.run(table, start, 0.5, null, Recorder.NONE);
                        Run b = flow.run(quadrature, start, 0.5, null, Recorder.NONE);
                        String where = weights + " R=" + R + " d=" + d + " seed " + seed;
                        Classification ca = Classification.of(a.end(), table.kl(a.end()), a.converged(), a.error(), Thresholds.DEFAULT,
                            flow.coverageRule(), table.problem().wStar());
                        Classification cb = Classification.of(b.end(), quadrature.kl(b.end()), b.converged(), b.error(),
                            Thresholds.DEFAULT, flow.coverageRule(), table.problem().wStar());
                        assertEquals(cb.outcome(), ca.outcome(), where);
                        assertEquals(b.converged(), a.converged(), where);
                        // where max|dy/dt| creeps under the tolerance its crossing is ill-conditioned: a 1e-14
                        // change moves the stop by a few steps, while the state has stopped moving
                        assertEquals(b.tFinal(), a.tFinal(), 0.02 * b.tFinal(), where + ": end time");
                        // a plateau that lasts to the end moves with the stop time, which the noise floor of
                        // max|dy/dt| near the tolerance decides
                        assertEquals(b.plateauTime(), a.plateauTime(),
                            Math.abs(a.tFinal() - b.tFinal()) + 1e-6 * (1 + b.plateauTime()), where + ": plateau time");
                        assertEquals(quadrature.kl(b.end()), table.kl(b.end()), 1e-11, where + ": KL");
                        worstState = Math.max(worstState, a.end().maxAbsDifference(b.end(), 1));
                        runs++;
                    }
                }
            }
        }
        assertEquals(144, runs);
        assertTrue(worstState < 1e-7, "end states differ by up to " + worstState);
    }
}
