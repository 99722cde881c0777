package org.modesweep.core.figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.modesweep.core.anneal.Anneal;
import org.modesweep.core.Outcome;
import org.modesweep.core.plot.Labels;
import org.modesweep.core.plot.OutcomeColours;
import org.modesweep.core.plot.Panels;
import org.modesweep.core.plot.Panels.Line;
import org.modesweep.core.plot.Panels.Panel;
import org.modesweep.core.sweep.FigureSpec;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * Overlaps and weight against time, per (R, d, wStar): one panel per behaviour, the first setup of the
 * figure solid and the others dashed from the same start (setups share the draws of a seed index).
 * A behaviour ({@link #behaviour}) is the outcome, told apart for runs that did not collapse by whether
 * they passed through a plateau first (quasi-collapse, THEORY §5). Each behaviour of the first setup,
 * among the seeds recorded for every setup of the figure, is shown by its run of median plateau time;
 * then each behaviour that only another setup shows (e.g. a cheap gd theory recorded at many more seeds
 * than a costly sgd) by that setup's median run of it.
 */
public final class EvolutionFigure {
    private static final int M1 = 0;
    private static final int M2 = 1;
    private static final int W1 = 4;
    private static final int BETA = 6;
    /** Panels per figure at most (each behaviour is one). */
    static final int MAX_PANELS = 5;

    private EvolutionFigure() {
    }

    private static final Comparator<RunSummary> BY_PLATEAU =
        Comparator.comparingDouble(RunSummary::plateauTime).thenComparingInt(RunSummary::seedIndex);

    /**
     * What a run did: its outcome as figures name it ({@link OutcomeColours#label}); a run that did not collapse but
     * spent time on the plateau reads "quasi-collapse, then coverage".
     */
    static String behaviour(RunSummary r) {
        String outcome = OutcomeColours.label(r.outcome());
        return Outcome.valueOf(r.outcome()).isCollapse() || r.plateauTime() <= 0 ? outcome : "quasi-collapse, then " + outcome;
    }

    /**
     * The runs of one setup by behaviour, most frequent behaviour first (ties: by name), each list in order
     * of plateau time.
     */
    static Map<String, List<RunSummary>> byBehaviour(List<RunSummary> runs) {
        Map<String, List<RunSummary>> groups = runs.stream().sorted(BY_PLATEAU)
            .collect(Collectors.groupingBy(EvolutionFigure::behaviour, TreeMap::new, Collectors.toList()));
        Map<String, List<RunSummary>> ordered = new LinkedHashMap<>();
        groups.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, List<RunSummary>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey))
            .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The representative of a behaviour: its run of median rank in plateau time. */
    static RunSummary median(List<RunSummary> alike) {
        return alike.get((alike.size() - 1) / 2);
    }

    private static String caption(RunSummary r, String behaviour, List<RunSummary> alike, int of, String setup,
                                  boolean alone) {
        double shortest = alike.get(0).plateauTime();
        double longest = alike.get(alike.size() - 1).plateauTime();
        String plateau = r.plateauTime() > 0 ? "; plateau " + Captions.num(r.plateauTime()) : "";
        String range = longest > shortest ? " (" + Captions.num(shortest) + "–" + Captions.num(longest) + ")" : "";
        return String.format("seed %d%s: %s%s · %d/%d %s seeds%s", r.seedIndex(), alone ? " (" + setup + " only)" : "",
            behaviour, plateau, alike.size(), of, setup, range);
    }

    /**
     * m1, m2 and w1 of each setup's run, the lead setup solid and the others dashed; the inverse temperature
     * β(t) of an annealed setup too (THEORY §9).
     */
    private static Panel panel(String caption, Map<String, RunSummary> runs, List<SetupSpec> setups, SetupSpec lead,
                               Map<String, Series> series) {
        List<Line> lines = new ArrayList<>();
        for (SetupSpec setup : setups) {
            Series s = series.get(runs.get(setup.name()).pointId());
            boolean dashed = setup != lead;
            lines.add(new Line("m1, " + setup.name(), s.t(), s.m1(), M1, dashed));
            lines.add(new Line("m2, " + setup.name(), s.t(), s.m2(), M2, dashed));
            lines.add(new Line("w1, " + setup.name(), s.t(), s.w1(), W1, dashed));
            Anneal anneal = setup.dynamics().anneal();
            if (anneal.annealed()) {
                lines.add(new Line("β, " + setup.name(), s.t(), Arrays.stream(s.t()).map(anneal::beta).toArray(), BETA,
                    dashed));
            }
        }
        String yLabel = lines.stream().anyMatch(l -> l.colour() == BETA) ? "m1, m2, w1, β" : "m1, m2, w1";
        return new Panel(yLabel, caption, lines, Double.NaN, Double.NaN);
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
            List<Panel> panels = new ArrayList<>();
            Set<String> shown = new HashSet<>();
            List<RunSummary> leads = bySeed.values().stream().map(m -> m.get(lead.name())).toList();
            byBehaviour(leads).forEach((behaviour, alike) -> {
                RunSummary r = median(alike);
                shown.add(behaviour);
                panels.add(panel(caption(r, behaviour, alike, leads.size(), lead.name(), false),
                    bySeed.get(r.seedIndex()), setups, lead, series));
            });
            for (SetupSpec s : setups.subList(1, setups.size())) {
                List<RunSummary> mine = recorded.stream().filter(r -> r.setup().equals(s.name())).toList();
                byBehaviour(mine).forEach((behaviour, alike) -> {
                    if (shown.add(behaviour)) {
                        RunSummary r = median(alike);
                        boolean alone = !bySeed.containsKey(r.seedIndex());
                        panels.add(panel(caption(r, behaviour, alike, mine.size(), s.name(), alone),
                            alone ? Map.of(s.name(), r) : bySeed.get(r.seedIndex()), alone ? List.of(s) : setups, lead,
                            series));
                    }
                });
            }
            List<String> notes = List.of(
                String.format("d = %s, w* = %s, %s, %s; a panel per behaviour: its seed of median plateau time", Labels.dimension(g.d()), Captions.num(g.wStar()), Captions.weights(lead),
                    Captions.init(lead)),
                String.format("solid: %s; dashed (darker): %s, same start", Captions.setup(lead),
                    String.join(", ", setups.subList(1, setups.size()).stream().map(Captions::setup).toList())),
                String.format("m_k = μk·μ*/R² (+1: on the heavy mode +μ*), w1 = weight of component 1; "
                    + "plateau: both m_k of one sign with |m_k| > %s", Captions.num(spec.classify().alignCos())));
            String base = String.format("evolution-%s-R%s-d%d-w%s", lead.name(), Captions.num(g.R()), g.d(),
                Captions.num(g.wStar()));
            String others = String.join(", ", setups.subList(1, setups.size()).stream().map(SetupSpec::name).toList());
            Panels.draw(folder.resolve(base), String.format("m1, m2, w1 against time, R = %s: %s solid%s",
                Captions.num(g.R()), lead.name(), others.isEmpty() ? "" : ", " + others + " dashed"), notes,
                Captions.time("t", setups), panels.subList(0, Math.min(MAX_PANELS, panels.size())), false);
            written.add(base);
        });
        return written;
    }
}
