package org.modesweep.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                ? "profile likelihood" : "monotone bracket", Crossing.radius(data.low()),
                Crossing.radius(data.high()));
        Interval around = hull(data, point.rc(), point.rc());
        String spreadNote = "; no bootstrap";
        if (!resampled.isEmpty()) {
            Spread spread = spread(resampled, r, level, method, confidence);
            around = hull(around, spread.interval().low(), spread.interval().high());
            spreadNote = spread.note();
        }
        Checked interval = method == RcMethod.LOGISTIC ? checked(fitted, k, level, confidence, around)
                : new Checked(around, "");
        return new RcEstimate(point.rc(), interval.interval().low(), interval.interval().high(), method, level, n,
                false, fitted.max(), point.note() + spreadNote + dataNote + interval.note());
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
        return switch (method) {
            case LOGISTIC -> ProfileLikelihood.interval(fitted, k, level, confidence);
            case MONOTONE -> MonotoneBracket.interval(fitted.counts, level, confidence);
        };
    }

    /**
     * The logistic interval, checked against the raw probabilities (THEORY.md section 6): it is
     * widened to the monotone bracket when the isotonic crossing lies outside it (the logistic shape
     * does not fit P(R) around the crossing, e.g. a rise that flattens) or when the bracket is one gap
     * between two neighbouring radii, one of which saw no collapse (or only collapses): a step at
     * large d, where the logistic places the crossing by extrapolating its shape from the other side,
     * not from data in the gap.
     */
    private static Checked checked(MonotoneCurve fitted, int k, double level, double confidence, Interval logistic) {
        Interval bracket = MonotoneBracket.interval(fitted.counts, level, confidence);
        double isotonic = fitted.interpolate(k, level);
        String reason = isotonic < logistic.low() || isotonic > logistic.high()
            ? "isotonic crossing " + Crossing.radius(isotonic) + " outside"
            : stepAcrossGap(fitted.counts, bracket) ? "a step between two radii" : null;
        if (reason == null) {
            return new Checked(logistic, "");
        }
        return new Checked(hull(logistic, bracket.low(), bracket.high()), String.format(Locale.ROOT,
            "; widened to the monotone bracket [%s, %s] (%s)", Crossing.radius(bracket.low()),
            Crossing.radius(bracket.high()), reason));
    }

    private record Checked(Interval interval, String note) {
    }

    /**
     * Whether the bracket is a gap between two neighbouring radii with no collapse at the lower one
     * or only collapses at the upper one.
     */
    private static boolean stepAcrossGap(Counts c, Interval bracket) {
        int low = -1;
        int high = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.radius[i] > bracket.low() && c.radius[i] < bracket.high()) {
                return false;
            }
            low = c.radius[i] == bracket.low() ? i : low;
            high = c.radius[i] == bracket.high() ? i : high;
        }
        return low >= 0 && high > low && (c.collapses[low] == 0 || c.collapses[high] == c.trials[high]);
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
        Map<List<Integer>, Double> logistic = new HashMap<>();
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
                // The monotone crossing without its note: formatting it cost more than the interpolation.
                values[b] = method == RcMethod.LOGISTIC
                        ? logistic.computeIfAbsent(window(curve.counts, j), key -> crossing(curve, j, level, method).rc())
                        : curve.interpolate(j, level);
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

    /**
     * What a resample's logistic crossing depends on besides the design: the bracket and the collapse
     * counts in its window. Resamples often agree on them (always where the window saw no or only
     * collapses), and a separated window's profile scan costs milliseconds, so each is computed once.
     */
    private static List<Integer> window(Counts c, int k) {
        LocalLogistic.Window w = LocalLogistic.Window.around(c, k);
        List<Integer> key = new ArrayList<>(w.hi() - w.lo() + 2);
        key.add(k);
        for (int i = w.lo(); i <= w.hi(); i++) {
            key.add(c.collapses[i]);
        }
        return key;
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
