package org.modesweep.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The critical radius R_c where the collapse probability P(R) first reaches a level
 * (THEORY.md section 6), from per-trajectory outcomes, with a stratified bootstrap interval.
 *
 * <p>Whether and between which radii the level is reached is decided by the isotonic fit of P(R)
 * for both methods. Bootstrap resamples that do not reach the level (or reach it at the smallest
 * radius) count as the largest (smallest) radius, so an interval end equal to a range limit
 * means the crossing may lie beyond it; the note says how many resamples were censored.
 */
public final class RcEstimator {
    private RcEstimator() {
    }

    /**
     * @param radius             radius of each trajectory (many trajectories per radius)
     * @param collapse           whether that trajectory collapsed
     * @param level              probability level in (0, 1)
     * @param bootstrapResamples resamples for the interval; 0 gives a NaN interval
     * @param confidence         coverage of the percentile interval, in (0, 1)
     * @param seed               seeds the bootstrap; the same inputs and seed give the same result
     */
    public static RcEstimate estimate(double[] radius, boolean[] collapse, double level,
                                      RcMethod method, int bootstrapResamples, double confidence,
                                      long seed) {
        return estimateLevels(radius, collapse, new double[] {level}, method, bootstrapResamples,
                confidence, seed).get(0);
    }

    /**
     * One estimate per level, all from the same bootstrap resamples, so each level's result equals
     * {@link #estimate} with the same seed.
     */
    public static List<RcEstimate> estimateLevels(double[] radius, boolean[] collapse,
                                                  double[] levels, RcMethod method,
                                                  int bootstrapResamples, double confidence,
                                                  long seed) {
        Objects.requireNonNull(method, "method");
        if (levels.length == 0) {
            throw new IllegalArgumentException("no levels given");
        }
        for (double level : levels) {
            Args.openUnit("level", level);
        }
        Args.openUnit("confidence", confidence);
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException(
                    "bootstrapResamples must be >= 0, got " + bootstrapResamples);
        }
        Counts data = Counts.of(radius, collapse);
        MonotoneCurve fitted = MonotoneCurve.fit(data);
        // Censored levels need no interval: skip the resampling, O(resamples x trajectories).
        boolean anyCrossing = Arrays.stream(levels).mapToInt(fitted::firstReaching)
                .anyMatch(k -> k > 0 && k < data.size());
        List<MonotoneCurve> resampled = anyCrossing
                ? Bootstrap.resamples(data, bootstrapResamples, seed).stream()
                        .map(MonotoneCurve::fit).toList()
                : List.of();
        List<RcEstimate> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            out.add(atLevel(fitted, resampled, level, method, confidence));
        }
        return List.copyOf(out);
    }

    private static RcEstimate atLevel(MonotoneCurve fitted, List<MonotoneCurve> resampled,
                                      double level, RcMethod method, double confidence) {
        double[] r = fitted.counts.radius;
        long n = fitted.counts.trajectories();
        int k = fitted.firstReaching(level);
        if (k == r.length) {
            return new RcEstimate(Double.NaN, r[r.length - 1], Double.POSITIVE_INFINITY, method,
                    level, n, true, fitted.max(),
                    String.format(Locale.ROOT, "above range, max P = %.3f", fitted.max()));
        }
        if (k == 0) {
            return new RcEstimate(Double.NaN, Double.NEGATIVE_INFINITY, r[0], method, level, n,
                    true, fitted.max(), String.format(Locale.ROOT,
                    "below range, P = %.3f already at R = %s", fitted.probability[0],
                    Crossing.radius(r[0])));
        }
        Crossing point = crossing(fitted, k, level, method);
        Interval data = dataLimited(fitted, k, level, method, confidence);
        String dataNote = String.format(Locale.ROOT, "; %s [%s, %s]", method == RcMethod.LOGISTIC
                ? "profile likelihood" + (unmeasuredGap(fitted.counts, MonotoneBracket.interval(fitted.counts,
                    level, confidence)) ? " and the unmeasured gap around the crossing" : "")
                : "monotone bracket", Crossing.radius(data.low()), Crossing.radius(data.high()));
        Interval around = hull(data, point.rc(), point.rc());
        if (resampled.isEmpty()) {
            return new RcEstimate(point.rc(), around.low(), around.high(), method, level, n, false,
                    fitted.max(), point.note() + dataNote + "; no bootstrap");
        }
        Spread spread = spread(resampled, r, level, method, confidence);
        Interval hull = hull(around, spread.interval().low(), spread.interval().high());
        return new RcEstimate(point.rc(), hull.low(), hull.high(), method, level, n, false,
                fitted.max(), point.note() + spread.note() + dataNote);
    }

    /**
     * The interval the data allow without resampling: the logistic's profile likelihood, or the
     * bracket monotonicity alone gives. The reported interval is its hull with the bootstrap
     * percentile interval, because the bootstrap degenerates where outcomes are separated between
     * two radii: every resample then crosses at the same point, yet the crossing may lie anywhere
     * in the gap.
     */
    private static Interval dataLimited(MonotoneCurve fitted, int k, double level, RcMethod method,
                                        double confidence) {
        Interval bracket = MonotoneBracket.interval(fitted.counts, level, confidence);
        return switch (method) {
            case LOGISTIC -> unmeasuredGap(fitted.counts, bracket)
                ? hull(ProfileLikelihood.interval(fitted, k, level, confidence), bracket.low(), bracket.high())
                : ProfileLikelihood.interval(fitted, k, level, confidence);
            case MONOTONE -> bracket;
        };
    }

    /**
     * Whether the monotone bracket is one gap between two neighbouring radii, with the probability
     * confidently below the level at one and above it at the other: the crossing may then lie
     * anywhere in the gap, and a logistic placing it more precisely does so from the curve's assumed
     * shape away from the crossing (P(R) stepping from 0 to 0.75 between two radii at large d), not
     * from data. Elsewhere radii inside the bracket inform the fit, and pooling them may be sharper.
     */
    private static boolean unmeasuredGap(Counts c, Interval bracket) {
        for (double r : c.radius) {
            if (r > bracket.low() && r < bracket.high()) {
                return false;
            }
        }
        return bracket.high() > bracket.low();
    }

    private static Interval hull(Interval a, double low, double high) {
        return new Interval(Math.min(a.low(), low), Math.max(a.high(), high));
    }

    /** A percentile interval over resamples, noting how many of them were censored. */
    private record Spread(Interval interval, String note) {
    }

    private static Spread spread(List<MonotoneCurve> resampled, double[] r, double level,
                                 RcMethod method, double confidence) {
        double[] values = new double[resampled.size()];
        int above = 0;
        int below = 0;
        for (int b = 0; b < values.length; b++) {
            MonotoneCurve curve = resampled.get(b);
            int j = curve.firstReaching(level);
            // Censored resamples still count, at the range limit on their side.
            if (j == r.length) {
                above++;
                values[b] = r[r.length - 1];
            } else if (j == 0) {
                below++;
                values[b] = r[0];
            } else {
                values[b] = crossing(curve, j, level, method).rc();
            }
        }
        Interval interval = Bootstrap.percentile(values, confidence);
        String note = String.format(Locale.ROOT, "; %d resamples at %s: [%s, %s]", values.length,
                confidence, Crossing.radius(interval.low()), Crossing.radius(interval.high()));
        if (above + below > 0) {
            note += String.format(Locale.ROOT,
                    " (%d censored above, %d below, counted at the range limits)", above, below);
        }
        return new Spread(interval, note);
    }

    private static Crossing crossing(MonotoneCurve curve, int k, double level, RcMethod method) {
        double[] r = curve.counts.radius;
        return switch (method) {
            case LOGISTIC -> LocalLogistic.crossing(curve, k, level);
            case MONOTONE -> new Crossing(curve.interpolate(k, level),
                    "isotonic fit, interpolated between R = " + Crossing.radius(r[k - 1]) + " and "
                            + Crossing.radius(r[k]));
        };
    }
}
