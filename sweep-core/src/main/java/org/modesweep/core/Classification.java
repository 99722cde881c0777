package org.modesweep.core;

/**
 * An outcome and, for a collapse, the sign of the target mode collapsed onto ({@code +1} for
 * {@code +μ*}, {@code −1} for {@code −μ*}, {@code 0} otherwise).
 */
public record Classification(Outcome outcome, int mode) {

    /**
     * Applies the rules of THEORY.md §5, in order, to a final state; {@code rule} (the dynamics') tells coverage
     * from misweighted, for a target of mass {@code wStar} on {@code +μ*}.
     */
    public static Classification of(State y, double kl, boolean converged, String error, Thresholds th,
                                    CoverageRule rule, double wStar) {
        if (error != null || !y.isFinite() || !Double.isFinite(kl)) {
            return new Classification(Outcome.FAILED, 0);
        }
        double w1 = y.w1();
        double w2 = y.w2();
        if (Math.min(w1, w2) < th.weightEps()) {
            double survivor = w1 >= w2 ? y.m1() : y.m2();
            return new Classification(Outcome.VANISHING_WEIGHT, (int) Math.signum(survivor));
        }
        double product = y.m1() * y.m2();
        boolean decided = converged || Math.min(Math.abs(y.m1()), Math.abs(y.m2())) > th.alignCos();
        if (product > 0 && decided) {
            return new Classification(Outcome.MEAN_ALIGNMENT, (int) Math.signum(y.m1()));
        }
        if (product < 0 && decided) {
            return new Classification(rule.misweighted(y, kl, wStar, th) ? Outcome.MISWEIGHTED : Outcome.COVERAGE, 0);
        }
        return new Classification(Outcome.UNRESOLVED, 0);
    }
}
