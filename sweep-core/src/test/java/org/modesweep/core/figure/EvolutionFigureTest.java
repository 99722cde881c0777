package org.modesweep.core.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvolutionFigureTest {
    private static RunSummary run(int seed, String outcome, double plateau) {
        return new RunSummary("p" + seed, "sgd", 1.9, 10, 2.0 / 3, null, null, null, seed, outcome, plateau, 250, 0, 0);
    }

    @Test
    void behavioursSeparateQuasiCollapseFromDirectCoverageButNotFromCollapse() {
        assertEquals("COVERAGE", EvolutionFigure.behaviour(run(0, "COVERAGE", 0)));
        assertEquals("quasi-collapse, then COVERAGE", EvolutionFigure.behaviour(run(1, "COVERAGE", 12)));
        assertEquals("MEAN_ALIGNMENT", EvolutionFigure.behaviour(run(2, "MEAN_ALIGNMENT", 250)));
        assertEquals("VANISHING_WEIGHT", EvolutionFigure.behaviour(run(3, "VANISHING_WEIGHT", 0)));
    }

    @Test
    void oneRepresentativePerBehaviourMostFrequentFirstEachTheMedianPlateau() {
        List<RunSummary> runs = List.of(run(0, "COVERAGE", 0), run(1, "COVERAGE", 30), run(2, "COVERAGE", 0),
            run(3, "COVERAGE", 5), run(4, "MEAN_ALIGNMENT", 250), run(5, "COVERAGE", 0), run(6, "COVERAGE", 80));
        Map<String, List<RunSummary>> groups = EvolutionFigure.byBehaviour(runs);
        assertEquals(List.of("COVERAGE", "quasi-collapse, then COVERAGE", "MEAN_ALIGNMENT"),
            List.copyOf(groups.keySet()));
        assertEquals(2, EvolutionFigure.median(groups.get("COVERAGE")).seedIndex());
        // plateaus 5, 30, 80: the median is the seed with 30
        assertEquals(1, EvolutionFigure.median(groups.get("quasi-collapse, then COVERAGE")).seedIndex());
        assertEquals(4, EvolutionFigure.median(groups.get("MEAN_ALIGNMENT")).seedIndex());
    }
}
