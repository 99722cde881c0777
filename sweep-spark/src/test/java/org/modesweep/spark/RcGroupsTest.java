package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Outcome;
import org.modesweep.core.sweep.ThresholdSpec;
import org.modesweep.spark.Aggregates.Probability;
import org.modesweep.spark.Aggregates.RcRow;

/** {@code R_c} of many groups (estimated in parallel) equals each group's estimated alone, in group order. */
class RcGroupsTest {
    private static final double[] RADII = {1.5, 2, 2.5, 3, 3.5};

    @Test
    void groupsAreEstimatedAsIfAloneAndListedInOrder() {
        ThresholdSpec threshold = new ThresholdSpec(List.of(0.25, 0.5), "logistic", 200, 0.95);
        List<List<Probability>> groups = new ArrayList<>();
        for (String setup : List.of("fixed-flow", "trainable-flow")) {
            for (long d : new long[] {10, 100, 1000, 10000}) {
                groups.add(group(setup, d));
            }
        }
        List<RcRow> alone = new ArrayList<>();
        for (List<Probability> g : groups) {
            alone.addAll(Aggregates.rc(g, threshold, 7));
        }
        List<RcRow> together = Aggregates.rc(groups.stream().flatMap(List::stream).toList(), threshold, 7);
        assertEquals(groups.size() * 2 * 2, together.size(), "2 methods x 2 levels per group");
        assertEquals(alone, together);
    }

    /** Counts rising with R, steeper at larger d (separated at the largest: bootstrap crossings differ in cost). */
    private static List<Probability> group(String setup, long d) {
        List<Probability> out = new ArrayList<>();
        for (int i = 0; i < RADII.length; i++) {
            long n = 40;
            long collapse = d >= 10000 ? (i < 2 ? 0 : n) : Math.min(n, (setup.startsWith("fixed") ? 3 : 2) * i * i + d / 100);
            long[] counts = new long[Outcome.values().length];
            counts[Outcome.MEAN_ALIGNMENT.ordinal()] = collapse;
            counts[Outcome.COVERAGE.ordinal()] = n - collapse;
            out.add(new Probability(setup, Map.of(), d, 0.6667, RADII[i], null, null, null, n, counts, collapse,
                collapse, 0, collapse / (double) n, 0, 1, 0, 0.95, 100, 1000));
        }
        return out;
    }
}
