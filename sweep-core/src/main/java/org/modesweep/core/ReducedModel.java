package org.modesweep.core;

import org.hipparchus.util.FastMath;

/**
 * The exact reduced gradient flow of THEORY.md §2 in normalised overlaps ({@link State}).
 *
 * <p>With {@code M_k = R² m_k}, {@code Q_jk = R² q_jk}, the mean velocities projected on
 * {@code (μ*, μ1, μ2)} and divided by {@code R²} are
 * {@code w_k [T_k − ρ_k m1 − (1 − ρ_k) m2]}, {@code w_k [T_k m1 − ρ_k q11 − (1 − ρ_k) q12]} and
 * {@code w_k [T_k m2 − ρ_k q12 − (1 − ρ_k) q22]}; {@code R} enters only through the Gaussian
 * expectations {@code T_k} and {@code ρ_k}.
 */
public final class ReducedModel {

    private final Problem problem;
    private final double r2;
    private final double hStar;
    private final double logOneMinusWStar;

    public ReducedModel(Problem problem) {
        this.problem = problem;
        this.r2 = problem.R() * problem.R();
        this.hStar = problem.hStar();
        this.logOneMinusWStar = FastMath.log1p(-problem.wStar());
    }

    public Problem problem() {
        return problem;
    }

    /** The expectations of one state, and the velocity coefficients they imply. */
    public final class Terms {
        final State y;
        final double w1;
        final double w2;
        final double t1;
        final double t2;
        final double rho1;
        final double rho2;
        /** {@code Δ/R²}, {@code c}, {@code √Δ}: the law of {@code (μ1 − μ2)·x}. */
        private final double spread;
        private final double c;

        Terms(State y) {
            this.y = y;
            w1 = y.w1();
            w2 = y.w2();
            t1 = GaussianExpectation.tanh(r2 * y.m1() + hStar, problem.R());
            t2 = GaussianExpectation.tanh(r2 * y.m2() + hStar, problem.R());
            double delta = Math.max(0.0, r2 * (y.q11() + y.q22() - 2 * y.q12()));
            spread = FastMath.sqrt(delta);
            c = -0.5 * r2 * (y.q11() - y.q22()) + y.a();
            rho1 = GaussianExpectation.sigmoid(u1() + c, spread);
            rho2 = GaussianExpectation.sigmoid(u2() + c, spread);
        }

        private double u1() {
            return r2 * (y.q11() - y.q12());
        }

        private double u2() {
            return r2 * (y.q12() - y.q22());
        }

        /** Coefficients of {@code v_k = α μ* + β μ1 + γ μ2}. */
        private double[] velocity(int k) {
            double w = k == 1 ? w1 : w2;
            double t = k == 1 ? t1 : t2;
            double rho = k == 1 ? rho1 : rho2;
            return new double[] {w * t, -w * rho, -w * (1 - rho)};
        }

        /** {@code (u·v)/R²} for {@code u, v} given as coefficients on {@code (μ*, μ1, μ2)}. */
        private double dot(double[] u, double[] v) {
            return u[0] * (v[0] + y.m1() * v[1] + y.m2() * v[2])
                + u[1] * (y.m1() * v[0] + y.q11() * v[1] + y.q12() * v[2])
                + u[2] * (y.m2() * v[0] + y.q12() * v[1] + y.q22() * v[2]);
        }

        /** {@code L_k = E_{x∼N(μk,I)}[log q(x) − log p(x)]}. */
        double logRatio(int k) {
            double mk = k == 1 ? y.m1() : y.m2();
            double q2k = k == 1 ? y.q12() : y.q22();
            double uk = k == 1 ? u1() : u2();
            double model = r2 * (q2k - 0.5 * y.q22()) - GaussianExpectation.softplus(y.a())
                + GaussianExpectation.softplus(uk + c, spread);
            double target = -r2 * mk - 0.5 * r2 + logOneMinusWStar
                + GaussianExpectation.softplus(2 * (r2 * mk + hStar), 2 * problem.R());
            return model - target;
        }

        /** {@code dy/dt}, normalised like the state. */
        double[] derivative() {
            double[] v1 = velocity(1);
            double[] v2 = velocity(2);
            double[] mu1 = {0, 1, 0};
            double[] mu2 = {0, 0, 1};
            double[] star = {1, 0, 0};
            double da = problem.trainable() ? -2 * w1 * w2 * (logRatio(1) - logRatio(2)) : 0.0;
            return new double[] {
                dot(v1, star),
                dot(v2, star),
                2 * dot(v1, mu1),
                2 * dot(v2, mu2),
                dot(v1, mu2) + dot(v2, mu1),
                da};
        }

        /** One step of population gradient descent, {@code μk ← μk + η v_k}, exact in the overlaps. */
        State gradientStep(double eta) {
            double[] v1 = velocity(1);
            double[] v2 = velocity(2);
            double[] dy = derivative();
            return new State(
                y.m1() + eta * dy[0],
                y.m2() + eta * dy[1],
                y.q11() + eta * dy[2] + eta * eta * dot(v1, v1),
                y.q22() + eta * dy[3] + eta * eta * dot(v2, v2),
                y.q12() + eta * dy[4] + eta * eta * dot(v1, v2),
                y.a() + eta * dy[5]);
        }

        double kl() {
            return w1 * logRatio(1) + w2 * logRatio(2);
        }
    }

    public Terms terms(State y) {
        return new Terms(y);
    }

    /** {@code dy/dt} of the gradient flow. */
    public double[] derivative(State y) {
        return terms(y).derivative();
    }

    /** {@code y} after one step of population gradient descent with step {@code eta}. */
    public State gradientStep(State y, double eta) {
        return terms(y).gradientStep(eta);
    }

    /** {@code KL(q‖p)}, up to quadrature error. */
    public double kl(State y) {
        return terms(y).kl();
    }

    /** The logit {@code a} a trajectory starts from: fixed weights sit at {@code w*}. */
    public double initialLogit(double trainableStart) {
        return problem.trainable() ? trainableStart : problem.targetLogit();
    }
}
