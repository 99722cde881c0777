package org.modesweep.core;

/**
 * How a run that ends with one component on each side of the equator is told {@code COVERAGE} from
 * {@code MISWEIGHTED} (THEORY.md §5). Each dynamics supplies its rule ({@link ReducedDynamics#coverageRule()}).
 */
public enum CoverageRule {

    /**
     * By the final KL against {@code klTol}: a deterministic dynamics ends at a stationary point, where
     * {@code KL ≈ 0} exactly when the weights sit on the right modes.
     */
    KL {
        @Override
        boolean misweighted(State y, double kl, double wStar, Thresholds th) {
            return kl >= th.klTol();
        }
    },

    /**
     * By the weight on each mode: a noisy dynamics ({@code sgd}) never converges and keeps a KL floor that
     * grows with {@code d/B}. With {@code w₊} the weight of the component on the {@code +μ*} side, misweighted
     * when {@code w₊} is nearer {@code 1 − w*} than {@code w*} (at {@code w* = ½} never).
     */
    WEIGHTS {
        @Override
        boolean misweighted(State y, double kl, double wStar, Thresholds th) {
            double wPlus = y.m1() > 0 ? y.w1() : y.w2();
            return Math.abs(wPlus - (1 - wStar)) < Math.abs(wPlus - wStar);
        }
    };

    /** Whether a covering end (one component per side, decided) is {@code MISWEIGHTED}. */
    abstract boolean misweighted(State y, double kl, double wStar, Thresholds th);
}
