package org.modesweep.core.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Curve;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.Wilson;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * P(collapse) against {@code d} at fixed {@code R}: per (R, wStar) one curve per setup, Wilson bars, log x.
 * Drawn to ask where a dynamics parts from another as {@code d} grows, e.g. SGD at several batches beside
 * the gradient flow ("when is SGD the flow?").
 */
public final class CollapseFigure {
    /** Sideways shift between neighbouring setups, in decades of d. */
    private static final double DODGE = 0.025;

    private CollapseFigure() {
    }

    /** Per d, {@code {d, P, low, high}} of the runs given (Wilson interval at {@code confidence}). */
    static List<double[]> byDimension(List<RunSummary> runs, double confidence) {
        Map<Long, long[]> counts = new TreeMap<>();
        for (RunSummary r : runs) {
            long[] c = counts.computeIfAbsent(r.d(), k -> new long[2]);
            c[0] += Outcome.valueOf(r.outcome()).isCollapse() ? 1 : 0;
            c[1]++;
        }
        List<double[]> points = new ArrayList<>();
        counts.forEach((d, c) -> {
            Interval w = Wilson.interval(c[0], c[1], confidence);
            points.add(new double[] {d, (double) c[0] / c[1], w.low(), w.high()});
        });
        return points;
    }

    public static List<String> draw(Path folder, SweepSpec spec, FigureSpec figure, List<RunSummary> runs) {
        List<SetupSpec> setups = figure.setups().stream().map(spec::setup).toList();
        double confidence = spec.threshold().confidence();
        Map<String, List<RunSummary>> byPoint = runs.stream().filter(r -> figure.setups().contains(r.setup()))
            .collect(Collectors.groupingBy(r -> Captions.num(r.R()) + "-w" + Captions.num(r.wStar()), TreeMap::new,
                Collectors.toList()));
        List<String> written = new ArrayList<>();
        byPoint.forEach((key, rows) -> {
            List<Curve> curves = new ArrayList<>();
            for (int k = 0; k < setups.size(); k++) {
                SetupSpec s = setups.get(k);
                List<RunSummary> mine = rows.stream().filter(r -> r.setup().equals(s.name())).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<double[]> points = byDimension(mine, confidence);
                // setups moved sideways by a few per cent of a decade, so that bars at one d do not hide each other
                double dodge = Math.pow(10, DODGE * (k - (setups.size() - 1) / 2.0));
                double[][] columns = new double[4][points.size()];
                for (int i = 0; i < points.size(); i++) {
                    for (int c = 0; c < 4; c++) {
                        columns[c][i] = points.get(i)[c] * (c == 0 ? dodge : 1);
                    }
                }
                long perD = mine.size() / points.size();
                curves.add(new Curve(Captions.setup(s) + ", " + Captions.weights(s) + " (" + perD + " runs per d)",
                    columns[0], columns[1], columns[2], columns[3]));
            }
            RunSummary any = rows.get(0);
            List<String> notes = List.of(String.format("R = %s, w* = %s, %s; bars: %d%% Wilson intervals; "
                    + "collapse = mean alignment or vanishing weight; setups dodged sideways at each d", Captions.num(any.R()),
                Captions.num(any.wStar()),
                Captions.init(setups.get(0)), Math.round(100 * confidence)));
            String base = "collapse-vs-d-R" + key;
            Plots.lines(folder.resolve(base), "P(collapse) against d at R = " + Captions.num(any.R()), notes,
                "d (dimension)", "P(collapse)", curves, true, List.of());
            written.add(base);
        });
        return written;
    }
}
