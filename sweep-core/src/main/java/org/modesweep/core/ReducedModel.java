package org.modesweep.core;

import org.hipparchus.util.FastMath;

/**
 * The exact reduced gradient flow of THEORY.md §2 in normalised overlaps ({@link State}).
 *
 * <p>With {@code M_k = R² m_k}, {@code Q_jk = R² q_jk}, the mean velocities projected on
 * {@code (μ*, μ1, μ2)} and divided by {@code R²} are
 * {@code w_k [T_k − ρ_k m1 − (1 − ρ_k) m2]}, {@code w_k [T_k m1 − ρ_k q11 − (1 − ρ_k) q12]} and
 * {@code w_k [T_k m2 − ρ_k q12 − (1 − ρ_k) q22]}; {@code R} enters only through the Gaussian
 * expectations {@code T_k} and {@code ρ_k} (and, for trainable weights, the softplus expectations in
 * {@code L_k}).
 *
 * <p>The target terms have the spread {@code 2R} in the logistic form {@code tanh(x) = 2σ(2x) − 1},
 * {@code E softplus(2z + 2h*)}: one located point of the table serves {@code T_k} and the target part
 * of {@code L_k}; the model terms {@code ρ_k} and {@code E softplus(z + c)} share the spread
 * {@code √Δ} and their centre {@code U_k + c}.
 *
 * <p>Annealing (THEORY.md §9) tempers the target to {@code p^β}: the velocities become
 * {@code w_k [β T_k μ* − ρ_k μ1 − (1 − ρ_k) μ2 + (1 − β) μ_k]} and {@code L1 − L2} gains
 * {@code −(1 − β)} times its target part and {@code (Q11 − Q22)/2}. {@code β} (named {@code invT} here, as
 * {@code beta1} is a velocity coefficient) is an argument of the dynamics; at {@code β = 1} the arithmetic
 * is exactly the untempered one. {@link #kl} is always the untempered {@code KL(q‖p)}.
 *
 * <p>One model per trajectory: it keeps the expectations of the last state in scratch fields, so
 * that the flow's right-hand side allocates nothing; it is not for concurrent use.
 */
public final class ReducedModel {

    /** Where the one-dimensional Gaussian expectations come from. */
    public enum Expectations {
        /** {@link ExpectationTable}: the default, about fifty times cheaper. */
        TABLE,
        /** {@link GaussianExpectation}: the quadrature the table is built from and checked against. */
        QUADRATURE
    }

    private final Problem problem;
    private final boolean tabulated;
    private final boolean trainable;
    private final double r2;
    private final double hStar;
    private final double logOneMinusWStar;
    private final ExpectationTable.FixedSpread target;
    private final ExpectationTable.Spread spread = new ExpectationTable.Spread();

    // the expectations of the last state (see terms)
    private double m1;
    private double m2;
    private double q11;
    private double q22;
    private double q12;
    private double a = Double.NaN;
    private double w1 = Double.NaN;
    private double w2 = Double.NaN;
    private double t1;
    private double t2;
    private double rho1;
    private double rho2;
    /** {@code E softplus(U_k + c + √Δ Z)} and {@code E softplus(2(M_k + h*) + 2R Z)}. */
    private double modelSoftplus1;
    private double modelSoftplus2;
    private double targetSoftplus1;
    private double targetSoftplus2;
    /** The velocities {@code v_k = α_k μ* + β_k μ1 + γ_k μ2}. */
    private double alpha1;
    private double beta1;
    private double gamma1;
    private double alpha2;
    private double beta2;
    private double gamma2;

    public ReducedModel(Problem problem) {
        this(problem, Expectations.TABLE);
    }

