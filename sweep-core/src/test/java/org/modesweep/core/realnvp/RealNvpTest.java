package org.modesweep.core.realnvp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The network against independent numerical derivatives: parameter gradient, inverse and log-determinant. */
class RealNvpTest {

    /** Parameters with every weight non-zero (the training start has zero output layers, which would hide paths). */
    private static double[] randomParameters(RealNvp flow, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[flow.size()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.4 * rng.nextGaussian();
        }
        return theta;
    }

    private static double[][] samples(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] z = new double[n][d];
        for (double[] row : z) {
            FlowTraining.gaussian(rng, row);
        }
        return z;
    }

    /** The KL ({@code β = 1}) and the tempered loss of annealing ({@code β = 0.3}, THEORY.md §9). */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 32})
    void klGradientMatchesCentralDifferencesInEveryParameter(int d) {
        RealNvp flow = new RealNvp(d, 4, 6, 2.0);
        FlowTraining training = new FlowTraining(flow, new BimodalTarget(2.5, 1.0 / 3), 1e-3, 1, 1, 7);
        double[] theta = randomParameters(flow, 11 + d);
        double[][] z = samples(5, d, 3);
        for (double beta : new double[] {1, 0.3}) {
            double[] grad = new double[flow.size()];
            training.klGradient(theta, z, grad, beta);
            double[] scratch = new double[flow.size()];
            double h = 1e-5;
            double worst = 0;
            for (int i = 0; i < theta.length; i++) {
                double keep = theta[i];
                theta[i] = keep + h;
                double plus = training.klGradient(theta, z, scratch, beta);
                theta[i] = keep - h;
                double minus = training.klGradient(theta, z, scratch, beta);
                theta[i] = keep;
                double fd = (plus - minus) / (2 * h);
                worst = Math.max(worst, Math.abs(grad[i] - fd) / (1e-4 + Math.abs(fd)));
            }
            assertTrue(worst < 1e-5, "beta " + beta + ": worst relative gradient error " + worst + " over "
                + theta.length + " parameters");
        }
    }

    /**
     * At the identity start ({@code f(z) = z}, {@code log|det| = 0}) the tempered loss is
     * {@code mean_i [log N(z_i) − β log p(z_i)]}, written out here with the mixture's densities.
     */
    @Test
    void temperedLossAtTheIdentityStartIsTheSampleMeanOfLogQMinusBetaLogP() {
        int d = 3;
        double R = 2.5;
        double wStar = 1.0 / 3;
        RealNvp flow = new RealNvp(d, 4, 6, 2.0);
        FlowTraining training = new FlowTraining(flow, new BimodalTarget(R, wStar), 1e-3, 1, 1, 7);
        double[] identity = flow.initialParameters(new SplittableRandom(1), 0);
        double[][] z = samples(7, d, 4);
        double beta = 0.2;
        double expected = 0;
        for (double[] x : z) {
            double near = 0;
            double far = 0;
            double norm = 0;
            for (int k = 0; k < d; k++) {
                double star = k == 0 ? R : 0;
                near += (x[k] - star) * (x[k] - star);
                far += (x[k] + star) * (x[k] + star);
                norm += x[k] * x[k];
            }
            // both sides without the common −(d/2) ln 2π
            double logP = Math.log(wStar * Math.exp(-0.5 * near) + (1 - wStar) * Math.exp(-0.5 * far));
            expected += (-0.5 * norm - beta * logP) / z.length;
        }
        assertEquals(expected, training.klGradient(identity, z, new double[flow.size()], beta), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 32})
    void inverseUndoesForwardWithTheSameLogDeterminant(int d) {
        RealNvp flow = new RealNvp(d, 5, 8, 1.5);
        double[] theta = randomParameters(flow, d);
        RealNvp.Workspace ws = flow.workspace();
        double[] x = new double[d];
        double[] back = new double[d];
        for (double[] z : samples(20, d, 5)) {
            double logDet = flow.forward(theta, z, x, ws);
            double inverseLogDet = flow.inverse(theta, x, back, ws);
            assertArrayEquals(z, back, 1e-10);
            assertEquals(logDet, inverseLogDet, 1e-10);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 6, 32})
    void logDeterminantMatchesTheNumericalJacobian(int d) {
        RealNvp flow = new RealNvp(d, 4, 8, 2.0);
        double[] theta = randomParameters(flow, 100 + d);
        RealNvp.Workspace ws = flow.workspace();
        double h = 1e-5;
        for (double[] z : samples(5, d, 9)) {
            double logDet = flow.forward(theta, z, new double[d], ws);
            double[][] jacobian = new double[d][d];
            double[] xp = new double[d];
            double[] xm = new double[d];
            for (int j = 0; j < d; j++) {
                double[] zp = z.clone();
                double[] zm = z.clone();
                zp[j] += h;
                zm[j] -= h;
                flow.forward(theta, zp, xp, ws);
                flow.forward(theta, zm, xm, ws);
                for (int i = 0; i < d; i++) {
                    jacobian[i][j] = (xp[i] - xm[i]) / (2 * h);
                }
            }
            double det = new LUDecomposition(MatrixUtils.createRealMatrix(jacobian)).getDeterminant();
            assertEquals(Math.log(Math.abs(det)), logDet, 1e-7);
        }
    }

    @Test
    void targetGradientMatchesCentralDifferences() {
        BimodalTarget target = new BimodalTarget(3.1, 0.3);
        double[] x = {0.4, -1.2, 0.7};
        double[] grad = new double[3];
        target.logDensity(x, grad);
        for (int i = 0; i < 3; i++) {
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += 1e-6;
            m[i] -= 1e-6;
            assertEquals((target.logDensity(p, null) - target.logDensity(m, null)) / 2e-6, grad[i], 1e-7);
        }
        // Against the mixture written out: w* e^{−|x−μ*|²/2} + (1 − w*) e^{−|x+μ*|²/2}.
        double plus = Math.pow(x[0] - 3.1, 2) + x[1] * x[1] + x[2] * x[2];
        double minus = Math.pow(x[0] + 3.1, 2) + x[1] * x[1] + x[2] * x[2];
        assertEquals(Math.log(0.3 * Math.exp(-plus / 2) + 0.7 * Math.exp(-minus / 2)), target.logDensity(x, null), 1e-12);
    }

    /** The change of variables done right integrates to one (midpoint rule over [-10, 10]²). */
    @Test
    void densityIntegratesToOne() {
        RealNvp flow = new RealNvp(2, 4, 6, 1.0);
        double[] theta = randomParameters(flow, 21);
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= 0.5;
        }
        RealNvp.Workspace ws = flow.workspace();
        double h = 0.04;
        double sum = 0;
        double[] x = new double[2];
        double[] z = new double[2];
        for (double a = -10 + h / 2; a < 10; a += h) {
            for (double b = -10 + h / 2; b < 10; b += h) {
                x[0] = a;
                x[1] = b;
                sum += Math.exp(flow.logDensity(theta, x, z, ws)) * h * h;
            }
        }
        assertEquals(1.0, sum, 1e-3);
    }

    @Test
    void identityStartIsTheBaseDistribution() {
        RealNvp flow = new RealNvp(3, 4, 8, 2.0);
        double[] theta = flow.initialParameters(new SplittableRandom(1));
        double[] z = {0.3, -1.0, 2.0};
        double[] x = new double[3];
        assertEquals(0.0, flow.forward(theta, z, x, flow.workspace()));
        assertArrayEquals(z, x);
    }

    /** initScale 0 is the identity start: the same parameters as before the option, and log q is the standard normal's. */
    @Test
    void initScaleZeroIsTheStandardNormal() {
        RealNvp flow = new RealNvp(3, 4, 8, 2.0);
        double[] theta = flow.initialParameters(new SplittableRandom(1), 0);
        assertArrayEquals(flow.initialParameters(new SplittableRandom(1)), theta);
        RealNvp.Workspace ws = flow.workspace();
        double[] z = new double[3];
        for (double[] x : samples(50, 3, 2)) {
            double r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
            assertEquals(-0.5 * r2 - 1.5 * Math.log(2 * Math.PI), flow.logDensity(theta, x, z, ws), 1e-12);
        }
    }

    /**
     * initScale > 0 keeps the seed's hidden weights and fills exactly the output layers (per layer
     * 2|B| (width + 1) weights and biases of log-scale and shift), uniformly within ±initScale, so the
     * start is no longer the standard normal.
     */
    @Test
    void positiveInitScaleDrawsOnlyTheOutputLayersWithinTheScale() {
        RealNvp flow = new RealNvp(3, 4, 8, 2.0);
        double[] identity = flow.initialParameters(new SplittableRandom(1), 0);
        double[] theta = flow.initialParameters(new SplittableRandom(1), 0.3);
        int changed = 0;
        double largest = 0;
        for (int i = 0; i < theta.length; i++) {
            if (identity[i] != 0) {
                assertEquals(identity[i], theta[i], "hidden weight " + i);
            } else if (theta[i] != 0) {
                changed++;
                assertTrue(Math.abs(theta[i]) <= 0.3, "output parameter " + theta[i]);
                largest = Math.max(largest, Math.abs(theta[i]));
            }
        }
        // d = 3: even layers move one coordinate (2·1·9 = 18), odd layers two (2·2·9 = 36).
        assertEquals(2 * 18 + 2 * 36, changed);
        assertTrue(largest > 0.27, "draws fill the range, largest " + largest);
        RealNvp.Workspace ws = flow.workspace();
        double[] x = {0.3, -1.0, 2.0};
        double[] z = new double[3];
        double standard = -0.5 * (0.09 + 1 + 4) - 1.5 * Math.log(2 * Math.PI);
        assertTrue(Math.abs(flow.logDensity(theta, x, z, ws) - standard) > 1e-3);
        assertThrows(IllegalArgumentException.class, () -> flow.initialParameters(new SplittableRandom(1), -0.1));
        assertThrows(IllegalArgumentException.class, () -> flow.initialParameters(new SplittableRandom(1), Double.NaN));
    }

    @Test
    void rejectsTooFewDimensionsOrLayers() {
        assertThrows(IllegalArgumentException.class, () -> new RealNvp(1, 4, 8, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new RealNvp(2, 1, 8, 2.0));
    }
}
