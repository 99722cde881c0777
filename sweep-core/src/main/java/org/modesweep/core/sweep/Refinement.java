package org.modesweep.core.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The radius choice of adaptive refinement: pure functions of an {@code R_c} estimate and the radii
 * measured so far, so a rerun re-plans the same points.
 *
 * <p>The interval refined is the estimate's {@code [rcLow, rcHigh]}, which already covers the gap
 * between measured radii where P(R) steps between them (the estimator widens the bootstrap
 * interval to the profile likelihood or the monotone bracket), so refining it adds radii inside
 * that gap (THEORY.md section 6: "refine R, not only seeds"). A group is done when the interval is
 * at most {@code targetWidth}.
 */
public final class Refinement {
    private Refinement() {
    }

    /** An interval of radii. */
    public record Span(double low, double high) {
        public double width() {
            return high - low;
        }
    }

    /** The interval to refine, {@code [rcLow, rcHigh]}; null when the estimate is censored or has no interval. */
    public static Span interval(double rc, double rcLow, double rcHigh, boolean censored) {
        if (censored || !Double.isFinite(rc) || !Double.isFinite(rcLow) || !Double.isFinite(rcHigh)) {
            return null;
        }
        return new Span(rcLow, rcHigh);
    }

    /**
     * Up to {@code count} new radii inside {@code span}: the free nodes of the grid of spacing
     * {@code targetWidth / 4} (rounded to 12 significant digits, so equal radii have equal ids) nearest
     * to the even targets {@code low + k (high - low) / (count + 1)}, {@code k = 1..count}; a node is free
     * when no measured radius lies within a millionth of the spacing and it is not chosen yet. Fewer
     * when the span holds fewer free nodes; ascending.
     */
    public static List<Double> radii(Span span, double targetWidth, int count, Collection<Double> measured) {
        if (!(targetWidth > 0) || count < 1) {
            throw new IllegalArgumentException("targetWidth must be > 0 and count >= 1");
        }
        double step = targetWidth / 4;
        double tol = step * 1e-6;
        long first = (long) Math.ceil(span.low() / step - 1e-9);
        long last = (long) Math.floor(span.high() / step + 1e-9);
        List<Double> free = new ArrayList<>();
        for (long k = Math.max(first, 1); k <= last && free.size() <= 1_000_000; k++) {
            double r = node(k, step);
            if (measured.stream().noneMatch(t -> Math.abs(t - r) <= tol)) {
                free.add(r);
            }
        }
        List<Double> out = new ArrayList<>();
        for (int k = 1; k <= count && !free.isEmpty(); k++) {
            double target = span.low() + k * span.width() / (count + 1);
            int best = 0;
            for (int i = 1; i < free.size(); i++) {
                if (Math.abs(free.get(i) - target) < Math.abs(free.get(best) - target)) {
                    best = i;
                }
            }
            out.add(free.remove(best));
        }
        double[] sorted = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return Arrays.stream(sorted).boxed().toList();
    }

    /**
     * Up to {@code count} of the measured radii inside {@code span} that get more seeds when the span
     * has no free radius left: those nearest to the even targets {@code low + k (high - low) / (count + 1)}
     * (each taken once); ascending.
     */
    public static List<Double> reseed(Span span, int count, Collection<Double> measured) {
        List<Double> inside = new ArrayList<>();
        for (double r : measured) {
            if (r >= span.low() && r <= span.high() && !inside.contains(r)) {
                inside.add(r);
            }
        }
        inside.sort(null);
        List<Double> out = new ArrayList<>();
        for (int k = 1; k <= count && !inside.isEmpty(); k++) {
            double target = span.low() + k * span.width() / (count + 1);
            int best = 0;
            for (int i = 1; i < inside.size(); i++) {
                if (Math.abs(inside.get(i) - target) < Math.abs(inside.get(best) - target)) {
                    best = i;
                }
            }
            out.add(inside.remove(best));
        }
        out.sort(null);
        return out;
    }

    private static double node(long k, double step) {
        return new BigDecimal(k * step).round(new MathContext(12)).doubleValue();
    }
}
