package org.modesweep.core.stats;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Wilson score interval for a binomial proportion: sensible at 0 or n successes, where the Wald
 * interval collapses to a point.
 */
public final class Wilson {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Wilson() {
    }

    public static Interval interval(long successes, long trials, double confidence) {
        Args.openUnit("confidence", confidence);
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
        double n = trials;
        double p = successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        // At 0 or n successes the exact end is 0 or 1; pin it rather than keep rounding residue.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == trials ? 1 : Math.min(1, centre + half);
        return new Interval(low, high);
    }
}
