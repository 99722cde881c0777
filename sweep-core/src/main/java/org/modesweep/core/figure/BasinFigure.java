package org.modesweep.core.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.OutcomeColours;
import org.modesweep.core.plot.Plots;
import org.modesweep.core.plot.Plots.Track;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Basins of attraction on a cross-section of fixed start cosine {@code s}: per (R, d, wStar, s) the
 * outcome of each explicit start (m1, m2) of the figure's first setup, with the boundaries between
 * outcome classes, and over it the recorded paths (m1(t), m2(t)) of the random-start setups listed
 * after it at the same (R, d, wStar), coloured by their outcome.
 */
public final class BasinFigure {
    private BasinFigure() {
    }

    public static List<String> draw(Path folder, SweepSpec spec, FigureSpec figure, List<RunSummary> runs,
                                    Map<String, Series> series) {
        SetupSpec map = spec.setup(figure.setups().get(0));
        List<SetupSpec> overlays = figure.setups().subList(1, figure.setups().size()).stream().map(spec::setup).toList();
        Map<String, List<RunSummary>> cells = new TreeMap<>();
        Map<RunSummary.Group, List<RunSummary>> paths = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            if (r.setup().equals(map.name())) {
                cells.computeIfAbsent(String.format("%d/%s/%012.6f/%s", r.d(), r.wStar(), r.R(), r.startS()),
                    k -> new ArrayList<>()).add(r);
            } else if (figure.setups().contains(r.setup()) && series.containsKey(r.pointId())) {
                paths.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> written = new ArrayList<>();
        for (List<RunSummary> section : cells.values()) {
            RunSummary first = section.get(0);
            // one cell per start: the most frequent outcome over its seeds
            Map<List<Double>, String> outcome = section.stream().collect(Collectors.groupingBy(
                r -> List.of(r.startM1(), r.startM2()), LinkedHashMap::new, Collectors.collectingAndThen(
                    Collectors.groupingBy(RunSummary::outcome, Collectors.counting()),
                    counts -> counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey())));
            double[] x = outcome.keySet().stream().mapToDouble(k -> k.get(0)).toArray();
            double[] y = outcome.keySet().stream().mapToDouble(k -> k.get(1)).toArray();
            String[] category = outcome.values().stream().map(OutcomeColours::label).toArray(String[]::new);
            List<RunSummary> overlaid = paths.getOrDefault(first.group(), List.of()).stream()
                .sorted(Comparator.comparing(RunSummary::setup).thenComparingInt(RunSummary::seedIndex)).toList();
            List<Track> tracks = overlaid.stream().map(r -> {
                Series s = series.get(r.pointId());
                return new Track(s.m1(), s.m2(), OutcomeColours.label(r.outcome()));
            }).toList();
            List<String> notes = new ArrayList<>();
            double step = Math.max(spacing(x), spacing(y));
            notes.add(String.format("cells: outcome of %s, %s, one run per start (m1, m2, s = %s), |μk| = R: "
                + "%d starts %s apart", Captions.setup(map), Captions.weights(map), Captions.num(first.startS()),
                x.length, Captions.num(step)));
            notes.add(String.format("black lines: basin boundaries by marching squares through the midpoints of "
                + "unlike neighbours (located to ±%s)", Captions.num(step / 2)));
            if (!tracks.isEmpty()) {
                Map<String, Long> ends = overlaid.stream().collect(Collectors.groupingBy(RunSummary::outcome,
                    TreeMap::new, Collectors.counting()));
                notes.add(String.format("paths: (m1(t), m2(t)) of %d runs of %s, %s in d = %s",
                    tracks.size(), String.join(", ", overlays.stream().map(Captions::setup).toList()),
                    Captions.init(overlays.get(0)), Labels.dimension(first.d())));
                notes.add(String.format("paths end %s; they are projections (their cosine s of μ1, μ2 need not stay %s)",
                    String.join(", ", ends.entrySet().stream().map(e -> e.getValue() + " " + OutcomeColours.label(e.getKey())).toList()),
                    Captions.num(first.startS())));
            }
            String base = String.format("basins-%s-R%s-d%d-w%s-s%s", map.name(), Captions.num(first.R()), first.d(),
                Captions.num(first.wStar()), Captions.num(first.startS()));
            Plots.basinMap(folder.resolve(base), String.format("Basins of attraction, R = %s, d = %s, w* = %s",
                    Captions.num(first.R()), Labels.dimension(first.d()), Captions.num(first.wStar())), notes,
                "m1 = μ1·μ*/R² (start cosine for cells)", "m2 = μ2·μ*/R²", x, y, category, OutcomeColours.map(),
                tracks, "paths: ○ start, ■ end, colour = outcome");
            written.add(base);
        }
        return written;
    }

    /** The smallest gap between distinct values, the grid's spacing. */
    private static double spacing(double[] values) {
        double[] v = Arrays.stream(values).distinct().sorted().toArray();
        double step = Double.NaN;
        for (int i = 1; i < v.length; i++) {
            step = Double.isNaN(step) ? v[i] - v[i - 1] : Math.min(step, v[i] - v[i - 1]);
        }
        return step;
    }
}
