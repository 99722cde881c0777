package org.modesweep.core.realnvp;

import org.hipparchus.util.FastMath;
import org.modesweep.core.math.Check;
import org.modesweep.core.math.Softplus;

/**
 * The target of THEORY.md §1, {@code p(x) = w* φ(x − μ*) + (1 − w*) φ(x + μ*)} with {@code μ* = R e1},
 * up to the constant {@code −(d/2) ln 2π}, which cancels against the same constant in {@code log q}.
 */
public record BimodalTarget(double R, double wStar) implements Target {

    public BimodalTarget {
        Check.positive("R", R);
        Check.finite("wStar", wStar);
        if (!(wStar > 0 && wStar < 1)) {
            throw new IllegalArgumentException("wStar must lie in (0, 1), got " + wStar);
        }
    }

    /**
     * {@code log p(x) + (d/2) ln 2π = −|x|²/2 − R²/2 + ln(w* e^{R x1} + (1 − w*) e^{−R x1})}; fills
     * {@code grad} with {@code ∇x log p = −x + μ* tanh(μ*·x + h*)} when it is not null.
     */
    @Override
    public double logDensity(double[] x, double[] grad) {
        double r2 = 0;
        for (double v : x) {
            r2 += v * v;
        }
        double hStar = 0.5 * FastMath.log(wStar / (1 - wStar));
        double z = R * x[0] + hStar;
        // ln(w* e^{Rx1} + (1−w*) e^{−Rx1}) = ln(2 sqrt(w*(1−w*))) + ln cosh(z), ln cosh z = |z| + ln(1 + e^{−2|z|}) − ln 2
        double logMix = 0.5 * FastMath.log(wStar * (1 - wStar)) + Math.abs(z)
            + Softplus.of(-2 * Math.abs(z));
        if (grad != null) {
            for (int i = 0; i < x.length; i++) {
                grad[i] = -x[i];
            }
            grad[0] += R * FastMath.tanh(z);
        }
        return -0.5 * r2 - 0.5 * R * R + logMix;
    }
}
