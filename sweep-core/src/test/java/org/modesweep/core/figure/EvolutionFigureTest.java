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
        assertEquals("coverage", EvolutionFigure.behaviour(run(0, "COVERAGE", 0)));
        assertEquals("quasi-collapse, then coverage", EvolutionFigure.behaviour(run(1, "COVERAGE", 12)));
        assertEquals("mean alignment (collapse)", EvolutionFigure.behaviour(run(2, "MEAN_ALIGNMENT", 250)));
        assertEquals("vanishing weight (collapse)", EvolutionFigure.behaviour(run(3, "VANISHING_WEIGHT", 0)));
    }

    @Test
    void oneRepresentativePerBehaviourMostFrequentFirstEachTheMedianPlateau() {
        List<RunSummary> runs = List.of(run(0, "COVERAGE", 0), run(1, "COVERAGE", 30), run(2, "COVERAGE", 0),
            run(3, "COVERAGE", 5), run(4, "MEAN_ALIGNMENT", 250), run(5, "COVERAGE", 0), run(6, "COVERAGE", 80));
        Map<String, List<RunSummary>> groups = EvolutionFigure.byBehaviour(runs);
        assertEquals(List.of("coverage", "quasi-collapse, then coverage", "mean alignment (collapse)"),
            List.copyOf(groups.keySet()));
        assertEquals(2, EvolutionFigure.median(groups.get("coverage")).seedIndex());
        // plateaus 5, 30, 80: the median is the seed with 30
        assertEquals(1, EvolutionFigure.median(groups.get("quasi-collapse, then coverage")).seedIndex());
        assertEquals(4, EvolutionFigure.median(groups.get("mean alignment (collapse)")).seedIndex());
    }
}
