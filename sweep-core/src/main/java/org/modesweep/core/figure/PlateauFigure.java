package org.modesweep.core.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.Panels;
import org.modesweep.core.plot.Panels.Line;
import org.modesweep.core.plot.Panels.Panel;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * The distribution of plateau times over seeds: per (d, wStar) one panel per R with, per setup, the
 * fraction of runs whose plateau time exceeds τ (a survival curve, exact steps over all seeds). Runs
 * that end on the plateau (collapsed, or still there at tMax: censored) keep their curve above zero
 * at the right end, and the legend counts them.
 */
public final class PlateauFigure {
    private PlateauFigure() {
    }

    /**
     * The survival steps {@code (τ, fraction with plateau > τ)} from τ = 0 to {@code tEnd}. A censored
     * run (still on the plateau when it ended) counts as above every τ.
     */
    static double[][] survival(double[] plateauTimes, boolean[] censored, double tEnd) {
        int n = plateauTimes.length;
        double[] sorted = IntStream.range(0, n).filter(i -> !censored[i])
            .mapToDouble(i -> plateauTimes[i]).sorted().toArray();
        int kept = n - sorted.length;
        int above = kept + (int) Arrays.stream(sorted).filter(p -> p > 0).count();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, (double) above / n});
        for (int i = 0; i < sorted.length; i++) {
            double tau = sorted[i];
            if (tau <= 0 || i + 1 < sorted.length && sorted[i + 1] == tau) {
                continue;
            }
            points.add(new double[] {tau, (double) above / n});
            above = kept + sorted.length - i - 1;
            points.add(new double[] {tau, (double) above / n});
        }
        points.add(new double[] {Math.max(tEnd, points.get(points.size() - 1)[0]), (double) above / n});
        return new double[][] {points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray()};
    }

    public static List<String> draw(Path folder, SweepSpec spec, FigureSpec figure, List<RunSummary> runs) {
        List<SetupSpec> setups = figure.setups().stream().map(spec::setup).toList();
        double alignCos = spec.classify().alignCos();
        Map<String, Map<Double, List<RunSummary>>> byDw = runs.stream().filter(r -> figure.setups().contains(r.setup()))
            .collect(Collectors.groupingBy(r -> r.d() + "/" + r.wStar(), TreeMap::new,
                Collectors.groupingBy(RunSummary::R, TreeMap::new, Collectors.toList())));
        List<String> written = new ArrayList<>();
        byDw.forEach((key, byR) -> {
            RunSummary any = byR.values().iterator().next().get(0);
            List<Panel> panels = new ArrayList<>();
            byR.forEach((R, rows) -> {
                List<Line> lines = new ArrayList<>();
                double top = 0;
                for (int k = 0; k < setups.size(); k++) {
                    SetupSpec s = setups.get(k);
                    List<RunSummary> mine = rows.stream().filter(r -> r.setup().equals(s.name()))
                        .sorted(Comparator.comparingInt(RunSummary::seedIndex)).toList();
                    if (mine.isEmpty()) {
                        continue;
                    }
                    double[] times = mine.stream().mapToDouble(RunSummary::plateauTime).toArray();
                    boolean[] ending = new boolean[mine.size()];
                    for (int i = 0; i < ending.length; i++) {
                        ending[i] = mine.get(i).endsOnPlateau(alignCos);
                    }
                    long some = Arrays.stream(times).filter(t -> t > 0).count();
                    long ends = IntStream.range(0, ending.length).filter(i -> ending[i]).count();
                    double[][] steps = survival(times, ending, s.dynamics().tMax());
                    top = Math.max(top, steps[1][0]);
                    lines.add(new Line(String.format("%s: n = %d, %d with a plateau, %d end on it", s.name(),
                        mine.size(), some, ends), steps[0], steps[1], k, false));
                }
                // head room for the legend (one entry per row) in the top right corner
                panels.add(new Panel("P(plateau > τ)", "R = " + Captions.num(R), lines, 0, Math.max(0.02, 1.8 * top)));
            });
            List<String> notes = new ArrayList<>();
            notes.add(String.format("d = %s, w* = %s, %s; %s", Labels.dimension(any.d()), Captions.num(any.wStar()),
                Captions.weights(setups.get(0)), String.join("; ", setups.stream()
                    .map(s -> Captions.setup(s) + ", " + Captions.init(s)).toList())));
            notes.add(String.format("plateau time = total time with both m_k = μk·μ*/R² of one sign and |m_k| > %s "
                + "(quasi-collapse when it ends);", Captions.num(alignCos)));
            notes.add("runs that end on the plateau (collapsed, or cut at tMax) count as longer than any τ: "
                + "curves above 0 at the right end");
            String base = String.format("plateaus-%s-d%d-w%s", setups.get(0).name(), any.d(), Captions.num(any.wStar()));
            Panels.draw(folder.resolve(base), "Plateau times over seeds", notes, Captions.time("plateau time τ", setups), panels, true);
            written.add(base);
        });
        return written;
    }
}
