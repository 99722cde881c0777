package org.modesweep.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.modesweep.core.plot.Curve;
import org.modesweep.core.plot.Heatmap;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.sweep.Axis;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * Figures over any axis (R, d, wStar or a swept setup key). Drawn unasked: {@code rc-vs-<key>-level-<L>}, R_c
 * against one swept key (a curve per setup, other swept values, d and wStar), and {@code <setup>-map-<x>-<y>-...},
 * P(collapse) over two swept keys of one setup as a map, one per (other swept values, d, wStar, R) at up to three
 * radii (all if the grid has at most three, else those a quarter, half and three quarters up the list). Asked in
 * the spec's {@code figures}: maps over any two axes, R_c against any axis but R, P against R a curve per value of
 * any axis ({@link #drawAsked}).
 */
final class AxisPlots {
    /** At most this many maps per sweep unasked, and per asked figure. */
    static final int MAX_MAPS = 24;
    /** At most this many figures per asked {@code probability} entry. */
    static final int MAX_PROBABILITY = 24;

    private AxisPlots() {
    }

    /**
     * The figures drawn unasked, from the swept setup keys; {@code baselines} names each annealed setup's unannealed
     * twin ({@link org.modesweep.core.sweep.SweepSpec#unannealedBaselines}), shown under its maps.
     */
    static List<String> draw(Path folder, List<Probability> probabilities, List<RcRow> rc, Map<String, String> baselines) {
        List<String> written = new ArrayList<>();
        List<String> axes = probabilities.isEmpty() ? List.of() : List.copyOf(probabilities.get(0).axes().keySet());
        double[] searched = SweepPlots.searchedRadii(probabilities);
        for (String axis : axes) {
            List<RcRow> along = rc.stream().filter(r -> r.axes().get(axis) != null).toList();
            if (along.stream().map(r -> r.axes().get(axis)).distinct().count() > 1) {
                along.stream().map(RcRow::level).distinct().sorted().forEach(level -> written.add(
                    rcAgainst(folder, axis, along.stream().filter(r -> r.level() == level).toList(), searched, "")));
            }
        }
        List<Double> radii = new ArrayList<>(new TreeSet<>(probabilities.stream().map(Probability::R).toList()));
        List<Double> shown = radii.size() <= 3 ? radii
            : List.of(radii.get(radii.size() / 4), radii.get(radii.size() / 2), radii.get(3 * radii.size() / 4));
        List<Probability> random = probabilities.stream().filter(p -> p.startM1() == null && shown.contains(p.R())).toList();
        for (int i = 0; i < axes.size(); i++) {
            for (int j = i + 1; j < axes.size(); j++) {
                for (MapPanel m : mapPanels(axes.get(i), axes.get(j), random)) {
                    if (written.size() < MAX_MAPS) {
                        written.add(drawMap(folder, m, baseline(m, probabilities, baselines)));
                    }
                }
            }
        }
        return written;
    }

    /**
     * The spec's figures over axes ({@code map}, {@code rc-vs}, {@code probability}) from the tables; {@code rc}
     * holds the R_c rows of the spec's method. Beyond a cap the rest of an entry's figures are skipped, with a line
     * on standard error saying how many.
     */
    static List<String> drawAsked(Path folder, List<FigureSpec> figures, List<Probability> probabilities,
                                  List<RcRow> rc, Map<String, String> baselines) {
        List<String> written = new ArrayList<>();
        double[] searched = SweepPlots.searchedRadii(probabilities);
        for (int i = 0; i < figures.size(); i++) {
            FigureSpec f = figures.get(i);
            List<Probability> rows = probabilities.stream().filter(p -> f.setups().contains(p.setup())).toList();
            List<RcRow> rcs = rc.stream().filter(r -> f.setups().contains(r.setup())).toList();
            String suffix = "-" + String.join("-", f.setups()); // apart from the unasked rc-vs-* across all setups
            if (f instanceof FigureSpec.CollapseMap m) {
                List<MapPanel> panels = mapPanels(m.x(), m.y(), rows);
                panels.stream().limit(MAX_MAPS).forEach(p -> written.add(drawMap(folder, p,
                    baseline(p, probabilities, baselines))));
                skipped(i, f, panels.size(), MAX_MAPS);
            } else if (f instanceof FigureSpec.RcAgainst r) {
                rcs.stream().map(RcRow::level).distinct().sorted().forEach(level -> written.add(rcAgainst(folder, r.x(),
                    rcs.stream().filter(x -> x.level() == level).toList(), searched, suffix)));
            } else if (f instanceof FigureSpec.ProbabilityBy p) {
                Map<Where, List<Probability>> groups = groups(rows, List.of(p.by(), "R"));
                groups.entrySet().stream().limit(MAX_PROBABILITY).forEach(g ->
                    written.add(probabilityBy(folder, p.by(), g.getKey(), g.getValue(), rcs)));
                skipped(i, f, groups.size(), MAX_PROBABILITY);
            } // figures of runs are drawn from the trajectory rows (Figures)
        }
        return written;
    }

    private static void skipped(int index, FigureSpec f, int count, int cap) {
        if (count > cap) {
            System.err.printf(Locale.ROOT, "figures[%d] (%s %s): drew %d of %d figures, skipped %d (at most %d)%n", index,
                f.kind(), f.keys().values(), cap, count, count - cap, cap);
        }
    }

    /** A row's value on an axis: R, d, wStar or a swept key (null: the setup does not have that key). */
    static Double at(Probability p, String axis) {
        return switch (axis) {
            case "R" -> p.R();
            case "d" -> (double) p.d();
            case "wStar" -> p.wStar();
            default -> p.axes().get(axis);
        };
    }

    static Double at(RcRow r, String axis) {
        return switch (axis) {
            case "d" -> (double) r.d();
            case "wStar" -> r.wStar();
            default -> r.axes().get(axis);
        };
    }

    /** Every axis value of a row but those named: its swept keys, then d, wStar [and R], as far as it has them. */
    private static Map<String, Double> others(Map<String, Double> swept, long d, double wStar, Double r,
                                              List<String> except) {
        Map<String, Double> m = new LinkedHashMap<>(swept);
        m.put("d", (double) d);
        m.put("wStar", wStar);
        if (r != null) {
            m.put("R", r);
        }
        m.keySet().removeAll(except);
        m.values().removeIf(v -> v == null);
        return m;
    }

    /** Axis values as titles show them: {@code η = 0.1, d = 10, w* = 0.5}. */
    static String shown(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(name(k) + " = " + value(k, v)));
        return String.join(", ", parts);
    }

    /** A value on an axis as figures show it: d as {@link Labels#dimension} (10⁶), others to 4 significant digits. */
    static String value(String axis, double v) {
        return axis.equals("d") ? Labels.dimension(Math.round(v)) : SweepPlots.label(v);
    }

    /** A curve or map of a setup at some axis values: {@code sgd (η = 0.1, d = 10⁶)} (unannealed: {@link Axis#own}). */
    static String series(String setup, Map<String, Double> values) {
        Map<String, Double> own = new LinkedHashMap<>(Axis.own(values));
        own.values().removeIf(v -> v == null);
        return own.isEmpty() ? setup : setup + " (" + shown(own) + ")";
    }

    /** An axis as THEORY.md writes it (the spec's keys spell Greek letters out). */
    private static String name(String axis) {
        return switch (axis) {
            case "wStar" -> "w*";
            case "beta0" -> "β₀";
            case "tau" -> "τ";
            case "eta" -> "η";
            default -> axis;
        };
    }

    /** An axis's title on a figure: R and d as every figure labels them ({@link Labels}), others by {@link #name}. */
    private static String axisLabel(String axis) {
        return switch (axis) {
            case "R" -> Labels.R;
            case "d" -> Labels.D;
            default -> name(axis);
        };
    }

    /**
     * R_c at one level against an axis (d, wStar or a swept key), one curve per setup and combination of the other
     * axes; those that do not vary are stated in the title.
     */
    private static String rcAgainst(Path folder, String axis, List<RcRow> rows, double[] searched, String suffix) {
        Map<String, Double> fixed = constant(rows.stream()
            .map(r -> others(r.axes(), r.d(), r.wStar(), null, List.of(axis))).toList());
        boolean severalSetups = rows.stream().map(RcRow::setup).distinct().count() > 1;
        Map<String, TreeMap<Double, RcRow>> curves = new LinkedHashMap<>();
        for (RcRow r : rows) {
            if (at(r, axis) != null) {
                Map<String, Double> varying = others(r.axes(), r.d(), r.wStar(), null, List.of(axis));
                varying.keySet().removeAll(fixed.keySet());
                String label = series(r.setup(), varying);
                curves.computeIfAbsent(label, k -> new TreeMap<>()).put(at(r, axis), r);
            }
        }
        double min = rows.stream().map(r -> at(r, axis)).filter(v -> v != null).mapToDouble(v -> v).min().orElse(1);
        double max = rows.stream().map(r -> at(r, axis)).filter(v -> v != null).mapToDouble(v -> v).max().orElse(1);
        boolean logX = min > 0 && max >= 10 * min;
        List<Curve> list = new ArrayList<>();
        List<Plots.Censored> censored = new ArrayList<>();
        curves.forEach((label, byValue) -> {
            long n = byValue.values().stream().mapToLong(RcRow::trajectories).max().orElse(0);
            DoubleUnaryOperator dodge = SweepPlots.dodge(min, max, logX, list.size(), curves.size());
            list.add(SweepPlots.rcCurve(label + " (≤ " + n + " runs per R_c)", byValue.values(), list.size(),
                r -> dodge.applyAsDouble(at(r, axis)), searched, censored));
        });
        RcRow first = rows.get(0);
        String base = "rc-vs-" + axis + "-level-" + SweepPlots.label(first.level()) + suffix;
        String where = (severalSetups ? "" : first.setup() + ": ") + String.format(Locale.ROOT,
            "R_c against %s where P(collapse) = %s", name(axis), SweepPlots.label(first.level()))
            + (fixed.isEmpty() ? "" : ", " + shown(fixed));
        Plots.lines(folder.resolve(base), where,
            List.of(String.format(Locale.ROOT, "points: R_c of the %s fit; bars: %d%% interval; open triangles: "
                + "beyond the searched radii %s to %s%s", first.method(), Math.round(100 * first.confidence()),
                SweepPlots.label(searched[0]), SweepPlots.label(searched[1]),
                curves.size() > 1 ? "; curves dodged sideways at each " + name(axis) : "")),
            axisLabel(axis), Labels.RC, list, logX, censored);
        return base;
    }

    /** The axis values every row has in common. */
    private static Map<String, Double> constant(List<Map<String, Double>> all) {
        Map<String, Double> m = new LinkedHashMap<>(all.isEmpty() ? Map.of() : all.get(0));
        all.forEach(o -> m.entrySet().removeIf(e -> !e.getValue().equals(o.get(e.getKey()))));
        return m;
    }

    /**
     * Where a figure of one setup is drawn: the setup, its values of the swept keys not on the figure's axes, and
     * the other values it is drawn at (d, wStar, R as far as not on the axes, and an explicit start).
     */
    record Where(String setup, Map<String, Double> swept, Map<String, Double> fixed) {
        static Where of(Probability p, List<String> onFigure) {
            Map<String, Double> swept = new LinkedHashMap<>(Axis.own(p.axes()));
            swept.keySet().removeAll(onFigure);
            swept.values().removeIf(v -> v == null);
            Map<String, Double> fixed = others(Map.of(), p.d(), p.wStar(), p.R(), onFigure);
            if (p.startM1() != null) {
                fixed.put("m1", p.startM1());
                fixed.put("m2", p.startM2());
                fixed.put("s", p.startS());
            }
            return new Where(p.setup(), swept, fixed);
        }

        /** {@code <setup>[-<key>_<value>...]-<what>[-d<d>-w<wStar>-R<R>...]}. */
        String base(String what) {
            StringBuilder b = new StringBuilder(SweepPlots.fileName(setup, swept)).append('-').append(what);
            fixed.forEach((k, v) -> b.append('-').append(k.equals("wStar") ? "w" : k).append(SweepPlots.label(v)));
            return b.toString();
        }

        String series() {
            return AxisPlots.series(setup, swept);
        }
    }

    /** The rows that have every axis on the figure, by where they are drawn, in row order. */
    private static Map<Where, List<Probability>> groups(List<Probability> rows, List<String> onFigure) {
        Map<Where, List<Probability>> groups = new LinkedHashMap<>();
        for (Probability p : rows) {
            if (onFigure.stream().allMatch(a -> at(p, a) != null)) {
                groups.computeIfAbsent(Where.of(p, onFigure), k -> new ArrayList<>()).add(p);
            }
        }
        return groups;
    }

    /**
     * One map of P(collapse) over {@code (x, y)}, drawn {@code where}: the axes' values in order, and per cell
     * ({@code [xi][yi]}) the probability (NaN: no runs) and the number of runs.
     */
    record MapPanel(Where where, String x, String y, List<Double> xs, List<Double> ys, double[][] p, long[][] n) {
        String base() {
            return where.base("map-" + x + "-" + y);
        }
    }

    /**
     * The maps of P(collapse) over {@code (x, y)}: one per setup and combination of the other axes (its other swept
     * keys, R, d, wStar not on x or y, and an explicit start), over the rows that have both axes; maps with fewer
     * than two values on either axis are left out (a curve shows them).
     */
    static List<MapPanel> mapPanels(String x, String y, List<Probability> rows) {
        List<MapPanel> panels = new ArrayList<>();
        groups(rows, List.of(x, y)).forEach((where, cells) -> {
            List<Double> xs = new ArrayList<>(new TreeSet<>(cells.stream().map(p -> at(p, x)).toList()));
            List<Double> ys = new ArrayList<>(new TreeSet<>(cells.stream().map(p -> at(p, y)).toList()));
            if (xs.size() >= 2 && ys.size() >= 2) {
                double[][] pc = new double[xs.size()][ys.size()];
                long[][] n = new long[xs.size()][ys.size()];
                Arrays.stream(pc).forEach(col -> Arrays.fill(col, Double.NaN));
                for (Probability p : cells) {
                    int i = xs.indexOf(at(p, x));
                    int j = ys.indexOf(at(p, y));
                    pc[i][j] = p.pCollapse();
                    n[i][j] = p.n();
                }
                panels.add(new MapPanel(where, x, y, xs, ys, pc, n));
            }
        });
        return panels;
    }

    /** The anneal keys: a map over both has one baseline value, that of the unannealed twin where the map is drawn. */
    private static final Set<String> SCHEDULE = Set.of("beta0", "tau");

    /**
     * The reference row of a map over {@code beta0} and {@code tau}: P(collapse) of the setup's unannealed baseline
     * ({@code baselines}) at the map's other values (d, wStar, R, start); null when there is none.
     */
    static Heatmap.Reference baseline(MapPanel m, List<Probability> rows, Map<String, String> baselines) {
        String twin = baselines.get(m.where().setup());
        if (twin == null || !SCHEDULE.equals(Set.of(m.x(), m.y()))) {
            return null;
        }
        return rows.stream().filter(p -> p.setup().equals(twin)
                && Where.of(p, List.of(m.x(), m.y())).fixed().equals(m.where().fixed()))
            .findFirst().map(p -> new Heatmap.Reference("no annealing", p.pCollapse(), p.n())).orElse(null);
    }

    /**
     * Draws a map: a cell per pair of values with its P(collapse) (and n, Heatmap says how), colours on [0, 1], and
     * the {@code reference} (null: none) as a row under it.
     */
    private static String drawMap(Path folder, MapPanel m, Heatmap.Reference reference) {
        List<Heatmap.Cell> cells = new ArrayList<>();
        for (int i = 0; i < m.xs().size(); i++) {
            for (int j = 0; j < m.ys().size(); j++) {
                if (!Double.isNaN(m.p()[i][j])) {
                    cells.add(new Heatmap.Cell(i, j, m.p()[i][j], m.n()[i][j]));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add((m.where().fixed().isEmpty() ? "" : "at " + shown(m.where().fixed()) + "; ")
            + "colour scale fixed to [0, 1]; one cell per value, equally spaced");
        if (reference != null) {
            notes.add("bottom row: the same starts without annealing (β = 1 throughout)");
        }
        Heatmap.write(folder.resolve(m.base()), m.where().series() + ": P(collapse) over " + name(m.x()) + " and "
            + name(m.y()), notes, axisLabel(m.x()), text(m.x(), m.xs()), axisLabel(m.y()), text(m.y(), m.ys()), Labels.P_COLLAPSE, cells, reference);
        return m.base();
    }

    private static List<String> text(String axis, List<Double> values) {
        return values.stream().map(v -> value(axis, v)).toList();
    }

    /** {@code <setup>-...-probability-by-<axis>-...}: P(collapse) against R drawn {@code where}, a curve per value of {@code by}. */
    private static String probabilityBy(Path folder, String by, Where where, List<Probability> rows, List<RcRow> rc) {
        String base = where.base("probability-by-" + by);
        ProbabilityFigure.draw(folder.resolve(base), where.series() + ": collapse probability by " + name(by)
                + (where.fixed().isEmpty() ? "" : " (" + shown(where.fixed()) + ")"), List.of(), rows,
            p -> name(by) + " = " + value(by, at(p, by)), rc.stream().filter(r -> r.setup().equals(where.setup())).toList());
        return base;
    }
}
