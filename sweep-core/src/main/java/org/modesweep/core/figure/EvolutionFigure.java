package org.modesweep.core.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.modesweep.core.plot.Panels;
import org.modesweep.core.plot.Panels.Line;
import org.modesweep.core.plot.Panels.Panel;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Overlaps and weight against time, per (R, d, wStar): one panel per representative seed, the first
 * setup of the figure solid and the others dashed from the same start (setups share the draws of a
 * seed index). Representatives, among the seeds whose series were recorded for every setup of the
 * figure: the seed with the longest plateau of the first setup, and the seed of median rank in plateau
 * time (the shortest plateau instead if that is the same seed).
 */
public final class EvolutionFigure {
    private static final int M1 = 0;
    private static final int M2 = 1;
    private static final int W1 = 4;

    private EvolutionFigure() {
    }

    private static final Comparator<RunSummary> BY_PLATEAU =
        Comparator.comparingDouble(RunSummary::plateauTime).thenComparingInt(RunSummary::seedIndex);

    private static String caption(RunSummary r, String why) {
        return String.format("seed %d: %s (%s) → %s", r.seedIndex(), why, Captions.num(r.plateauTime()), r.outcome());
    }

    /** m1, m2 and w1 of each setup's run, the lead setup solid and the others dashed. */
    private static Panel panel(String caption, Map<String, RunSummary> runs, List<SetupSpec> setups, SetupSpec lead,
                               Map<String, Series> series) {
        List<Line> lines = new ArrayList<>();
        for (SetupSpec setup : setups) {
            Series s = series.get(runs.get(setup.name()).pointId());
            boolean dashed = setup != lead;
            lines.add(new Line("m1, " + setup.name(), s.t(), s.m1(), M1, dashed));
            lines.add(new Line("m2, " + setup.name(), s.t(), s.m2(), M2, dashed));
            lines.add(new Line("w1, " + setup.name(), s.t(), s.w1(), W1, dashed));
        }
        return new Panel("m1, m2, w1", caption, lines, Double.NaN, Double.NaN);
    }

    public static List<String> draw(Path folder, SweepSpec spec, FigureSpec figure, List<RunSummary> runs,
                                    Map<String, Series> series) {
        List<SetupSpec> setups = figure.setups().stream().map(spec::setup).toList();
        SetupSpec lead = setups.get(0);
        Map<RunSummary.Group, List<RunSummary>> groups = new TreeMap<>(Comparator.comparingLong(RunSummary.Group::d)
            .thenComparingDouble(RunSummary.Group::wStar).thenComparingDouble(RunSummary.Group::R));
        runs.stream().filter(r -> figure.setups().contains(r.setup()))
            .forEach(r -> groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r));
        List<String> written = new ArrayList<>();
        groups.forEach((g, rows) -> {
            List<RunSummary> recorded = rows.stream().filter(r -> series.containsKey(r.pointId())).toList();
            // seed index -> setup -> run, for the seeds recorded in every setup of the figure
            Map<Integer, Map<String, RunSummary>> bySeed = recorded.stream()
                .collect(Collectors.groupingBy(RunSummary::seedIndex, TreeMap::new,
                    Collectors.toMap(RunSummary::setup, Function.identity())));
            bySeed.values().removeIf(m -> m.size() < setups.size());
            if (bySeed.isEmpty()) {
                return;
            }
            List<RunSummary> leads = bySeed.values().stream().map(m -> m.get(lead.name()))
                .sorted(BY_PLATEAU).toList();
            RunSummary longest = leads.get(leads.size() - 1);
            RunSummary median = leads.get((leads.size() - 1) / 2);
            List<Panel> panels = new ArrayList<>();
            String of = String.format(" of %d seeds", leads.size());
            panels.add(panel(caption(longest, "longest " + lead.name() + " plateau" + of), bySeed.get(longest.seedIndex()),
                setups, lead, series));
            if (leads.size() > 1) {
                RunSummary other = median == longest ? leads.get(0) : median;
                panels.add(panel(caption(other, (median == longest ? "shortest " : "median ") + lead.name() + " plateau"),
                    bySeed.get(other.seedIndex()), setups, lead, series));
            }
            // A setup recorded at more seeds (the cheap theory) may hold longer plateaus than the lead's seeds show.
            for (SetupSpec s : setups.subList(1, setups.size())) {
                List<RunSummary> mine = recorded.stream().filter(r -> r.setup().equals(s.name())).sorted(BY_PLATEAU).toList();
                RunSummary best = mine.get(mine.size() - 1);
                RunSummary atLongest = bySeed.get(longest.seedIndex()).get(s.name());
                if (!bySeed.containsKey(best.seedIndex()) && best.plateauTime() > atLongest.plateauTime()) {
                    panels.add(panel(caption(best, String.format("longest %s plateau of %d seeds; %s only",
                        s.name(), mine.size(), s.name())), Map.of(s.name(), best), List.of(s), lead, series));
                }
            }
            List<String> notes = List.of(
                String.format("d = %d, w* = %s, %s, %s. Solid: %s; dashed: %s, same start (same seed index)", g.d(),
                    Captions.num(g.wStar()), Captions.weights(lead), Captions.init(lead.init()), Captions.setup(lead),
                    String.join(", ", setups.subList(1, setups.size()).stream().map(Captions::setup).toList())),
                String.format("m_k = μk·μ*/R² (+1: on the heavy mode +μ*), w1 = weight of component 1; "
                    + "plateau: both m_k of one sign with |m_k| > %s", Captions.num(spec.classify().alignCos())));
            String base = String.format("evolution-%s-R%s-d%d-w%s", lead.name(), Captions.num(g.R()), g.d(),
                Captions.num(g.wStar()));
            Panels.draw(folder.resolve(base), String.format("Overlaps and weight against time, R = %s",
                Captions.num(g.R())), notes, "t (η × steps)", panels, false);
            written.add(base);
        });
        return written;
    }
}