    public ReducedModel(Problem problem, Expectations expectations) {
        this.problem = problem;
        this.tabulated = expectations == Expectations.TABLE;
        this.trainable = problem.trainable();
        this.r2 = problem.R() * problem.R();
        this.hStar = problem.hStar();
        this.logOneMinusWStar = FastMath.log1p(-problem.wStar());
        this.target = tabulated ? new ExpectationTable.FixedSpread(4 * r2) : null;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * Evaluates the expectations and velocities at inverse temperature {@code invT} of state
     * {@code y = (m1, m2, q11, q22, q12, a)} into the scratch fields; the softplus expectations only if
     * asked (trainable weights, KL).
     */
    private void terms(double[] y, boolean softplus, double invT) {
        m1 = y[0];
        m2 = y[1];
        q11 = y[2];
        q22 = y[3];
        q12 = y[4];
        if (y[5] != a) {
            // fixed weights keep a: one exp per run instead of two per evaluation
            a = y[5];
            double e = Math.exp(-Math.abs(a));
            double heavy = 1 / (1 + e);
            w1 = a >= 0 ? heavy : e * heavy;
            w2 = a >= 0 ? e * heavy : heavy;
        }
        double x1 = 2 * (r2 * m1 + hStar);
        double x2 = 2 * (r2 * m2 + hStar);
        double delta = Math.max(0.0, r2 * (q11 + q22 - 2 * q12));
        double c = -0.5 * r2 * (q11 - q22) + a;
        double z1 = r2 * (q11 - q12) + c;
        double z2 = r2 * (q12 - q22) + c;
        if (tabulated) {
            t1 = 2 * target.at(x1).sigmoid() - 1;
            targetSoftplus1 = softplus ? target.softplus() : Double.NaN;
            t2 = 2 * target.at(x2).sigmoid() - 1;
            targetSoftplus2 = softplus ? target.softplus() : Double.NaN;
            spread.spread(delta);
            rho1 = spread.at(z1).sigmoid();
            modelSoftplus1 = softplus ? spread.softplus() : Double.NaN;
            rho2 = spread.at(z2).sigmoid();
            modelSoftplus2 = softplus ? spread.softplus() : Double.NaN;
        } else {
            double s = 2 * problem.R();
            double sd = FastMath.sqrt(delta);
            t1 = 2 * GaussianExpectation.sigmoid(x1, s) - 1;
            t2 = 2 * GaussianExpectation.sigmoid(x2, s) - 1;
            rho1 = GaussianExpectation.sigmoid(z1, sd);
            rho2 = GaussianExpectation.sigmoid(z2, sd);
            targetSoftplus1 = softplus ? GaussianExpectation.softplus(x1, s) : Double.NaN;
            targetSoftplus2 = softplus ? GaussianExpectation.softplus(x2, s) : Double.NaN;
            modelSoftplus1 = softplus ? GaussianExpectation.softplus(z1, sd) : Double.NaN;
            modelSoftplus2 = softplus ? GaussianExpectation.softplus(z2, sd) : Double.NaN;
        }
        alpha1 = w1 * t1;
        beta1 = -w1 * rho1;
        gamma1 = -w1 * (1 - rho1);
        alpha2 = w2 * t2;
        beta2 = -w2 * rho2;
        gamma2 = -w2 * (1 - rho2);
        if (invT != 1) {
            alpha1 *= invT;
            alpha2 *= invT;
            beta1 += w1 * (1 - invT);
            gamma2 += w2 * (1 - invT);
        }
    }

    /**
     * {@code L_k = E_{x∼N(μk,I)}[log q(x) − log p(x)]}, with {@code log w2 = −softplus(a)}; the model
     * and target softplus expectations of component {@code k} are given.
     */
    private double logRatio(double mk, double q2k, double modelSoftplus, double targetSoftplus) {
        double model = r2 * (q2k - 0.5 * q22) - GaussianExpectation.softplus(a) + modelSoftplus;
        double target = -r2 * mk - 0.5 * r2 + logOneMinusWStar + targetSoftplus;
        return model - target;
    }

    private double logRatio1() {
        return logRatio(m1, q12, modelSoftplus1, targetSoftplus1);
    }

    private double logRatio2() {
        return logRatio(m2, q22, modelSoftplus2, targetSoftplus2);
    }

    /**
     * {@code dy/dt} of state {@code y} at inverse temperature {@code invT} into {@code dy}, normalised like
     * the state; allocates nothing.
     */
    public void derivative(double invT, double[] y, double[] dy) {
        terms(y, trainable, invT);
        dy[0] = alpha1 + m1 * beta1 + m2 * gamma1;
        dy[1] = alpha2 + m1 * beta2 + m2 * gamma2;
        dy[2] = 2 * (m1 * alpha1 + q11 * beta1 + q12 * gamma1);
        dy[3] = 2 * (m2 * alpha2 + q12 * beta2 + q22 * gamma2);
        dy[4] = (m2 * alpha1 + q12 * beta1 + q22 * gamma1) + (m1 * alpha2 + q11 * beta2 + q12 * gamma2);
        if (trainable) {
            // L1 − L2: the terms common to both components (log w2, ½Q22, the target's constants) cancel
            double dL = r2 * (q12 - q22) + modelSoftplus1 - modelSoftplus2 + r2 * (m1 - m2)
                - targetSoftplus1 + targetSoftplus2;
            if (invT != 1) {
                // (1 − β) of the target part moves to −|x|²/2's E_k = −(Q_kk + d)/2; d cancels
                dL -= (1 - invT) * (r2 * (m1 - m2) - targetSoftplus1 + targetSoftplus2 + 0.5 * r2 * (q11 - q22));
            }
            dy[5] = -2 * w1 * w2 * dL;
        } else {
            dy[5] = 0.0;
        }
    }

    /** {@code dy/dt} of the gradient flow at inverse temperature {@code invT}. */
    public double[] derivative(State y, double invT) {
        double[] dy = new double[State.DIMENSION];
        derivative(invT, y.toArray(), dy);
        return dy;
    }

    /** {@code dy/dt} of the untempered gradient flow. */
    public double[] derivative(State y) {
        return derivative(y, 1);
    }

    /**
     * {@code y} after one step of population gradient descent at inverse temperature {@code invT},
     * {@code μk ← μk + η v_k}, exact in the overlaps.
     */
    public State gradientStep(State y, double eta, double invT) {
        double[] dy = derivative(y, invT);
        return new State(
            m1 + eta * dy[0],
            m2 + eta * dy[1],
            q11 + eta * dy[2] + eta * eta * dot(alpha1, beta1, gamma1, alpha1, beta1, gamma1),
            q22 + eta * dy[3] + eta * eta * dot(alpha2, beta2, gamma2, alpha2, beta2, gamma2),
            q12 + eta * dy[4] + eta * eta * dot(alpha1, beta1, gamma1, alpha2, beta2, gamma2),
            a + eta * dy[5]);
    }

    /** {@code (u·v)/R²} for {@code u, v} given by their coefficients on {@code (μ*, μ1, μ2)}. */
    private double dot(double ua, double ub, double uc, double va, double vb, double vc) {
        return ua * (va + m1 * vb + m2 * vc)
            + ub * (m1 * va + q11 * vb + q12 * vc)
            + uc * (m2 * va + q12 * vb + q22 * vc);
    }

    /** {@code KL(q‖p) = w1 L1 + w2 L2}, up to quadrature error. */
    public double kl(State y) {
        terms(y.toArray(), true, 1);
        return w1 * logRatio1() + w2 * logRatio2();
    }

    /** The logit {@code a} a trajectory starts from: fixed weights sit at {@code w*}. */
    public double initialLogit(double trainableStart) {
        return problem.trainable() ? trainableStart : problem.targetLogit();
    }
}
