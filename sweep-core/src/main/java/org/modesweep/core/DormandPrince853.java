package org.modesweep.core;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince853StateInterpolator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.util.FastMath;

/**
 * Dormand–Prince 8(5,3) stepping: the tableau of Hipparchus's
 * {@link DormandPrince853Integrator}, its error estimate and its step-size control, so it takes the same
 * steps, but at a fraction of its cost per step for a six-dimensional system whose right-hand side
 * costs about 0.1 µs. It allocates nothing per step, and it leaves out what a step needs only when it
 * is interpolated: Hipparchus evaluates all 15 new stages of every attempt (the last three exist for
 * the dense output), this evaluates 11 per attempt, the first-same-as-last stage once the step is
 * accepted, and the three interpolation stages only for a step that is interpolated
 * ({@link #interpolator()}, Hipparchus's {@link DormandPrince853StateInterpolator}). Events and output
 * are the caller's: it steps, the caller looks at the step.
 */
final class DormandPrince853 {

    /** {@code dy/dt = f(t, y)} into {@code dy}. */
    interface Rhs {
        void derivative(double t, double[] y, double[] dy);
    }

    /** Raised when the step size falls under the minimum or the evaluation budget is spent. */
    static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }

    private static final int ORDER = 8;
    /** Stages of a step: 12 for the solution (the 13th, index 12, is the next step's first), 3 for the dense output. */
    private static final int STAGES = 16;
    private static final int SOLUTION_STAGES = 12;
    private static final double SAFETY = 0.9;
    private static final double MIN_REDUCTION = 0.2;
    private static final double MAX_GROWTH = 10.0;
    private static final double EXPONENT = -1.0 / ORDER;
    /** Butcher tableau, from Hipparchus (rows {@code A[k − 1]} give stage {@code k}). */
    private static final double[][] A;
    private static final double[] B;
    private static final double[] C;
    /**
     * The two embedded error estimators of DOP853 (Hairer, Nørsett and Wanner, Solving Ordinary
     * Differential Equations I, §II.10; the coefficients Hipparchus uses), on stages 0 and 5–11.
     */
    private static final int[] ERROR_STAGES = {0, 5, 6, 7, 8, 9, 10, 11};
    private static final double[] E1 = {116092271.0 / 8848465920.0, -1871647.0 / 1527680.0,
        -69799717.0 / 140793660.0, 1230164450203.0 / 739113984000.0, -1980813971228885.0 / 5654156025964544.0,
        464500805.0 / 1389975552.0, 1606764981773.0 / 19613062656000.0, -137909.0 / 6168960.0};
    private static final double[] E2 = {-364463.0 / 1920240.0, 3399327.0 / 763840.0, 66578432.0 / 35198415.0,
        -1674902723.0 / 288716400.0, -74684743568175.0 / 176692375811392.0, -734375.0 / 4826304.0,
        171414593.0 / 851261400.0, 69869.0 / 3084480.0};

    static {
        DormandPrince853Integrator tableau = new DormandPrince853Integrator(1, 1, 1, 1);
        A = tableau.getA();
        B = tableau.getB();
        C = tableau.getC();
    }

    private final Rhs rhs;
    private final int n;
    private final double minStep;
    private final double maxStep;
    private final double atol;
    private final double rtol;
    private final long maxEvaluations;
    private final double[][] k;
    private final double[] stage;
    private double[] y0;
    private double[] y1;
    private double t0;
    private double t1;
    private double hNext;
    private boolean denseStages;
    private long evaluations;

    DormandPrince853(Rhs rhs, int n, double minStep, double maxStep, double atol, double rtol, long maxEvaluations) {
        this.rhs = rhs;
        this.n = n;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.atol = atol;
        this.rtol = rtol;
        this.maxEvaluations = maxEvaluations;
        this.k = new double[STAGES][n];
        this.stage = new double[n];
        this.y0 = new double[n];
        this.y1 = new double[n];
    }

    /** Starts at {@code (t, y)}: evaluates {@code f(y)} and chooses the first step as Hipparchus does. */
    void start(double t, double[] y) {
        System.arraycopy(y, 0, y1, 0, n);
        t1 = t;
        t0 = t;
        evaluate(t, y1, k[SOLUTION_STAGES]);
        hNext = initialStep();
    }

    /** The time, state and derivative at the end of the last step (or at the start). */
    double time() {
        return t1;
    }

    double[] state() {
        return y1;
    }

    double[] derivative() {
        return k[SOLUTION_STAGES];
    }

    /** The start of the last step. */
    double previousTime() {
        return t0;
    }

    double[] previousState() {
        return y0;
    }

    /** The derivative at the start of the last step. */
    double[] previousDerivative() {
        return k[0];
    }

    long evaluations() {
        return evaluations;
    }

    /** Takes one accepted step, not past {@code tEnd}; the step ends exactly at {@code tEnd} if it reaches it. */
    void step(double tEnd) {
        double[] swap = y0;
        y0 = y1;
        y1 = swap;
        t0 = t1;
        System.arraycopy(k[SOLUTION_STAGES], 0, k[0], 0, n);
        denseStages = false;
        double h;
        double error;
        do {
            h = t0 + hNext >= tEnd ? tEnd - t0 : hNext;
            for (int s = 1; s < SOLUTION_STAGES; s++) {
                stage(s, h);
            }
            combine(y0, B, SOLUTION_STAGES, h, y1);
            error = error(h);
            if (Double.isNaN(error)) {
                throw new StepFailure("NaN in the error estimate at t=" + (t0 + h));
            }
            if (error >= 1.0) {
                hNext = filter(h * factor(error), false);
            }
        } while (error >= 1.0);
        evaluate(t0 + h, y1, k[SOLUTION_STAGES]);
        t1 = t0 + h;
        if (t1 < tEnd) {
            double scaled = h * factor(error);
            hNext = filter(scaled, t1 + scaled >= tEnd);
            if (t1 + hNext >= tEnd) {
                hNext = tEnd - t1;
            }
        }
    }

    /** Hipparchus's dense output for the last step (three more evaluations the first time it is asked for). */
    ODEStateInterpolator interpolator() {
        if (!denseStages) {
            double h = t1 - t0;
            for (int s = SOLUTION_STAGES + 1; s < STAGES; s++) {
                stage(s, h);
            }
            denseStages = true;
        }
        EquationsMapper mapper = new ExpandableODE(new Dimension(n)).getMapper();
        double[][] stages = new double[STAGES][];
        for (int s = 0; s < STAGES; s++) {
            stages[s] = k[s].clone();
        }
        ODEStateAndDerivative previous = new ODEStateAndDerivative(t0, y0.clone(), k[0].clone());
        ODEStateAndDerivative current = new ODEStateAndDerivative(t1, y1.clone(), k[SOLUTION_STAGES].clone());
        return new DormandPrince853StateInterpolator(true, stages, previous, current, previous, current, mapper);
    }

    /** Stage {@code s} of a step of size {@code h} from {@code y0}, into {@code k[s]}. */
    private void stage(int s, double h) {
        combine(y0, A[s - 1], s, h, stage);
        evaluate(t0 + C[s - 1] * h, stage, k[s]);
    }

    /** {@code out = y + h Σ_{l < count} w[l] k[l]}, summed in Hipparchus's order. */
    private void combine(double[] y, double[] w, int count, double h, double[] out) {
        for (int j = 0; j < n; j++) {
            double sum = k[0][j] * w[0];
            for (int l = 1; l < count; l++) {
                sum += k[l][j] * w[l];
            }
            out[j] = y[j] + h * sum;
        }
    }

    private void evaluate(double t, double[] y, double[] dy) {
        if (++evaluations > maxEvaluations) {
            throw new StepFailure("more than " + maxEvaluations + " right-hand-side evaluations");
        }
        rhs.derivative(t, y, dy);
    }

    /** The normalised error of DOP853's 8(5,3) pair. */
    private double error(double h) {
        double error1 = 0;
        double error2 = 0;
        for (int j = 0; j < n; j++) {
            double sum1 = 0;
            double sum2 = 0;
            for (int e = 0; e < ERROR_STAGES.length; e++) {
                sum1 += E1[e] * k[ERROR_STAGES[e]][j];
                sum2 += E2[e] * k[ERROR_STAGES[e]][j];
            }
            double tol = atol + rtol * Math.max(Math.abs(y0[j]), Math.abs(y1[j]));
            error1 += (sum1 / tol) * (sum1 / tol);
            error2 += (sum2 / tol) * (sum2 / tol);
        }
        double den = error1 + 0.01 * error2;
        if (den <= 0.0) {
            den = 1.0;
        }
        return Math.abs(h) * error1 / Math.sqrt(n * den);
    }

    private static double factor(double error) {
        return Math.min(MAX_GROWTH, Math.max(MIN_REDUCTION, SAFETY * FastMath.pow(error, EXPONENT)));
    }

    private double filter(double h, boolean acceptSmall) {
        if (h < minStep) {
            if (!acceptSmall) {
                throw new StepFailure("step size " + h + " under the minimum " + minStep + " at t=" + t0);
            }
            return minStep;
        }
        return Math.min(h, maxStep);
    }

    /** Hipparchus's first step: an Euler step estimates the second derivative; {@code h^8 max(|y'|, |y''|) = 0.01}. */
    private double initialStep() {
        double[] y = y1;
        double[] dy = k[SOLUTION_STAGES];
        double yOnScale2 = 0;
        double dyOnScale2 = 0;
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            scale[j] = atol + rtol * Math.abs(y[j]);
            yOnScale2 += (y[j] / scale[j]) * (y[j] / scale[j]);
            dyOnScale2 += (dy[j] / scale[j]) * (dy[j] / scale[j]);
        }
        double h = yOnScale2 < 1.0e-10 || dyOnScale2 < 1.0e-10 ? 1.0e-6 : 0.01 * Math.sqrt(yOnScale2 / dyOnScale2);
        h = Math.min(h, maxStep);
        double[] euler = new double[n];
        for (int j = 0; j < n; j++) {
            euler[j] = y[j] + h * dy[j];
        }
        double[] dyEuler = new double[n];
        evaluate(t1 + h, euler, dyEuler);
        double ddy = 0;
        for (int j = 0; j < n; j++) {
            double ratio = (dyEuler[j] - dy[j]) / scale[j];
            ddy += ratio * ratio;
        }
        ddy = Math.sqrt(ddy) / h;
        double maxInv2 = Math.max(Math.sqrt(dyOnScale2), ddy);
        double h1 = maxInv2 < 1.0e-15 ? Math.max(1.0e-6, 0.001 * h) : FastMath.pow(0.01 / maxInv2, 1.0 / ORDER);
        h = Math.min(100.0 * h, h1);
        h = Math.max(h, 1.0e-12 * Math.abs(t1));
        return Math.min(Math.max(h, minStep), maxStep);
    }

    /** An equation of the right dimension, for Hipparchus's equations mapper (never evaluated). */
    private record Dimension(int getDimension) implements OrdinaryDifferentialEquation {
        @Override
        public double[] computeDerivatives(double t, double[] y) {
            throw new IllegalStateException("the dense output does not evaluate the equation");
        }
    }
}
