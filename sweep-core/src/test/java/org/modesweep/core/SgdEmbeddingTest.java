package org.modesweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sgd start: vectors in R^d with exactly the drawn overlaps, in as few dimensions as they span (both engines). */
class SgdEmbeddingTest {

    @Test
    void randomStartsInOneAndTwoDimensionsFitTheirDimension() {
        SplittableRandom rng = new SplittableRandom(20261201);
        for (int d = 1; d <= 2; d++) {
            for (InitialCondition init : new InitialCondition[] {new InitialCondition.Sphere(null),
                new InitialCondition.Gaussian(1.0)}) {
                for (int i = 0; i < 3000; i++) {
                    double r = 1.5 + 4.5 * rng.nextDouble();
                    Problem problem = new Problem(r, d, 2.0 / 3, Weights.TRAINABLE);
                    State y = init.overlaps(problem, rng);
                    double[][] mu;
                    try {
                        new OverlapChain(problem, y, 0.05, 1, rng);
                        mu = VectorSgd.embed(y, d, r);
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError(init.describe() + " d=" + d + " R=" + r + " " + y, e);
                    }
                    State back = State.ofMeans(mu[0], mu[1], r, y.a());
                    String where = init.describe() + ", d = " + d + ", start " + i;
                    assertEquals(y.m1(), back.m1(), 1e-9, where);
                    assertEquals(y.m2(), back.m2(), 1e-9, where);
                    assertEquals(y.q11(), back.q11(), 1e-9 * y.q11(), where);
                    assertEquals(y.q22(), back.q22(), 1e-9 * y.q22(), where);
                    assertEquals(y.q12(), back.q12(), 1e-9 * Math.max(y.q11(), y.q22()), where);
                }
            }
        }
    }

    @Test
    void aStartThatSpansThreeDimensionsIsRefusedInTwo() {
        State y = new InitialCondition.Explicit(0.5, 0.2, 0.1, null)
            .overlaps(new Problem(2.5, 3, 2.0 / 3, Weights.FIXED), null);
        VectorSgd.embed(y, 3, 2.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> VectorSgd.embed(y, 2, 2.5));
        assertEquals("the start's overlaps need 3 dimensions, but d = 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorSgd.embed(y, 1, 2.5));
    }
}
