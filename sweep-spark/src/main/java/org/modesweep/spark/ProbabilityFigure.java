package org.modesweep.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Curve;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.OutcomeColours;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.MonotoneFit;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.Seeds;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * P(collapse) against R for figures: one curve per label, the measured points with Wilson bars, the
 * monotone (isotonic) fit with its pointwise bootstrap band, the levels, and R_c of the monotone fit
 * where a curve is one (setup, d, wStar); and the outcome classes' shares per R.
 */
final class ProbabilityFigure {
    /** Resamples for the band when the R_c table does not say (it gives the spec's bootstrap count). */
    private static final int DEFAULT_RESAMPLES = 200;

    private ProbabilityFigure() {
    }

    /** Trajectory and collapse counts per R of one curve, and the rows it came from. */
    private record Group(TreeMap<Double, long[]> byR, List<Probability> rows) {
    }

    private static Map<String, Group> groups(List<Probability> rows, Function<Probability, String> labelOf) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Probability p : rows) {
            Group g = groups.computeIfAbsent(labelOf.apply(p), k -> new Group(new TreeMap<>(), new ArrayList<>()));
            long[] c = g.byR().computeIfAbsent(p.R(), k -> new long[2]);
            c[0] += p.collapse();
            c[1] += p.n();
            g.rows().add(p);
        }
        return groups;
    }

    /** Whether an R_c row belongs to the curve of these probability rows (one setup, swept values, d and wStar). */
    private static boolean belongs(RcRow r, List<Probability> rows) {
        return rows.stream().allMatch(p -> p.setup().equals(r.setup()) && p.axes().equals(r.axes()) && p.d() == r.d()
            && p.wStar() == r.wStar());
    }

    static void draw(Path base, String title, List<String> notes, List<Probability> rows,
                     Function<Probability, String> labelOf, List<RcRow> rc) {
        double confidence = rows.isEmpty() ? 0.95 : rows.get(0).confidence();
        List<RcRow> monotone = rc.stream().filter(r -> r.method().equals("monotone")).toList();
        int resamples = monotone.isEmpty() ? DEFAULT_RESAMPLES : monotone.get(0).bootstrap();
        List<Curve> points = new ArrayList<>();
        List<Curve> fits = new ArrayList<>();
        List<Plots.Crossing> crossings = new ArrayList<>();
        for (Map.Entry<String, Group> e : groups(rows, labelOf).entrySet()) {
            TreeMap<Double, long[]> byR = e.getValue().byR();
            LongSummaryStatistics n = byR.values().stream().mapToLong(c -> c[1]).summaryStatistics();
            String count = n.getMin() == n.getMax() ? String.valueOf(n.getMin()) : n.getMin() + "–" + n.getMax();
            double[] r = byR.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] p = new double[r.length];
            double[] low = new double[r.length];
            double[] high = new double[r.length];
            long[] trials = new long[r.length];
            long[] collapses = new long[r.length];
            int i = 0;
            for (long[] c : byR.values()) {
                Interval w = Wilson.interval(c[0], c[1], confidence);
                collapses[i] = c[0];
                trials[i] = c[1];
                p[i] = (double) c[0] / c[1];
                low[i] = w.low();
                high[i] = w.high();
                i++;
            }
            int curve = points.size();
            points.add(new Curve(e.getKey() + " (" + count + " runs per R)", r, p, low, high));
            MonotoneFit fit = MonotoneFit.of(r, trials, collapses, resamples, confidence,
                Seeds.mix64(e.getKey().hashCode()));
            fits.add(new Curve(e.getKey(), fit.radius(), fit.probability(), fit.low(), fit.high()));
            for (RcRow x : monotone) {
                if (!x.censored() && Double.isFinite(x.rc()) && belongs(x, e.getValue().rows())) {
                    crossings.add(new Plots.Crossing(curve, x.rc(), x.level(), x.rcLow(), x.rcHigh()));
                }
            }
        }
        double[] levels = rc.stream().mapToDouble(RcRow::level).distinct().sorted().toArray();
        List<String> all = new ArrayList<>(notes);
        all.add(String.format(Locale.ROOT, "points: fraction collapsed, bars: %d%% Wilson intervals; lines: monotone"
            + " (isotonic) fit, band: its %d%% bootstrap band; ◆ R_c of that fit", Math.round(100 * confidence),
            Math.round(100 * confidence)));
        Plots.probability(base, title, all, Labels.R, Labels.P_COLLAPSE, points, fits, levels, crossings);
    }

    /**
     * {@code <base>}: the outcome classes' shares at each R, one panel per label (e.g. per d), stacked in the
     * order and colours of every other outcome figure.
     */
    static void outcomes(Path base, String title, List<Probability> rows, Function<Probability, String> labelOf) {
        Map<String, TreeMap<Double, long[]>> panels = new LinkedHashMap<>();
        int classes = Outcome.values().length;
        for (Probability p : rows) {
            long[] c = panels.computeIfAbsent(labelOf.apply(p), k -> new TreeMap<>())
                .computeIfAbsent(p.R(), k -> new long[classes + 1]);
            for (Outcome o : Outcome.values()) {
                c[o.ordinal()] += p.count(o);
            }
            c[classes] += p.n();
        }
        List<Plots.SharePanel> list = new ArrayList<>();
        panels.forEach((label, byR) -> {
            String[] x = byR.keySet().stream().map(SweepPlots::label).toArray(String[]::new);
            Map<String, double[]> shares = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                shares.put(OutcomeColours.label(o), byR.values().stream().mapToDouble(c -> (double) c[o.ordinal()] / c[classes]).toArray());
            }
            list.add(new Plots.SharePanel(label, x, shares));
        });
        Plots.shares(base, title, List.of("share of runs ending in each outcome class (THEORY.md §5) at each radius"),
            Labels.R, Labels.SHARE, list, OutcomeColours.map());
    }
}
