package org.modesweep.spark;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Curve;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.OutcomeColours;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.Axis;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * The figures of a sweep, per setup: {@code <setup>-probability} (P(collapse) against R, one curve
 * per d [and wStar], Wilson bars), with several setups also {@code compare-probability} (one curve
 * per setup [and wStar], e.g. a realnvp next to the mixtures; {@code compare-probability-d<d>} per d when several), {@code <setup>-rc} (R_c against d per level
 * [and wStar], interval bars, log x when d spans a decade or more), for explicit-start grids outcome maps
 * {@code <setup>-map-...} (majority outcome over (m1, m2) per d, wStar, R and s), and with several setups
 * and dimensions {@code rc-vs-d-level-<L>}, the setups' R_c(d) side by side. The per-setup figures are per
 * variant of a swept setup, for each setup's first variant only when there are more than {@link #MAX_VARIANTS}.
 */
public final class SweepPlots {
    /** At most this many outcome maps per sweep. */
    static final int MAX_MAPS = 60;
    /**
     * With more setup variants than this (a swept setup has one per combination of its swept values), the
     * per-variant figures are drawn for each setup's first variant only: hundreds of them bury the figures over
     * the swept keys (maps, rc-vs-*), which show the same rows folded.
     */
    public static final int MAX_VARIANTS = 24;

    private SweepPlots() {
    }

    /**
     * Draws every figure into {@code folder}; returns the base names written. {@code method} is the
     * spec's R_c method, the one the figure comparing setups shows.
     */
    public static List<String> draw(Path folder, List<Probability> probabilities, List<RcRow> rc, String method) {
        return draw(folder, probabilities, rc, method, false, Map.of());
    }

    /**
     * {@link #draw}, with {@code allVariants} the per-variant figures of every variant however many there are, and
     * {@code baselines} each annealed setup's unannealed twin, shown under its maps.
     */
    public static List<String> draw(Path folder, List<Probability> probabilities, List<RcRow> estimated, String method,
                                    boolean allVariants, Map<String, String> baselines) {
        // with one radius every R_c is censored at it: its figures would show nothing but triangles
        List<RcRow> rc = probabilities.stream().map(Probability::R).distinct().count() > 1 ? estimated : List.of();
        Map<String, String> setups = new LinkedHashMap<>(); // label -> file name
        probabilities.forEach(p -> setups.putIfAbsent(p.series(), fileName(p.setup(), p.axes())));
        boolean severalW = probabilities.stream().map(Probability::wStar).distinct().count() > 1;
        Set<String> drawn = allVariants || setups.size() <= MAX_VARIANTS ? setups.keySet() : firstVariants(probabilities);
        if (drawn.size() < setups.size()) {
            System.err.printf(Locale.ROOT, "plots: per-variant figures (probability, outcomes, rc, and their comparison) "
                + "of %d of %d setup variants (each setup's first), skipped %d; `sweep plot --all-variants` draws them "
                + "all, a spec figure {kind: probability, by: <key>} folds them%n", drawn.size(), setups.size(),
                setups.size() - drawn.size());
        }
        // The figures are independent and drawing them (rendering, PNG encoding) is most of `sweep plot`: they are
        // drawn in parallel and listed in this order.
        List<Supplier<List<String>>> figures = new ArrayList<>();
        if (drawn.size() > 1) {
            figures.add(() -> comparisonPlots(folder, probabilities.stream().filter(p -> drawn.contains(p.series())).toList(),
                severalW, rc.stream().filter(r -> drawn.contains(r.series())).toList()));
        }
        setups.forEach((setup, file) -> {
            if (drawn.contains(setup)) {
                figures.add(() -> variantPlots(folder, setup, file, probabilities, rc, severalW));
            }
        });
        List<RcRow> chosen = rc.stream().filter(r -> r.method().equalsIgnoreCase(method)).toList();
        if (chosen.stream().map(RcRow::series).distinct().count() > 1 && chosen.stream().map(RcRow::d).distinct().count() > 1) {
            double[] searched = searchedRadii(probabilities);
            chosen.stream().map(RcRow::level).distinct().sorted().forEach(level -> figures.add(() -> List.of(setupsPlot(folder,
                chosen.stream().filter(r -> r.level() == level).toList(), severalW, searched))));
        }
        figures.add(() -> AxisPlots.draw(folder, probabilities, chosen, baselines));
        List<String> written = new ArrayList<>(figures.parallelStream().flatMap(f -> f.get().stream()).toList());
        int maps = 0;
        for (Map.Entry<String, String> v : setups.entrySet()) { // outcome maps, up to MAX_MAPS in all
            List<Probability> mine = probabilities.stream().filter(p -> p.series().equals(v.getKey())).toList();
            if (drawn.contains(v.getKey()) && mine.stream().anyMatch(p -> p.startM1() != null)) {
                List<String> drawnMaps = outcomeMaps(folder, v.getKey(), v.getValue(), mine, MAX_MAPS - maps);
                maps += drawnMaps.size();
                written.addAll(drawnMaps);
            }
        }
        return written;
    }

