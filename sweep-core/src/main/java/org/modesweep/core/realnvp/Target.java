package org.modesweep.core.realnvp;

/** A target density known up to a constant, as reverse-KL training needs it. */
public interface Target {

    /** {@code log p(x)} up to a constant; fills {@code grad} with {@code ∇x log p(x)} unless it is null. */
    double logDensity(double[] x, double[] grad);
}
