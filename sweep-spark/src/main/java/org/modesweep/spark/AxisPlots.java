package org.modesweep.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.modesweep.core.plot.Curve;
import org.modesweep.core.plot.Heatmap;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.sweep.Axis;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/**
 * Figures over swept setup keys: {@code rc-vs-<key>-level-<L>}, R_c against one key (a curve per setup, other
 * swept values, d and wStar), and {@code <setup>-map-<key1>-<key2>-...}, P(collapse) over two keys of one setup
 * as a map, one per (other swept values, d, wStar, R) at up to three radii (all if the grid has at most three,
 * else those a quarter, half and three quarters up the list).
 */
final class AxisPlots {
    /** At most this many maps per sweep. */
    static final int MAX_MAPS = 24;

    private AxisPlots() {
    }

    static List<String> draw(Path folder, List<Probability> probabilities, List<RcRow> rc) {
        List<String> written = new ArrayList<>();
        List<String> axes = probabilities.isEmpty() ? List.of() : List.copyOf(probabilities.get(0).axes().keySet());
        double[] searched = SweepPlots.searchedRadii(probabilities);
        for (String axis : axes) {
            List<RcRow> along = rc.stream().filter(r -> r.axes().get(axis) != null).toList();
            if (along.stream().map(r -> r.axes().get(axis)).distinct().count() > 1) {
                along.stream().map(RcRow::level).distinct().sorted().forEach(level -> written.add(
                    rcAgainst(folder, axis, along.stream().filter(r -> r.level() == level).toList(), searched)));
            }
        }
        for (int i = 0; i < axes.size(); i++) {
            for (int j = i + 1; j < axes.size(); j++) {
                written.addAll(maps(folder, axes.get(i), axes.get(j), probabilities, MAX_MAPS - written.size()));
            }
        }
        return written;
    }

    /** R_c at one level against a swept key, one curve per everything else. */
    private static String rcAgainst(Path folder, String axis, List<RcRow> rows, double[] searched) {
        Map<String, TreeMap<Double, RcRow>> curves = new LinkedHashMap<>();
        boolean severalD = rows.stream().map(RcRow::d).distinct().count() > 1;
        boolean severalW = rows.stream().map(RcRow::wStar).distinct().count() > 1;
        for (RcRow r : rows) {
            String label = Axis.label(r.setup(), without(r.axes(), axis)) + (severalD ? ", d = " + r.d() : "")
                + (severalW ? ", w* = " + SweepPlots.label(r.wStar()) : "");
            curves.computeIfAbsent(label, k -> new TreeMap<>()).put(r.axes().get(axis), r);
        }
        List<Curve> list = new ArrayList<>();
        List<Plots.Censored> censored = new ArrayList<>();
        curves.forEach((label, byValue) -> list.add(SweepPlots.rcCurve(label, byValue.values(), list.size(),
            r -> r.axes().get(axis), searched, censored)));
        RcRow first = rows.get(0);
        double min = rows.stream().mapToDouble(r -> r.axes().get(axis)).min().orElse(1);
        double max = rows.stream().mapToDouble(r -> r.axes().get(axis)).max().orElse(1);
        String base = "rc-vs-" + axis + "-level-" + SweepPlots.label(first.level());
        Plots.lines(folder.resolve(base), String.format(Locale.ROOT, "R_c against %s where P(collapse) = %s%s%s", axis,
                SweepPlots.label(first.level()), severalD ? "" : ", d = " + first.d(),
                severalW ? "" : ", w* = " + SweepPlots.label(first.wStar())),
            List.of(String.format(Locale.ROOT, "points: R_c of the %s fit; bars: %d%% interval; open triangles: "
                + "beyond the searched radii %s to %s", first.method(), Math.round(100 * first.confidence()),
                SweepPlots.label(searched[0]), SweepPlots.label(searched[1]))),
            axis, "R_c = |μ*| at the crossing", list, min > 0 && max >= 10 * min, censored);
        return base;
    }

    /** Maps of P(collapse) over {@code (x, y)} for the setups that sweep both. */
    private static List<String> maps(Path folder, String x, String y, List<Probability> probabilities, int budget) {
        List<Double> radii = new ArrayList<>(new TreeSet<>(probabilities.stream().map(Probability::R).toList()));
        List<Double> shown = radii.size() <= 3 ? radii
            : List.of(radii.get(radii.size() / 4), radii.get(radii.size() / 2), radii.get(3 * radii.size() / 4));
        Map<List<Object>, List<Probability>> panels = new LinkedHashMap<>();
        for (Probability p : probabilities) {
            if (p.axes().get(x) != null && p.axes().get(y) != null && p.startM1() == null && shown.contains(p.R())) {
                Map<String, Double> rest = without(without(p.axes(), x), y);
                panels.computeIfAbsent(List.of(p.setup(), rest.toString(), p.d(), p.wStar(), p.R()),
                    k -> new ArrayList<>()).add(p);
            }
        }
        List<String> written = new ArrayList<>();
        for (List<Probability> cells : panels.values()) {
            if (written.size() >= budget) {
                break;
            }
            List<Double> xs = new ArrayList<>(new TreeSet<>(cells.stream().map(p -> p.axes().get(x)).toList()));
            List<Double> ys = new ArrayList<>(new TreeSet<>(cells.stream().map(p -> p.axes().get(y)).toList()));
            if (xs.size() < 2 || ys.size() < 2) {
                continue;
            }
            Probability p0 = cells.get(0);
            Map<String, Double> rest = without(without(p0.axes(), x), y);
            List<Heatmap.Cell> grid = cells.stream().map(p -> new Heatmap.Cell(xs.indexOf(p.axes().get(x)),
                ys.indexOf(p.axes().get(y)), p.pCollapse(), p.n())).toList();
            String where = String.format(Locale.ROOT, "d = %d, w* = %s, R = %s", p0.d(), SweepPlots.label(p0.wStar()),
                SweepPlots.label(p0.R()));
            String base = SweepPlots.fileName(p0.setup(), rest) + "-map-" + x + "-" + y + String.format(Locale.ROOT,
                "-d%d-w%s-R%s", p0.d(), SweepPlots.label(p0.wStar()), SweepPlots.label(p0.R()));
            Function<List<Double>, List<String>> text = v -> v.stream().map(SweepPlots::label).toList();
            Heatmap.write(folder.resolve(base), Axis.label(p0.setup(), rest) + ": P(collapse) over " + x + " and " + y,
                List.of(where), x, text.apply(xs), y, text.apply(ys),
                "P(collapse)", grid);
            written.add(base);
        }
        return written;
    }

    private static Map<String, Double> without(Map<String, Double> axes, String key) {
        Map<String, Double> m = new LinkedHashMap<>(axes);
        m.remove(key);
        m.values().removeIf(Objects::isNull);
        return m;
    }
}