    /** A setup variant's own figures: P(R), the outcome shares and (when estimated) R_c against d. */
    private static List<String> variantPlots(Path folder, String setup, String file, List<Probability> probabilities,
                                             List<RcRow> rc, boolean severalW) {
        List<Probability> mine = probabilities.stream().filter(p -> p.series().equals(setup)).toList();
        List<RcRow> rcs = rc.stream().filter(r -> r.series().equals(setup)).toList();
        List<String> written = new ArrayList<>(List.of(probabilityPlot(folder, setup, file, mine, severalW, rcs),
            outcomePlot(folder, setup, file, mine, severalW)));
        if (!rcs.isEmpty()) {
            written.add(rcPlot(folder, setup, file, rcs, severalW, searchedRadii(mine)));
        }
        return written;
    }

    /** The first variant of each setup in row order, at most {@link #MAX_VARIANTS}. */
    private static Set<String> firstVariants(List<Probability> probabilities) {
        Map<String, String> first = new LinkedHashMap<>();
        probabilities.forEach(p -> first.putIfAbsent(p.setup(), p.series()));
        return first.values().stream().limit(MAX_VARIANTS).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A file name for a setup and its swept values: {@code sgd-eta_0.05-batch_10} (unannealed: {@link Axis#own}). */
    static String fileName(String setup, Map<String, Double> axes) {
        StringBuilder b = new StringBuilder(setup);
        Axis.own(axes).forEach((k, v) -> {
            if (v != null) {
                b.append('-').append(k).append('_').append(label(v));
            }
        });
        return b.toString();
    }

    /**
     * {@code rc-vs-d-level-<L>}: R_c against d at one level, one curve per setup [and wStar], censored values
     * as open triangles at the end of the searched radii. On a log axis the setups are moved sideways by a few
     * per cent of a decade, so that intervals at the same d do not hide each other.
     */
    private static String setupsPlot(Path folder, List<RcRow> rows, boolean severalW, double[] searched) {
        Map<String, TreeMap<Long, RcRow>> curves = new LinkedHashMap<>();
        for (RcRow r : rows) {
            String label = r.series() + (severalW ? ", w* = " + label(r.wStar()) : "");
            curves.computeIfAbsent(label, k -> new TreeMap<>()).put(r.d(), r);
        }
        RcRow first = rows.get(0);
        boolean logX = logX(rows);
        List<Curve> list = new ArrayList<>();
        List<Plots.Censored> censored = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, TreeMap<Long, RcRow>> e : curves.entrySet()) {
            long n = e.getValue().values().stream().mapToLong(RcRow::trajectories).max().orElse(0);
            java.util.function.DoubleUnaryOperator dodge = dodge(rows, logX, k, curves.size());
            list.add(rcCurve(e.getKey() + " (up to " + n + " runs per d)", e.getValue().values(), k,
                r -> dodge.applyAsDouble(r.d()), searched, censored));
            k++;
        }
        String base = "rc-vs-d-level-" + label(first.level());
        List<String> notes = List.of(String.format(Locale.ROOT, "points: R_c of the %s fit; bars: %d%% interval "
                + "(bootstrap over seeds widened to the %s); R searched from %s to %s", first.method(),
                Math.round(100 * first.confidence()), first.method().equals("logistic") ? "profile likelihood"
                    : "Wilson bracket", label(searched[0]), label(searched[1])),
            "open triangles: R_c censored, or an interval running to the end of the searched radii"
                + (curves.size() > 1 ? "; setups dodged sideways at each d" : ""));
        Plots.lines(folder.resolve(base), String.format(Locale.ROOT, "R_c(d) where P(collapse) = %s%s",
                label(first.level()), severalW ? "" : ", w* = " + label(first.wStar())), notes,
            Labels.D, Labels.RC, list, logX, censored);
        return base;
    }

    /** The smallest and largest radius measured. */
    static double[] searchedRadii(List<Probability> rows) {
        return new double[] {rows.stream().mapToDouble(Probability::R).min().orElse(Double.NaN),
            rows.stream().mapToDouble(Probability::R).max().orElse(Double.NaN)};
    }

    /**
     * The x position of curve {@code k} of {@code count} at each d, as a factor on d: a few per cent of a decade
     * apart on a log axis (also with one d, whose axis spans a factor 3 either side), or 1.5% of the range of d
     * apart on a linear one, so that intervals at the same d do not hide each other.
     */
    private static java.util.function.DoubleUnaryOperator dodge(List<RcRow> rows, boolean logX, int k, int count) {
        return dodge(rows.stream().mapToLong(RcRow::d).min().orElse(1), rows.stream().mapToLong(RcRow::d).max().orElse(1),
            logX, k, count);
    }

    /** As {@link #dodge(List, boolean, int, int)} for x values from {@code min} to {@code max}. */
    static java.util.function.DoubleUnaryOperator dodge(double min, double max, boolean logX, int k, int count) {
        double offset = k - (count - 1) / 2.0;
        if (logX || min == max) {
            double factor = Math.pow(10, 0.03 * offset);
            return x -> x * factor;
        }
        double shift = 0.015 * (max - min) * offset;
        return x -> x + shift;
    }

    /** Log x when the dimensions span a decade or more, or when there is one d (its axis spans a factor 9). */
    private static boolean logX(List<RcRow> rows) {
        long dMin = rows.stream().mapToLong(RcRow::d).min().orElse(1);
        long dMax = rows.stream().mapToLong(RcRow::d).max().orElse(1);
        return dMax >= 10 * dMin || dMax == dMin;
    }

    /**
     * The R_c curve of one setup [and level] in x order (x of a row: its d, or a swept value, possibly dodged):
     * crossed values as points with their intervals; censored ones left out of the curve and added to
     * {@code censored} at the bound, as are interval ends at the end of the {@code searched} radii (open there: no
     * radius in range bounds R_c).
     */
    static Curve rcCurve(String label, Collection<RcRow> rows, int index, ToDoubleFunction<RcRow> xOf,
                         double[] searched, List<Plots.Censored> censored) {
        for (RcRow r : rows) {
            double x = xOf.applyAsDouble(r);
            if (r.censored()) {
                boolean above = Double.isInfinite(r.rcHigh());
                censored.add(new Plots.Censored(index, x, above ? r.rcLow() : r.rcHigh(), above));
            } else {
                if (r.rcHigh() >= searched[1]) {
                    censored.add(new Plots.Censored(index, x, searched[1], true));
                }
                if (r.rcLow() <= searched[0]) {
                    censored.add(new Plots.Censored(index, x, searched[0], false));
                }
            }
        }
        return curve(label, rows.stream()
            .map(r -> new double[] {xOf.applyAsDouble(r), r.censored() ? Double.NaN : r.rc(), r.rcLow(), r.rcHigh()})
            .toList());
    }

    private static String probabilityPlot(Path folder, String setup, String file, List<Probability> rows,
                                          boolean severalW, List<RcRow> rc) {
        String base = file + "-probability";
        String w = severalW || rows.isEmpty() ? "" : ", w* = " + label(rows.get(0).wStar());
        ProbabilityFigure.draw(folder.resolve(base), setup + ": collapse probability" + w, List.of(), rows,
            p -> "d = " + Labels.dimension(p.d()) + (severalW ? ", w* = " + label(p.wStar()) : ""), rc);
        return base;
    }

    /** {@code <setup>-outcomes}: the outcome classes' shares per R, a panel per d [and wStar]. */
    private static String outcomePlot(Path folder, String setup, String file, List<Probability> rows, boolean severalW) {
        String base = file + "-outcomes";
        String w = severalW || rows.isEmpty() ? "" : ", w* = " + label(rows.get(0).wStar());
        ProbabilityFigure.outcomes(folder.resolve(base), setup + ": outcome classes" + w, rows,
            p -> "d = " + Labels.dimension(p.d()) + (severalW ? ", w* = " + label(p.wStar()) : ""));
        return base;
    }

    /**
     * All setups on one plot, so dynamics can be compared at equal (d, wStar): one figure per d when there are several
     * ({@code compare-probability-d<d>}; all d on one plot made 24 curves of the default sweep unreadable).
     */
    private static List<String> comparisonPlots(Path folder, List<Probability> rows, boolean severalW, List<RcRow> rc) {
        Map<Long, List<Probability>> byD = new TreeMap<>();
        rows.forEach(p -> byD.computeIfAbsent(p.d(), k -> new ArrayList<>()).add(p));
        List<String> written = new ArrayList<>();
        byD.forEach((d, atD) -> {
            String base = "compare-probability" + (byD.size() > 1 ? "-d" + d : "");
            String where = "d = " + Labels.dimension(d) + (severalW ? "" : ", w* = " + label(atD.get(0).wStar()));
            ProbabilityFigure.draw(folder.resolve(base), "collapse probability by setup (" + where + ")", List.of(), atD,
                p -> p.series() + (severalW ? ", w* = " + label(p.wStar()) : ""), rc.stream().filter(r -> r.d() == d).toList());
            written.add(base);
        });
        return written;
    }

    private static String rcPlot(Path folder, String setup, String file, List<RcRow> rows, boolean severalW,
                                 double[] searched) {
        Map<String, TreeMap<Long, RcRow>> curves = new LinkedHashMap<>();
        boolean severalMethods = rows.stream().map(RcRow::method).distinct().count() > 1;
        for (RcRow r : rows) {
            String label = String.format(Locale.ROOT, "level %s%s%s", r.level(), severalW ? ", w* = " + label(r.wStar()) : "",
                severalMethods ? ", " + r.method() : "");
            curves.computeIfAbsent(label, k -> new TreeMap<>()).put(r.d(), r);
        }
        List<Curve> list = new ArrayList<>();
        List<Plots.Censored> censored = new ArrayList<>();
        curves.forEach((label, byD) -> {
            java.util.function.DoubleUnaryOperator dodge = dodge(rows, logX(rows), list.size(), curves.size());
            list.add(rcCurve(label, byD.values(), list.size(), r -> dodge.applyAsDouble(r.d()), searched, censored));
        });
        String base = file + "-rc";
        Plots.lines(folder.resolve(base), setup + ": critical radius, " + Math.round(100 * rows.get(0).confidence())
            + "% intervals", List.of("bootstrap over seeds widened to the profile likelihood (logistic) or the Wilson "
                + "bracket (monotone)" + (curves.size() > 1 ? "; curves dodged sideways at each d" : "")), Labels.D,
            Labels.RC, list, logX(rows), censored);
        return base;
    }

    /** A curve with error bars from points {x, y, yLow, yHigh} in x order. */
    static Curve curve(String label, List<double[]> points) {
        int n = points.size();
        double[][] columns = new double[4][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 4; c++) {
                columns[c][i] = points.get(i)[c];
            }
        }
        return new Curve(label, columns[0], columns[1], columns[2], columns[3]);
    }

    private static List<String> outcomeMaps(Path folder, String setup, String file, List<Probability> rows, int budget) {
        Map<String, List<Probability>> maps = new LinkedHashMap<>();
        for (Probability p : rows) {
            String key = String.format(Locale.ROOT, "d%d-w%s-R%s-s%s", p.d(), p.wStar(), p.R(), p.startS());
            maps.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        Map<String, Color> colours = OutcomeColours.map();
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, List<Probability>> e : maps.entrySet()) {
            if (written.size() >= budget) {
                break;
            }
            List<Probability> cells = e.getValue();
            double[] x = new double[cells.size()];
            double[] y = new double[cells.size()];
            String[] category = new String[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                Probability p = cells.get(i);
                x[i] = p.startM1();
                y[i] = p.startM2();
                Outcome best = Outcome.FAILED;
                for (Outcome o : Outcome.values()) {
                    if (p.count(o) > p.count(best)) {
                        best = o;
                    }
                }
                category[i] = OutcomeColours.label(best);
            }
            Probability p0 = cells.get(0);
            String base = String.format(Locale.ROOT, "%s-map-d%d-w%s-R%s-s%s", file, p0.d(), label(p0.wStar()),
                label(p0.R()), label(p0.startS()));
            Plots.outcomeMap(folder.resolve(base), String.format(Locale.ROOT,
                "%s: outcome by start (d = %s, w* = %s, R = %s, s = %s)", setup, Labels.dimension(p0.d()), label(p0.wStar()), label(p0.R()),
                p0.startS()), "m1 (start cosine of μ1 with μ*)", "m2 (start cosine of μ2 with μ*)", x, y, category,
                colours);
            written.add(base);
        }
        return written;
    }

    /** A coordinate for titles and legends: at most 4 significant digits (2/3 reads 0.6667). */
    static String label(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
