package org.modesweep.core.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.stats.Interval;
import org.modesweep.core.stats.Wilson;

class CollapseFigureTest {

    private static RunSummary run(long d, String outcome) {
        return new RunSummary("p", "s", 2.5, d, 2.0 / 3, null, null, null, 0, outcome, 0, 400, 0.9, 0.8);
    }

    @Test
    void collapseProbabilityPerDimensionCountsMeanAlignmentAndVanishingWeight() {
        List<RunSummary> runs = new ArrayList<>();
        // d = 10: 1 of 4 collapse; d = 1000: 3 of 5 (both kinds); unresolved and misweighted are not collapse
        runs.add(run(1000, "MEAN_ALIGNMENT"));
        runs.add(run(10, "COVERAGE"));
        runs.add(run(10, "MEAN_ALIGNMENT"));
        runs.add(run(1000, "VANISHING_WEIGHT"));
        runs.add(run(10, "UNRESOLVED"));
        runs.add(run(1000, "MISWEIGHTED"));
        runs.add(run(10, "MISWEIGHTED"));
        runs.add(run(1000, "MEAN_ALIGNMENT"));
        runs.add(run(1000, "COVERAGE"));
        List<double[]> points = CollapseFigure.byDimension(runs, 0.95);
        assertEquals(2, points.size());
        assertEquals(10, points.get(0)[0]);
        assertEquals(0.25, points.get(0)[1], 1e-15);
        assertEquals(1000, points.get(1)[0]);
        assertEquals(0.6, points.get(1)[1], 1e-15);
        Interval w = Wilson.interval(3, 5, 0.95);
        assertEquals(w.low(), points.get(1)[2]);
        assertEquals(w.high(), points.get(1)[3]);
    }
}
